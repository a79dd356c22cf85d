/**
 * Schedules are node-cron expressions (seconds allowed). When several processes run, only the
 * one holding the leader lock fires them; what a schedule starts goes on the job queue or is a
 * short service call. A schedule never overlaps itself in one process.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';

export interface Schedule {
  name: string;
  cron: string; // e.g. '*/10 * * * * *' every 10 seconds
  run: () => Promise<void>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(schedules: Schedule[], options: { isLeader: () => boolean; logger: Logger }): Scheduler {
  const tasks: ScheduledTask[] = [];
  const running = new Set<string>();
  for (const schedule of schedules) {
    if (!cron.validate(schedule.cron)) throw new Error(`schedule ${schedule.name}: invalid cron expression ${schedule.cron}`);
    const task = cron.schedule(schedule.cron, async () => {
      if (!options.isLeader() || running.has(schedule.name)) return;
      running.add(schedule.name);
      const started = performance.now();
      try {
        await schedule.run();
        options.logger.debug({ schedule: schedule.name, ms: Math.round(performance.now() - started) }, 'schedule ran');
      } catch (error) {
        options.logger.error({ err: error, schedule: schedule.name }, 'schedule failed');
      } finally {
        running.delete(schedule.name);
      }
    });
    tasks.push(task);
  }
  return {
    async stop() {
      for (const t of tasks) await t.stop();
    },
  };
}
