/**
 * A tenant's signal channel over the fake Bot API and real BTC/USDT 5m candles: the post, then
 * on TP1, TP2 and the stop an edit of the post and a short reply; edits coalesce; per-chat pacing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { createForexSignal } from '../../../src/services/channels/create-forex-signal.ts';
import { followForexSignals } from '../../../src/services/channels/follow-forex-signals.ts';
import { sendChannelMessages } from '../../../src/services/channels/send-channel-messages.ts';
import { createSignalProvider } from '../../../src/services/signals/create-signal-provider.ts';
import { connectTenantBot } from '../../../src/services/tenants/connect-tenant-bot.ts';
import { setTenantSettings } from '../../../src/services/tenants/set-tenant-settings.ts';
import { Decimal } from '../../../src/shared/money.ts';
import { ensureStaff, makeTenant, readFixture, staffActor, systemActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { bundledCandles, fakeMarket } from '../../helpers/fake-market.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';

const t = useTestDatabase({ config: { PUBLIC_URL: 'https://tw.example.com' } });
const candles = bundledCandles('BTC/USDT', '5m');
const FIVE_MIN = 300_000;
let fake: FakeTelegram;

/** Scan the real candles for a long that hits TP1, then TP2, then comes back to the entry. */
function findScenario() {
  for (let i0 = 100; i0 < candles.length - 500; i0 += 7) {
    const entry = candles[i0].close;
    const [sl, tp1, tp2, tp3] = [entry * 0.99, entry * 1.003, entry * 1.006, entry * 1.05];
    let k = i0 + 1;
    while (k < candles.length && candles[k].high < tp1 && candles[k].low > sl) k += 1;
    if (k >= candles.length || candles[k].low <= sl || candles[k].high >= tp2 || candles[k].open >= tp1) continue;
    let m = k + 1;
    while (m < candles.length && candles[m].high < tp2 && candles[m].low > entry) m += 1;
    if (m >= candles.length || candles[m].low <= entry || candles[m].open >= tp2) continue;
    let s = m + 1;
    while (s < candles.length && candles[s].high < tp3 && candles[s].low > entry) s += 1;
    if (s >= candles.length || candles[s].high >= tp3 || candles[s].open <= entry) continue;
    return { i0, k, m, s, entry, sl, tp1, tp2, tp3 };
  }
  throw new Error('no scenario in the bundled candles');
}

beforeAll(async () => {
  await ensureStaff(t);
  fake = await startFakeTelegram();
  t.env.config = { ...t.env.config, TELEGRAM_API_ROOT: fake.apiRoot };
  t.env.market = fakeMarket({ 'BTC/USDT': candles });
  await makeTenant(t, 'gold');
  await setTenantSettings({ ctx: t.ctx(systemActor), input: { tenantId: 'gold', scope: 'forex', values: { pip_size: '1', follow_timeframe: '5m', signal_expiry_hours: 24 * 30 } } });
});
afterAll(() => fake?.close());

const send = (chatIntervalMs = 0) => sendChannelMessages({ ctx: t.ctx(systemActor), input: { chatIntervalMs } });
const follow = () => followForexSignals({ ctx: t.ctx(systemActor), input: { tenantId: 'gold' } });

describe('signal channel', () => {
  it('connects the signal bot: token checked, stored encrypted, webhook registered with a secret', async () => {
    const r = await connectTenantBot({ ctx: t.ctx(staffActor), input: { tenantId: 'gold', botRole: 'signal_bot', token: '111111:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', channelId: '-1001234567890' } });
    expect(r.botUsername).toBe('bot111111');
    expect(r.webhookUrl).toBe('https://tw.example.com/telegram/gold/signal_bot');
    const hook = fake.calledWith('setWebhook')[0].payload;
    expect(hook.url).toBe(r.webhookUrl);
    expect(hook.secret_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const row = (await t.database.pool.query(`select bot_token_encrypted, webhook_secret from tenant_bot_connections where tenant_id = 'gold'`)).rows[0];
    expect(row.bot_token_encrypted).not.toContain('AAAAAAAA');
    expect(row.webhook_secret).not.toBe(hook.secret_token);
  });

  it('posts a webhook text signal to the channel and stores the message id', async () => {
    const p = await createSignalProvider({ ctx: t.ctx(staffActor), input: { name: 'Gold provider', tenantId: 'gold' } });
    const text = JSON.parse(readFixture('signals/cornix_format_rules_and_lifecycle_messages.json')).cornix_style_channel_messages.messages.signal_1;
    const res = await createApp(t.env).request(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, { method: 'POST', body: text });
    expect(res.status).toBe(201);
    const result = await send();
    expect(result.sent).toBe(1);
    const call = fake.calledWith('sendMessage').at(-1)!;
    expect(call.payload.chat_id).toBe('-1001234567890');
    expect(call.payload.text).toContain('#APE/USDT SHORT');
    expect(call.payload.text).toContain('Status: active');
    const fx = (await t.database.pool.query(`select telegram_message_id, signal_id from forex_signals where tenant_id = 'gold'`)).rows[0];
    expect(fx.telegram_message_id).toBeGreaterThan(1000);
    expect(fx.signal_id).toBe(((await res.json()) as { id: string }).id);
    await t.database.pool.query(`delete from forex_signals where tenant_id = 'gold'`);
  });

  it('posts a TradingView alert that carries a stop and targets', async () => {
    const p = await createSignalProvider({ ctx: t.ctx(staffActor), input: { name: 'TV', tenantId: 'gold' } });
    const alert = JSON.parse(readFixture('tradingview/hackingthemarkets_tradingview_webhook_payload_filled.json'));
    Object.assign(alert, { passphrase: p.secret, ticker: 'OANDA:XAUUSD', exchange: 'OANDA', sl: '2015.5', tp: ['2040', '2050', '2060'] });
    Object.assign(alert.strategy, { order_price: 2030.25, order_id: 'gold long 1' });
    const res = await createApp(t.env).request(`/webhooks/signals/${p.provider.id}`, { method: 'POST', body: JSON.stringify(alert), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ symbol: 'XAU/USD', kind: 'entry' });
    await send();
    const post = fake.calledWith('sendMessage').at(-1)!.payload;
    expect(post.text).toContain('#XAU/USD LONG');
    expect(post.text).toContain('Entry: 2030.25');
    expect(post.text).toContain('3) 2060');
    expect(post.text).toContain('Stop: 2015.5');
    const fx = (await t.database.pool.query(`select pip_size, telegram_message_id, source from forex_signals where tenant_id = 'gold' and symbol = 'XAU/USD'`)).rows[0];
    expect(fx).toMatchObject({ source: 'webhook' });
    expect(Number(fx.pip_size)).toBe(1); // the tenant's pip_size setting
    expect(fx.telegram_message_id).toBeGreaterThan(1000);
    await t.database.pool.query(`delete from forex_signals where tenant_id = 'gold'`);
  });

  it('edits the post and replies on TP1, TP2 and the stop after take profit', async () => {
    const sc = findScenario();
    const openedAt = new Date(candles[sc.i0].time + FIVE_MIN);
    const dec = (n: number) => new Decimal(n.toFixed(2));
    await t.env.db.transaction((tx) =>
      createForexSignal(tx, { tenantId: 'gold', symbol: 'BTC/USDT', direction: 'BUY', entry: dec(sc.entry), stopLoss: dec(sc.sl), targets: [dec(sc.tp1), dec(sc.tp2), dec(sc.tp3)], source: 'strategy', dedupeKey: 'scenario', now: openedAt }),
    );
    t.clock.set(openedAt);
    await send();
    const postId = fake.calledWith('sendMessage').at(-1)!.payload;
    expect(postId.text).toContain('#BTC/USDT LONG');
    const messageId = (await t.database.pool.query(`select telegram_message_id from forex_signals where dedupe_key = 'scenario'`)).rows[0].telegram_message_id;

    const stepTo = async (barIndex: number) => {
      t.clock.set(candles[barIndex].time + FIVE_MIN); // the bar has closed
      await follow();
      const before = fake.calls.length;
      await send();
      return fake.calls.slice(before);
    };
    const expectStep = (calls: typeof fake.calls, reply: RegExp, status: RegExp) => {
      const edit = calls.find((c) => c.method === 'editMessageText')!;
      expect(edit.payload).toMatchObject({ chat_id: '-1001234567890', message_id: messageId });
      expect(edit.payload.text).toMatch(status);
      const sent = calls.find((c) => c.method === 'sendMessage')!;
      expect(sent.payload.reply_parameters.message_id).toBe(messageId);
      expect(sent.payload.text).toMatch(reply);
    };
    expect(await stepTo(sc.k - 1)).toEqual([]); // nothing happened yet: no edit, no reply
    expectStep(await stepTo(sc.k), /#BTC\/USDT Take-Profit target 1 ✅/, /Status: TP1 hit/);
    expectStep(await stepTo(sc.m), /#BTC\/USDT Take-Profit target 2 ✅/, /Status: TP2 hit/);
    expectStep(await stepTo(sc.s), /Closed at stoploss after reaching take profit/, /Status: closed \(\+/);
    const fx = (await t.database.pool.query(`select status, closed_at, result_pips from forex_signals where dedupe_key = 'scenario'`)).rows[0];
    expect(fx.status).toBe('CLOSED');
    expect(new Date(fx.closed_at).getTime()).toBe(candles[sc.s].time);
    // a third of the position at TP1, a third at TP2, the rest at breakeven (pip size 1)
    const tp1 = Number(dec(sc.tp1).minus(dec(sc.entry)));
    const tp2 = Number(dec(sc.tp2).minus(dec(sc.entry)));
    expect(Number(fx.result_pips)).toBeCloseTo((tp1 + tp2) / 3, 6);
    // following again changes nothing
    const before = fake.calls.length;
    await follow();
    await send();
    expect(fake.calls.length).toBe(before);
  });

  /** A long whose first decisive bar (no gaps, one level per bar) is all three targets in turn, or the stop. */
  function findSimple(kind: 'targets' | 'stop') {
    for (let i0 = 200; i0 < candles.length - 500; i0 += 11) {
      const entry = candles[i0].close;
      const [sl, tp1, tp2, tp3] = [entry * 0.997, entry * 1.002, entry * 1.004, entry * 1.006];
      const levels = kind === 'stop' ? [] : [tp1, tp2, tp3];
      const bars: number[] = [];
      let k = i0 + 1;
      let ok = true;
      for (const level of levels) {
        while (k < candles.length && candles[k].high < level && candles[k].low > (bars.length ? entry : sl)) k += 1;
        const bar = candles[k];
        const next = levels[levels.indexOf(level) + 1];
        if (!bar || bar.low <= (bars.length ? entry : sl) || bar.open >= level || (next !== undefined && bar.high >= next)) ok = false;
        bars.push(k);
        k += 1;
        if (!ok) break;
      }
      if (kind === 'stop') {
        while (k < candles.length && candles[k].high < tp1 && candles[k].low > sl) k += 1;
        if (!candles[k] || candles[k].high >= tp1 || candles[k].open <= sl) ok = false;
        bars.push(k);
      }
      if (ok) return { i0, bars, entry, sl, tp1, tp2, tp3 };
    }
    throw new Error('no scenario');
  }

  for (const kind of ['targets', 'stop'] as const) {
    it(kind === 'targets' ? 'edits and replies on TP1, TP2 and TP3 (all targets)' : 'edits and replies when the stop is hit first', async () => {
      const sc = findSimple(kind);
      const openedAt = new Date(candles[sc.i0].time + FIVE_MIN);
      const dec = (n: number) => new Decimal(n.toFixed(2));
      await t.env.db.transaction((tx) =>
        createForexSignal(tx, { tenantId: 'gold', symbol: 'BTC/USDT', direction: 'BUY', entry: dec(sc.entry), stopLoss: dec(sc.sl), targets: [dec(sc.tp1), dec(sc.tp2), dec(sc.tp3)], source: 'strategy', dedupeKey: `simple-${kind}`, now: openedAt }),
      );
      t.clock.set(openedAt);
      await send();
      const expected = kind === 'targets'
        ? [[/Take-Profit target 1 ✅/, /Status: TP1 hit/], [/Take-Profit target 2 ✅/, /Status: TP2 hit/], [/All take-profit targets achieved/, /Status: TP3 hit ✅✅✅ \(\+/]]
        : [[/Stop target hit ⛔/, /Status: stopped ⛔ \(-/]];
      for (const [i, bar] of sc.bars.entries()) {
        t.clock.set(candles[bar].time + FIVE_MIN);
        await follow();
        const before = fake.calls.length;
        await send();
        const calls = fake.calls.slice(before);
        expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toMatch(expected[i][0]);
        expect(calls.find((c) => c.method === 'editMessageText')!.payload.text).toMatch(expected[i][1]);
      }
      const fx = (await t.database.pool.query(`select status from forex_signals where dedupe_key = $1`, [`simple-${kind}`])).rows[0];
      expect(fx.status).toBe(kind === 'targets' ? 'TP3_HIT' : 'STOPPED');
    });
  }

  it('coalesces edits: only the latest state is sent, and a chat over its budget waits', async () => {
    const sc = findScenario();
    const openedAt = new Date(candles[sc.i0].time + FIVE_MIN);
    const dec = (n: number) => new Decimal(n.toFixed(2));
    await t.env.db.transaction((tx) =>
      createForexSignal(tx, { tenantId: 'gold', symbol: 'BTC/USDT', direction: 'BUY', entry: dec(sc.entry), stopLoss: dec(sc.sl), targets: [dec(sc.tp1), dec(sc.tp2), dec(sc.tp3)], source: 'strategy', dedupeKey: 'coalesce', now: openedAt }),
    );
    t.clock.set(openedAt);
    await send();
    t.clock.set(candles[sc.k].time + FIVE_MIN);
    await follow();
    t.clock.set(candles[sc.m].time + FIVE_MIN);
    await follow();
    const pending = (await t.database.pool.query(`select kind, text from channel_messages cm join forex_signals fs on fs.id = cm.forex_signal_id where fs.dedupe_key = 'coalesce' and cm.status = 'pending' order by cm.created_at`)).rows;
    expect(pending.filter((p) => p.kind === 'edit')).toHaveLength(1);
    expect(pending.filter((p) => p.kind === 'reply')).toHaveLength(2);
    expect(pending.find((p) => p.kind === 'edit').text).toMatch(/Status: TP2 hit/);
    // with the real per-chat budget, one edit and one message go now, the rest waits
    const before = fake.calls.length;
    await send(3000);
    const calls = fake.calls.slice(before);
    expect(calls.map((c) => c.method).sort()).toEqual(['editMessageText', 'sendMessage']);
    expect(calls.find((c) => c.method === 'editMessageText')!.payload.text).toMatch(/TP2 hit/);
    expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toMatch(/target 1/);
    const again = fake.calls.length;
    await send(3000);
    expect(fake.calls.length).toBe(again);
  });
});
