/**
 * POST /webhooks/signals/:providerId end to end through the Hono app: TradingView, Cornix text
 * and our JSON; token, HMAC and IP allow-list authentication; idempotency; rejected signals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { createSignalProvider } from '../../../src/services/signals/create-signal-provider.ts';
import { rotateProviderSecret } from '../../../src/services/signals/rotate-provider-secret.ts';
import { describeProviderWebhook } from '../../../src/services/signals/describe-provider-webhook.ts';
import { TRADINGVIEW_IPS } from '../../../src/services/signals/provider-config.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { ensureStaff, makeTenant, readFixture, signedHeaders, staffActor } from '../../helpers/community.ts';

const t = useTestDatabase({ config: { TRUST_PROXY: 'true', PUBLIC_URL: 'https://tw.example.com' } });
const tvFilled = readFixture('tradingview/hackingthemarkets_tradingview_webhook_payload_filled.json');
const cornix = JSON.parse(readFixture('signals/cornix_format_rules_and_lifecycle_messages.json')).cornix_style_channel_messages.messages as Record<string, string>;

async function provider(config: Record<string, unknown> = {}, tenantId?: string) {
  return createSignalProvider({ ctx: t.ctx(staffActor), input: { name: 'P', platform: !tenantId, tenantId, config } });
}
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  createApp(t.env).request(path, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } });
const rows = async (providerId: string) =>
  (await t.database.pool.query('select * from signals where provider_id = $1 order by created_at, id', [providerId])).rows;

describe('signal webhooks', () => {
  beforeAll(() => ensureStaff(t));

  it('stores a TradingView alert authenticated by the secret in its body, without the secret, once', async () => {
    const p = await provider();
    const body = tvFilled.replace('abcdefgh', p.secret);
    const first = await post(`/webhooks/signals/${p.provider.id}`, body, { 'content-type': 'application/json' });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'accepted', kind: 'entry', symbol: 'DOGE/USDT' });
    const again = await post(`/webhooks/signals/${p.provider.id}`, body, { 'content-type': 'application/json' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, status: 'accepted' });
    const stored = await rows(p.provider.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'accepted', processed: false, symbol: 'DOGE/USDT', action: 'BUY', format: 'tradingview', kind: 'entry' });
    expect(stored[0].idempotency_key).toBe('tv:doge door:2020-09-06T01:44:17Z');
    expect(stored[0].raw_body).not.toContain(p.secret);
    expect(stored[0].raw_body).toContain('[secret]');
    expect(stored[0].normalized).toMatchObject({ entries: ['0.0027451'], tradingView: { orderId: 'doge door', contracts: '10000' } });
    expect(Number(stored[0].price)).toBe(0.0027451);
  });

  it('keeps a strategy exit alert as an exit for the signal bots', async () => {
    const p = await provider();
    const exit = JSON.parse(tvFilled);
    Object.assign(exit.strategy, { order_action: 'sell', market_position: 'flat', prev_market_position: 'long', order_id: 'doge exit' });
    exit.passphrase = p.secret;
    const res = await post(`/webhooks/signals/${p.provider.id}`, JSON.stringify(exit));
    expect(res.status).toBe(201);
    expect((await rows(p.provider.id))[0]).toMatchObject({ kind: 'exit', action: 'SELL', symbol: 'DOGE/USDT', processed: false });
  });

  it('accepts Cornix text with ?token=, and stores an unparseable message as rejected with a 422 and the reason', async () => {
    const p = await provider();
    const ok = await post(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, cornix.signal_1);
    expect(ok.status).toBe(201);
    const bad = await post(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, 'Good morning traders, big moves today!');
    expect(bad.status).toBe(422);
    const reason = ((await bad.json()) as { error: string }).error;
    expect(reason.length).toBeGreaterThan(10);
    const stored = await rows(p.provider.id);
    expect(stored.map((r) => r.status).sort()).toEqual(['accepted', 'rejected']); // same instant: order by status
    expect(stored[0]).toMatchObject({ symbol: 'APE/USDT', action: 'SELL', format: 'text' });
    expect(stored[0].normalized.targets).toEqual(['5.937', '5.854', '5.758', '5.752']);
    expect(stored[1]).toMatchObject({ reject_reason: reason, processed: true, symbol: null });
    // the same broken message again is a duplicate, not a second row
    const repeat = await post(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, 'Good morning traders, big moves today!');
    expect(repeat.status).toBe(200);
    expect(await rows(p.provider.id)).toHaveLength(2);
  });

  it('explains typographic quotes', async () => {
    const p = await provider();
    const res = await post(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, '{“ticker”: “BTCUSDT”, “action”: “buy”}');
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/typographic quotes/);
  });

  it('refuses a wrong or missing token with 401 and stores nothing; an unknown provider is 404', async () => {
    const p = await provider();
    expect((await post(`/webhooks/signals/${p.provider.id}?token=nope`, cornix.signal_1)).status).toBe(401);
    expect((await post(`/webhooks/signals/${p.provider.id}`, cornix.signal_1)).status).toBe(401);
    expect((await post(`/webhooks/signals/nosuch?token=x`, cornix.signal_1)).status).toBe(404);
    expect(await rows(p.provider.id)).toHaveLength(0);
  });

  it('HMAC providers: signed JSON within 5 minutes; stale, tampered and unsigned requests are 401; Idempotency-Key dedupes', async () => {
    const p = await provider({ auth: 'hmac' });
    const body = JSON.stringify({ symbol: 'BTC/USDT', direction: 'long', entries: ['42000'], targets: ['43000', '44000'], stopLoss: '40500' });
    const now = t.clock.now().getTime();
    const url = `/webhooks/signals/${p.provider.id}`;
    expect((await post(url, body, signedHeaders(p.secret, body, now, { 'idempotency-key': 'sig-1' }))).status).toBe(201);
    expect((await post(url, body, signedHeaders(p.secret, body, now + 1000, { 'idempotency-key': 'sig-1' }))).status).toBe(200);
    expect((await post(url, body, signedHeaders(p.secret, body, now - 6 * 60_000))).status).toBe(401);
    expect((await post(url, body.replace('42000', '42001'), signedHeaders(p.secret, body, now))).status).toBe(401);
    expect((await post(url, body, { 'content-type': 'application/json' })).status).toBe(401);
    // a token is not enough for an HMAC provider
    expect((await post(`${url}?token=${p.secret}`, body)).status).toBe(401);
    const stored = await rows(p.provider.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ format: 'json', idempotency_key: 'hdr:sig-1', symbol: 'BTC/USDT' });
  });

  it('dedupes an identical body within the window (even across a bucket boundary) and stores it again later', async () => {
    const p = await provider();
    const url = `/webhooks/signals/${p.provider.id}?token=${p.secret}`;
    t.clock.set('2026-03-02T10:04:59Z');
    expect((await post(url, cornix.signal_3)).status).toBe(201);
    t.clock.set('2026-03-02T10:05:01Z'); // next 5-minute bucket
    expect((await post(url, cornix.signal_3)).status).toBe(200);
    t.clock.set('2026-03-02T10:16:00Z');
    expect((await post(url, cornix.signal_3)).status).toBe(201);
    expect(await rows(p.provider.id)).toHaveLength(2);
  });

  it('applies the IP allow-list', async () => {
    const p = await provider({ allowedIps: [...TRADINGVIEW_IPS] });
    const body = tvFilled.replace('abcdefgh', p.secret);
    expect((await post(`/webhooks/signals/${p.provider.id}`, body, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(401);
    // the proxy appends the address it saw last; an earlier entry is the caller's to forge
    expect((await post(`/webhooks/signals/${p.provider.id}`, body, { 'x-forwarded-for': '52.32.178.7, 203.0.113.9' })).status).toBe(401);
    expect((await post(`/webhooks/signals/${p.provider.id}`, body, { 'x-forwarded-for': '10.0.0.1, 52.32.178.7' })).status).toBe(201);
  });

  it('rotating the secret stops the old one at once; describe shows the URL and a TradingView message', async () => {
    const p = await provider();
    const rotated = await rotateProviderSecret({ ctx: t.ctx({ kind: 'admin', userId: 'staff', role: 'superadmin' }), input: { providerId: p.provider.id } });
    expect((await post(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, cornix.signal_4)).status).toBe(401);
    expect((await post(`/webhooks/signals/${p.provider.id}?token=${rotated.secret}`, cornix.signal_4)).status).toBe(201);
    const info = await describeProviderWebhook({ ctx: t.ctx(staffActor), input: { providerId: p.provider.id } });
    expect(info.webhook.url).toBe(`https://tw.example.com/webhooks/signals/${p.provider.id}`);
    expect(JSON.parse(info.webhook.tradingViewMessage)).toMatchObject({ secret: 'YOUR_WEBHOOK_SECRET', action: '{{strategy.order.action}}' });
    const stored = await t.database.pool.query('select api_key from signal_providers where id = $1', [p.provider.id]);
    expect(stored.rows[0].api_key).not.toContain(rotated.secret);
  });

  it("a community provider's signal becomes a channel signal with a queued post in the same commit", async () => {
    await makeTenant(t, 'alpha');
    await t.database.pool.query(
      `insert into tenant_bot_connections (tenant_id, bot_role, bot_token_encrypted, channel_id, webhook_secret, id) values ('alpha', 'signal_bot', $1, '-1001', $2, 'c1')`,
      [t.env.keyring.encrypt('1:x'), t.env.keyring.encrypt('s')],
    );
    const p = await provider({}, 'alpha');
    const res = await post(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, cornix.signal_2);
    expect(res.status).toBe(201);
    const fx = (await t.database.pool.query(`select * from forex_signals where tenant_id = 'alpha'`)).rows;
    expect(fx).toHaveLength(1);
    expect(fx[0]).toMatchObject({ direction: 'SELL', source: 'webhook', status: 'ACTIVE', symbol: 'FTM/USDT' });
    expect(Number(fx[0].take_profit_1)).toBe(0.2524);
    const outbox = (await t.database.pool.query(`select * from channel_messages where tenant_id = 'alpha'`)).rows;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'post', status: 'pending', chat_id: '-1001' });
    expect(outbox[0].text).toContain('#FTM/USDT SHORT');
  });
});
