/**
 * Secrets never reach a log or a stored message: exchange keys (even when a venue echoes them in
 * an error), bot tokens and database passwords are redacted, in log lines and in the rows a
 * person reads (order errors, bot errors, the operational log).
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../src/logger.ts';
import { createBot } from '../../src/services/bots/create-bot.ts';
import { connectExchange } from '../../src/services/exchange-connections/connect-exchange.ts';
import { reconcileLiveOrders } from '../../src/services/runner/live-orders.ts';
import { FakeVenue } from '../helpers/fake-venue.ts';
import { consoleActor, createUser } from '../helpers/actors.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { tickBots, useReplay } from '../helpers/runner.ts';

const t = useTestDatabase();
const API_KEY = 'AKsecretkey0123456789XYZ';
const SECRET = 'SKsupersecret0123456789ABC';
let logged = '';

describe('secrets never appear in logs', () => {
  beforeAll(() => {
    useReplay(t, 300);
    t.env.logger = createLogger({ level: 'debug', destination: new Writable({ write(chunk, _e, cb) { logged += chunk.toString(); cb(); } }) });
  });

  it('an exchange key echoed back by the venue is redacted everywhere', async () => {
    const venue = new FakeVenue('binance');
    t.env.exchangeTransport = { fetchImplementation: venue.fetch, markets: { binance: JSON.parse(readFileSync(new URL('../fixtures/markets/binance.json', import.meta.url), 'utf8')) } };
    const user = await createUser(t, { subscriptionPlan: 'pro' });
    const ctx = t.ctx(consoleActor(user.id));
    await connectExchange({ ctx, input: { exchange: 'binance', apiKey: API_KEY, secret: SECRET } });
    await createBot({ ctx, input: { name: 'leaky', type: 'dca', tradingPair: 'BTC/USDT', paperTrading: false, start: true, config: { baseOrderSize: 50, safetyOrderSize: 50, takeProfitPercent: 1 } } });
    venue.options.echoKeyOnCreate = true;
    await tickBots(t, [(await t.database.db.execute(sql`select id from bots where name = 'leaky'`)).rows[0].id as string], 1);
    await reconcileLiveOrders(t.env);
    const failed = await t.database.db.execute(sql`select error_message from orders where error_message is not null`);
    expect(failed.rows.length).toBeGreaterThan(0);
    expect(String(failed.rows[0].error_message)).toContain('[REDACTED]');
    const stored = JSON.stringify((await t.database.db.execute(sql`select (select json_agg(o.*) from orders o) o, (select json_agg(b.*) from bots b) b, (select json_agg(l.*) from logs l) l, (select json_agg(a.*) from audit_logs a) a, (select json_agg(e.*) from executions e) e`)).rows);
    for (const secret of [API_KEY, SECRET]) {
      expect(logged).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it('the logger redacts secret-shaped fields and text', () => {
    let out = '';
    const logger = createLogger({ level: 'info', destination: new Writable({ write(c, _e, cb) { out += c.toString(); cb(); } }) });
    const botToken = '123456789:AAHfakeTelegramTokenValue_0123456789ab';
    logger.info({ apiKey: API_KEY, secret: SECRET, nested: { password: 'hunter2hunter2' }, botToken }, `connecting with ${botToken} to postgres://tw:pa55word@db/x`);
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${botToken}/getMe failed`) }, 'boom');
    for (const s of [API_KEY, SECRET, 'hunter2hunter2', botToken, 'pa55word']) expect(out).not.toContain(s);
    expect(redactText('sk_live_abcdefghijklmnop and whsec_abcdefghijkl')).toBe('[REDACTED] and [REDACTED]');
  });
});
