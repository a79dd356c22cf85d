/**
 * The one shape of a service verb: parse the input with its zod schema (VALIDATION with field
 * issues on failure), check the actor, run in a transaction (reusing ctx.db when given).
 */
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor, ServiceContext, VerbArgs } from './context.ts';
import { forbidden, invalid, type FieldIssue } from './errors.ts';

export interface VerbSpec<S extends z.ZodType, O> {
  name: string; // '{entity}.{verb}', also the audit action
  input: S;
  /** Who may call it; throw or return false to refuse. Defaults to anyone with a context. */
  allow?: (actor: Actor) => boolean;
  /** Run inside a transaction (default true). Read-only verbs may skip it. */
  transactional?: boolean;
  run: (args: { ctx: ServiceContext; input: z.output<S>; tx: DbOrTx }) => Promise<O>;
}

export type Verb<S extends z.ZodType, O> = ((args: VerbArgs<z.input<S>>) => Promise<O>) & { verbName: string; schema: S };

export function defineVerb<S extends z.ZodType, O>(spec: VerbSpec<S, O>): Verb<S, O> {
  const fn = async ({ ctx, input }: VerbArgs<z.input<S>>): Promise<O> => {
    if (spec.allow && !spec.allow(ctx.actor)) throw forbidden();
    const data = parseInput(spec.input, input);
    if (ctx.db || spec.transactional === false) {
      return spec.run({ ctx, input: data, tx: ctx.db ?? ctx.env.db });
    }
    return ctx.env.db.transaction((tx) => spec.run({ ctx: { ...ctx, db: tx }, input: data, tx }));
  };
  return Object.assign(fn, { verbName: spec.name, schema: spec.input });
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const message = first ? (first.field ? `${first.field}: ${first.message}` : first.message) : 'The input is not valid.';
  throw invalid(message, issues);
}
