/**
 * The scheduler queues one tick per due bot on pg-boss (the [status, last_execution_at] index),
 * never two for the same bot, and a worker consuming the queue runs them.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { startTickWorker } from '../../../src/jobs/runtime.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { startQueue } from '../../../src/services/core/queue.ts';
import { scheduleDueTicks, TICK_QUEUE } from '../../../src/services/runner/schedule-due-ticks.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { useReplay } from '../../helpers/runner.ts';

const t = useTestDatabase();

describe('scheduling ticks', () => {
  const ids: string[] = [];
  beforeAll(async () => {
    useReplay(t, 300);
    t.env.queue = await startQueue(t.database.url, t.logger, { supervise: false });
    const user = await createUser(t, { subscriptionPlan: 'pro' });
    for (const name of ['a', 'b', 'c']) ids.push((await createBot({ ctx: t.ctx(consoleActor(user.id)), input: { name, type: 'ai', tradingPair: 'BTC/USDT', start: name !== 'c' } })).id);
  });
  afterAll(async () => {
    await t.env.queue?.stop();
  });

  it('queues due active bots once, however often the scheduler runs', async () => {
    const first = await scheduleDueTicks(t.env, { intervalMs: 10_000 });
    expect(first.enqueued).toBe(2); // 'c' is inactive
    await scheduleDueTicks(t.env, { intervalMs: 10_000 });
    t.clock.advance(10_000); // a new slot: the bots are still waiting for their first tick
    await scheduleDueTicks(t.env, { intervalMs: 10_000 });
    expect(await t.env.queue!.queueSize(TICK_QUEUE)).toBe(2);
  });

  it('a worker consumes the queue and the bots tick', async () => {
    await startTickWorker(t.env, { batchSize: 10 });
    for (let i = 0; i < 50; i++) {
      const execs = await t.database.db.select().from(s.executions);
      if (execs.length >= 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const [a] = await t.database.db.select().from(s.bots).where(eq(s.bots.id, ids[0]));
    expect(a.lastExecutionAt).not.toBeNull();
    const execs = await t.database.db.select().from(s.executions);
    expect(execs.map((e) => e.botId).sort()).toEqual([ids[0], ids[1]].sort());
    // ticked just now: not due again within the interval
    expect((await scheduleDueTicks(t.env, { intervalMs: 10_000 })).enqueued).toBe(0);
  });
});
