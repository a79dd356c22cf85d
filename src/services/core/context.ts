/**
 * How a call flows (DESIGN.md): `verb({ ctx, input })`, where ctx carries the Actor the
 * adapter resolved, a request id for logs, optionally a transaction to reuse, and the
 * process's environment (database, clock, logger, config, keyring, queue).
 */
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Keyring } from './keyring.ts';
import type { JobQueue } from './queue.ts';
import type { MarketDataProvider } from '../market/market-data-provider.ts';
import type { CreateExchangeOptions } from '../../exchanges/ccxt/create-exchange.ts';

export type UserRole = 'user' | 'admin' | 'superadmin';
export type ChatPlatform = 'telegram' | 'discord' | 'console';

export type Actor =
  | { kind: ChatPlatform; userId: string; role: UserRole; platformUserId: string; chatId: string; tenantId?: string }
  | { kind: 'admin'; userId: string; role: UserRole; sessionId?: string; ip?: string; via?: 'session' | 'api_key' }
  | { kind: 'webhook'; source: string; tenantId?: string; providerId?: string; ip?: string }
  | { kind: 'system'; job: string };

/** Process-wide dependencies; later domains add theirs (queue, market data, notifier …). */
export interface ServiceEnv {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  keyring: Keyring;
  /** The job queue; null in processes (and tests) that run no queue. */
  queue: JobQueue | null;
  /** Public market data per venue (ccxt, or the replay feed offline). */
  market?: MarketDataProvider;
  /** Test and air-gapped seam for ccxt: an HTTP implementation and saved markets per venue. */
  exchangeTransport?: { fetchImplementation?: CreateExchangeOptions['fetchImplementation']; markets?: Record<string, Record<string, unknown>> };
}

export interface ServiceContext {
  actor: Actor;
  requestId: string;
  /** A transaction to reuse; when absent a verb opens its own. */
  db?: DbOrTx;
  env: ServiceEnv;
}

export interface VerbArgs<I> {
  ctx: ServiceContext;
  input: I;
}

export function systemContext(env: ServiceEnv, job: string, requestId = `job:${job}`): ServiceContext {
  return { actor: { kind: 'system', job }, requestId, env };
}

export function actorUserId(actor: Actor): string | null {
  return 'userId' in actor ? actor.userId : null;
}

export function isStaff(actor: Actor): boolean {
  return 'role' in actor && (actor.role === 'admin' || actor.role === 'superadmin');
}

/** Jobs and staff: the `allow` of verbs that scheduled work runs and the console may trigger. */
export function isSystemOrStaff(actor: Actor): boolean {
  return actor.kind === 'system' || isStaff(actor);
}
