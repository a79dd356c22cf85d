/**
 * User B cannot see or touch user A's bots and positions by guessing names or ids, nor by
 * forging button payloads (Telegram callback data, Discord custom ids): every answer is the
 * plain "not found", and A's bot and position are exactly as they were.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { consoleActor } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { tickBots, useReplay } from '../../helpers/runner.ts';
import { usePlatforms } from '../helpers/platforms.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);
const A = 850001;
const B = 850002;
const B_DISCORD = '850003';
let bot: { id: string; name: string };
let positionId: string;

async function snapshot() {
  const [b] = await t.env.db.select().from(s.bots).where(eq(s.bots.id, bot.id));
  const ps = await t.env.db.select().from(s.positions).where(eq(s.positions.botId, bot.id));
  return JSON.stringify({ b, ps });
}

beforeAll(async () => {
  useReplay(t, 300);
  await chat.telegram(A, '/start');
  await chat.telegram(B, '/start');
  const [a] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, String(A)));
  bot = await createBot({ ctx: t.ctx(consoleActor(a.id)), input: { name: 'Alpha Secret', type: 'dca', tradingPair: 'BTC/USDT', config: { baseOrderSize: 50, safetyOrderSize: 50, takeProfitPercent: 5 }, start: true } });
  await tickBots(t, [bot.id], 3);
  const [p] = await t.env.db.select().from(s.positions).where(and(eq(s.positions.botId, bot.id), eq(s.positions.status, 'open')));
  positionId = p.id;
});

describe("another user's bots and positions", () => {
  it('are not found by name, id or forged buttons on Telegram, and nothing changes', async () => {
    const before = await snapshot();
    const typed = [`/bot Alpha Secret`, `/bot ${bot.id}`, `/positions Alpha Secret`, `/profit ${bot.id}`, `/backtest ${bot.id} 7`, `/forceexit ${positionId}`, `/forceexit ${positionId} yes`, `/forceexit ${positionId.slice(-6)} yes`];
    for (const text of typed) {
      const answer = await chat.telegram(B, text);
      expect(answer, text).toMatch(/You have no (bot|open position|bot or template) with that/);
      expect(answer, text).not.toContain('Alpha');
    }
    const forged = ['start', 'pause', 'stop', 'stopclose', 'stopkeep', 'delete', 'deleteyes'].map((a) => `/botdo ${a} ${bot.id}`);
    for (const data of [...forged, `/forceexit ${positionId} yes`, `/positions ${bot.id}`]) {
      const answer = await chat.telegramButton(B, data);
      expect(answer, data).toMatch(/You have no (bot|open position) with that/);
    }
    for (const list of ['/bots', '/positions', '/trades', '/balance', '/performance']) expect(await chat.telegram(B, list), list).not.toContain('Alpha');
    expect(await snapshot()).toEqual(before);
  });

  it('are not found through forged Discord custom ids either', async () => {
    const before = await snapshot();
    await chat.discord(B_DISCORD, 'start');
    for (const customId of [`/botdo deleteyes ${bot.id}`, `/botdo stopclose ${bot.id}`, `/forceexit ${positionId} yes`, `/bot ${bot.id}`]) {
      expect(await chat.discordButton(B_DISCORD, customId), customId).toMatch(/You have no (bot|open position) with that/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('while the owner sees and controls them', async () => {
    expect(await chat.telegram(A, '/bot Alpha Secret')).toMatch(/Open positions \(1\)/);
    expect(await chat.telegram(A, '/positions')).toContain(`#${positionId.slice(-6)}`);
  });
});
