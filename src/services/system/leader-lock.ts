/**
 * One process fires the schedules: the one holding a session-level Postgres advisory lock on a
 * dedicated connection. If that process dies, its connection closes, the lock is released,
 * and another scheduler takes over at its next attempt.
 */
import pg from 'pg';
import type { Logger } from '../../logger.ts';

export interface LeaderLock {
  isLeader(): boolean;
  stop(): Promise<void>;
}

export async function startLeaderLock(url: string, key: number, logger: Logger, retryMs = 5000): Promise<LeaderLock> {
  let client: pg.Client | null = null;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const attempt = async () => {
    if (stopped || leader) return;
    try {
      if (!client) {
        client = new pg.Client({ connectionString: url, application_name: 'tradewire-scheduler-lock' });
        client.on('error', () => {
          leader = false;
          client = null;
        });
        await client.connect();
      }
      const r = await client.query('select pg_try_advisory_lock($1) as ok', [key]);
      if (r.rows[0].ok) {
        leader = true;
        logger.info('this process now fires the schedules (scheduler leader)');
      }
    } catch (error) {
      logger.warn({ err: error }, 'scheduler lock attempt failed');
      await client?.end().catch(() => {});
      client = null;
    }
  };
  await attempt();
  timer = setInterval(() => void attempt(), retryMs);
  return {
    isLeader: () => leader && client !== null,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      leader = false;
      await client?.end().catch(() => {});
    },
  };
}
