/**
 * Run several verbs as one unit of work. Adapters cannot open transactions themselves (they
 * never touch the database), yet a conversation step must commit its side effects and its new
 * state together, or neither: verbs called with the returned ctx reuse the transaction.
 */
import type { ServiceContext } from './context.ts';

export async function withTransaction<T>(ctx: ServiceContext, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db && ctx.db !== ctx.env.db) return work(ctx);
  return ctx.env.db.transaction((tx) => work({ ...ctx, db: tx }));
}
