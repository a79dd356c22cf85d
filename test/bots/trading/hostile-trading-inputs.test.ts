/**
 * The hostile-input set against the trading commands and the /newbot answers: negative amounts,
 * huge numbers, unicode, injection strings. Each gets a friendly answer, and the database
 * (bots, positions, trades, connections, backtests, conversations, audit) is unchanged.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { consoleActor } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { FakeVenue } from '../../helpers/fake-venue.ts';
import { tickBots, useReplay } from '../../helpers/runner.ts';
import { cleanInput } from '../../../src/bots/core/reply.ts';
import { usePlatforms } from '../helpers/platforms.ts';
import { expectFriendly, payloads, tradingHostileInputs } from '../hostile-inputs.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);
const USER = 880001;

const TABLES = ['bots', 'positions', 'trades', 'orders', 'executions', 'exchange_connections', 'backtests', 'template_deployments', 'bot_templates', 'conversations', 'audit_logs', 'notifications', 'users'];

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const r = await t.env.db.execute<{ n: number; h: string | null }>(sql`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.identifier(table)} x`);
    out[table] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

async function answerAll(inputs: string[], step: string) {
  const before = await snapshot();
  for (const input of inputs) {
    const from = chat.tgApi.reset();
    await chat.telegram(USER, input);
    // what the person reads: messages, edits and photo captions
    const answer = chat.tgApi.calls.slice(from).map((c) => String(c.body.text ?? c.body.caption ?? '')).join('\n');
    expectFriendly(input, answer);
    expect(answer, input).not.toMatch(/<(script|img)\b/i);
  }
  expect(await snapshot(), step).toEqual(before);
}

beforeAll(async () => {
  useReplay(t, 300);
  // Keys that look valid are checked with a venue that rejects them, never with the real one.
  t.env.exchangeTransport = { fetchImplementation: new FakeVenue('binance', { failWith: 401 }).fetch };
  await chat.telegram(USER, '/start');
  const [user] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, String(USER)));
  const bot = await createBot({ ctx: t.ctx(consoleActor(user.id)), input: { name: 'Target', type: 'dca', tradingPair: 'BTC/USDT', config: { baseOrderSize: 50, safetyOrderSize: 50, takeProfitPercent: 5 }, start: true } });
  await tickBots(t, [bot.id], 3);
});

describe('hostile inputs to the trading commands', () => {
  it('each command argument gets a friendly answer and changes nothing', { timeout: 300_000 }, async () => {
    const inputs = tradingHostileInputs();
    expect(inputs.length).toBeGreaterThan(1000);
    await answerAll(inputs, 'commands');
  });

  it('each /newbot answer that does not fit is explained, asked again and nothing is stored', { timeout: 120_000 }, async () => {
    await chat.telegram(USER, '/newbot');
    await chat.telegramButton(USER, 'dca');
    await chat.telegramButton(USER, 'binance');
    await answerAll(payloads, 'pair'); // none is a listed pair
    await chat.telegram(USER, 'BTC/USDT');
    await chat.telegramButton(USER, '5m');
    await answerAll(payloads, 'baseOrderSize'); // none is a plain positive number
    for (const keep of ['20', '20', '5', '1', '1.5', 'none', 'paper']) await chat.telegram(USER, keep);
    await answerAll(payloads, 'balance');
    await chat.telegram(USER, '1000');
    // the payloads no bot name may hold (after the adapter drops control characters)
    const injections = payloads.filter((p) => /[^\p{L}\p{N} _.-]/u.test(cleanInput(p).trim()) || cleanInput(p).trim().length > 40);
    expect(injections.length).toBeGreaterThan(30);
    await answerAll(injections, 'name');
    expect(await chat.telegram(USER, '/cancel')).toMatch(/no bot was created/);
  });
});
