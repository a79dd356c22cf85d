/** /newbot in `npm run chat` as a real process: killed in the middle of the wizard, restarted, finished. */
import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { Cli } from '../helpers/cli-process.ts';

const t = useTestDatabase();

describe('npm run chat', () => {
  it('continues the /newbot wizard in a new process and saves the preview chart', { timeout: 120_000 }, async () => {
    const first = new Cli(t, 'cli-wizard');
    await first.expect('you are local:cli-wizard');
    first.say('/newbot combo');
    await first.expect('Which exchange?');
    first.say('#3');
    await first.expect('Which pair should it trade on bybit?');
    first.say('SOL/USDT');
    await first.expect('Which candles');
    first.say('1m');
    await first.expect('Combo settings (1 of 4)');
    first.say('35');
    await first.expect('Combo settings (2 of 4)');
    expect(await first.close()).toBe(0);

    const second = new Cli(t, 'cli-wizard');
    await second.expect('you are local:cli-wizard');
    second.say('45');
    await second.expect('Most safety orders per deal');
    for (const [answer, next] of [['#1', 'Take-profit levels'], ['#1', 'First take-profit level'], ['0.8', 'Last take-profit level'], ['#1', 'Stop loss below'], ['none', 'Paper or live?'], ['paper', 'How much pretend USDT'], ['750', 'what should I call it']]) {
      second.say(answer);
      await second.expect(next);
    }
    second.say('Sol combo');
    const preview = await second.expect('preview.png)');
    expect(preview).toMatch(/Ready to create Sol combo[\s\S]*Combo on SOL\/USDT 1m at bybit, paper, 750 USDT[\s\S]*Backtest of the last 30 days/);
    expect(existsSync(/\(image saved to (.+preview\.png)\)/.exec(preview)![1])).toBe(true);
    second.say('#1');
    await second.expect('Created Sol combo');
    expect(await second.close()).toBe(0);

    const [user] = await t.env.db.select().from(s.users).where(eq(s.users.consoleUserId, 'local:cli-wizard'));
    const [bot] = await t.env.db.select().from(s.bots).where(eq(s.bots.userId, user.id));
    expect(bot).toMatchObject({ name: 'Sol combo', type: 'combo', exchange: 'bybit', tradingPair: 'SOL/USDT', timeframe: '1m', status: 'active' });
    expect(bot.initialBalance.toFixed()).toBe('750');
    expect(bot.config).toMatchObject({ baseOrderSize: '35', safetyOrderSize: '45', maxSafetyOrders: 5, gridLevels: 5, firstTakeProfitPercent: 0.8, lastTakeProfitPercent: 2.5 });
  });
});
