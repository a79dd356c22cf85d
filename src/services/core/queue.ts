/**
 * The Postgres-backed job queue (pg-boss 10, which runs on Node 20). Services enqueue through
 * `env.queue`, optionally inside their own transaction so a job exists exactly when the change
 * that caused it commits; workers in jobs/ consume. Handlers must be safe to run twice.
 */
import PgBoss from 'pg-boss';
import type { DbOrTx } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';

export type SendOptions = PgBoss.SendOptions & { tx?: DbOrTx };
export type JobHandler<T> = (jobs: PgBoss.Job<T>[]) => Promise<void>;

export interface JobQueue {
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  insert<T extends object>(name: string, jobs: (Omit<PgBoss.JobInsert<T>, 'name' | 'data'> & { data: T })[], options?: { tx?: DbOrTx }): Promise<void>;
  work<T extends object>(name: string, options: PgBoss.WorkOptions, handler: JobHandler<T>): Promise<string>;
  ensureQueue(name: string, options?: Omit<PgBoss.Queue, 'name'>): Promise<void>;
  queueSize(name: string): Promise<number>;
  stats(): Promise<{ name: string; queued: number; active: number; failed: number }[]>;
  stop(): Promise<void>;
  /** Mark the queue as shutting down (quiet expected connection errors) before anything stops. */
  beginShutdown(): void;
  boss: PgBoss;
}

/** pg-boss talks to a transaction through this adapter (drizzle's node-postgres session client). */
function txExecutor(tx: DbOrTx): PgBoss.Db {
  const client = (tx as unknown as { session: { client: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } } }).session.client;
  return { executeSql: (text, values) => client.query(text, values) as Promise<{ rows: any[] }> };
}

export async function startQueue(url: string, logger: Logger, options: { supervise?: boolean; poolSize?: number } = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    max: options.poolSize ?? 4,
    application_name: 'tradewire-queue',
    supervise: options.supervise ?? true,
    schedule: false, // schedules are node-cron under our own leader lock (jobs/scheduler.ts)
    migrate: true,
  });
  let stopping = false;
  // During shutdown the embedded Postgres may stop before pg-boss does; those errors are expected.
  boss.on('error', (error) => (stopping ? logger.debug({ err: error }, 'job queue error while stopping') : logger.error({ err: error }, 'job queue error')));
  await boss.start();
  const created = new Set<string>();

  const queue: JobQueue = {
    boss,
    async ensureQueue(name, queueOptions = {}) {
      if (created.has(name)) return;
      // Processes starting together may create the same queue at once: the loser sees a
      // duplicate, or a deadlock inside pgboss.create_queue; either way the queue exists after a retry.
      for (let attempt = 0; ; attempt += 1) {
        try {
          if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...queueOptions });
          break;
        } catch (error) {
          if (/already exists|duplicate key/.test((error as Error).message)) break;
          if (!/deadlock detected/.test((error as Error).message) || attempt >= 3) throw error;
        }
      }
      created.add(name);
    },
    async send(name, data, sendOptions = {}) {
      await queue.ensureQueue(name);
      const { tx, ...rest } = sendOptions;
      return boss.send(name, data, tx ? { ...rest, db: txExecutor(tx) } : rest);
    },
    async insert(name, jobs, insertOptions = {}) {
      if (jobs.length === 0) return;
      await queue.ensureQueue(name);
      await boss.insert(jobs.map((j) => ({ ...j, name })) as PgBoss.JobInsert[], insertOptions.tx ? { db: txExecutor(insertOptions.tx) } : {});
    },
    async work(name, workOptions, handler) {
      await queue.ensureQueue(name);
      // pg-boss 10 waits out the rest of its polling interval after every fetch, even one that
      // came back full, which capped a tick worker at one batch per interval (measured: 193 of
      // 100-bot ticks per second with 0.5 s polling and a 250 ms batch, the worker 65 % idle).
      // A full batch means more work is waiting: notify the worker so it fetches again at once.
      const batchSize = workOptions.batchSize ?? 1;
      let workerId: string | null = null;
      const wrapped = async (jobs: PgBoss.Job<object>[]) => {
        await (handler as PgBoss.WorkHandler<object>)(jobs);
        if (jobs.length >= batchSize && workerId && !stopping) boss.notifyWorker(workerId);
      };
      workerId = await boss.work(name, workOptions, wrapped);
      return workerId;
    },
    beginShutdown() {
      stopping = true;
    },
    async queueSize(name) {
      return boss.getQueueSize(name);
    },
    async stats() {
      // pg-boss 10 keeps no per-queue counters; count live jobs by state (archived ones are gone).
      const { rows } = await boss.getDb().executeSql(
        `select name, count(*) filter (where state in ('created','retry'))::int as queued,
                count(*) filter (where state = 'active')::int as active,
                count(*) filter (where state = 'failed')::int as failed
           from pgboss.job group by name order by name`,
        [],
      );
      return rows as { name: string; queued: number; active: number; failed: number }[];
    },
    async stop() {
      stopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
  return queue;
}
