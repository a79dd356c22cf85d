/**
 * Cross-promo at the tenant's local time (planned once, claimed with SKIP LOCKED, posted to
 * the free channel; a winning signal reposted), campaigns' status rules, and coupon codes
 * recorded in bot_users and bot_usage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCoupon, randomCouponCode } from '../../../src/services/campaigns/generate-coupon.ts';
import { createCampaign, setCampaignStatus } from '../../../src/services/campaigns/manage-campaigns.ts';
import { configureCrosspromo } from '../../../src/services/crosspromo/configure-crosspromo.ts';
import { planCrosspromoJobs } from '../../../src/services/crosspromo/plan-crosspromo-jobs.ts';
import { queueWinningSignalRepost } from '../../../src/services/crosspromo/queue-winning-signal.ts';
import { runCrosspromoJobs } from '../../../src/services/crosspromo/run-crosspromo-jobs.ts';
import { setTenantSettings } from '../../../src/services/tenants/set-tenant-settings.ts';
import { ensureStaff, makeTenant, staffActor, systemActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';

const t = useTestDatabase({ clock: '2026-03-02T05:00:00Z' });
let tg: FakeTelegram;

beforeAll(async () => {
  await ensureStaff(t);
  tg = await startFakeTelegram();
  t.env.config = { ...t.env.config, TELEGRAM_API_ROOT: tg.apiRoot };
  await makeTenant(t, 'promo', 'Asia/Jakarta');
  await t.database.pool.query(`insert into tenant_bot_connections (id, tenant_id, bot_role, bot_token_encrypted, channel_id, webhook_secret) values ('p1', 'promo', 'signal_bot', $1, '-100111', $2)`, [t.env.keyring.encrypt('600001:EEEEEEEEEEEEEEEEEEEEEEEEEEEEEE'), t.env.keyring.encrypt('x')]);
});
afterAll(() => tg?.close());

describe('cross-promo', () => {
  it("plans the morning news at the tenant's local time once, and posts it when due", async () => {
    await configureCrosspromo({ ctx: t.ctx(staffActor), input: { tenantId: 'promo', enabled: true, freeChannelId: '-100222', vipChannelId: '-100111', ctaUrl: 'https://example.com/vip', morningPostTime: '13:30', timezone: 'Asia/Jakarta' } });
    // 05:00Z is 12:00 in Jakarta (UTC+7): 13:30 local is 06:30Z
    expect(await planCrosspromoJobs({ ctx: t.ctx(systemActor), input: {} })).toEqual({ planned: 2 });
    expect(await planCrosspromoJobs({ ctx: t.ctx(systemActor), input: {} })).toEqual({ planned: 0 });
    const jobs = (await t.database.pool.query(`select job_type, run_at, status, dedupe_key from crosspromo_jobs where tenant_id = 'promo' order by run_at`)).rows;
    expect(jobs.map((j) => [j.job_type, new Date(j.run_at).toISOString(), j.dedupe_key])).toEqual([
      ['morning_news', '2026-03-02T06:30:00.000Z', 'morning_news:2026-03-02'],
      ['vip_teaser', '2026-03-02T14:30:00.000Z', 'vip_teaser:2026-03-02'],
    ]);
    expect(await runCrosspromoJobs({ ctx: t.ctx(systemActor), input: {} })).toEqual({ claimed: 0, completed: 0 });
    t.clock.set('2026-03-02T06:30:00Z');
    // two runners at once: SKIP LOCKED gives the job to one of them
    const [a, b] = await Promise.all([runCrosspromoJobs({ ctx: t.ctx(systemActor), input: {} }), runCrosspromoJobs({ ctx: t.ctx(systemActor), input: {} })]);
    expect(a.completed + b.completed).toBe(1);
    const posts = tg.calledWith('sendMessage').filter((c) => c.payload.chat_id === '-100222');
    expect(posts).toHaveLength(1);
    expect(posts[0].payload.text).toContain('Good morning');
    expect(posts[0].payload.text).toContain('https://example.com/vip');
    expect((await t.database.pool.query(`select status, claimed_at, completed_at from crosspromo_jobs where job_type = 'morning_news'`)).rows[0]).toMatchObject({ status: 'completed' });
  });

  it('reposts a winning signal to the free channel once', async () => {
    await t.database.pool.query(`insert into forex_signals (id, tenant_id, direction, entry_price, stop_loss) values ('fx-win', 'promo', 'BUY', 2000, 1990)`);
    for (let i = 0; i < 2; i += 1) {
      await t.env.db.transaction((tx) => queueWinningSignalRepost(tx, { tenantId: 'promo', forexSignalId: 'fx-win', text: '#XAU/USD Take-Profit target 1 ✅', now: t.clock.now() }));
    }
    await runCrosspromoJobs({ ctx: t.ctx(systemActor), input: {} });
    const reposts = tg.calledWith('sendMessage').filter((c) => c.payload.chat_id === '-100222' && /Winning signal/.test(c.payload.text));
    expect(reposts).toHaveLength(1);
    expect(reposts[0].payload.text).toContain('Take-Profit target 1');
  });
});

describe('campaigns and coupons', () => {
  it('moves a campaign draft → active → ended, never back', async () => {
    const c = await createCampaign({ ctx: t.ctx(staffActor), input: { tenantId: 'promo', title: 'Spring', endDate: '2026-03-31', prize: 'A month of VIP' } });
    expect(c.status).toBe('draft');
    expect((await setCampaignStatus({ ctx: t.ctx(staffActor), input: { tenantId: 'promo', campaignId: c.id, status: 'active' } })).status).toBe('active');
    await t.database.pool.query(`insert into bot_users (id, tenant_id, chat_id) values ('bu-1', 'promo', 31337)`);
    await setTenantSettings({ ctx: t.ctx(staffActor), input: { tenantId: 'promo', scope: 'bot', values: { coupon_prefix: 'SPR-', coupon_discount_percent: 15 } } });
    const coupon = await generateCoupon({ ctx: t.ctx(systemActor), input: { tenantId: 'promo', chatId: 31337, templateSlug: 'spring', deviceType: 'mobile' } });
    expect(coupon).toMatchObject({ ok: true, discountPercent: 15, campaign: 'Spring' });
    if (!coupon.ok) throw new Error('no coupon');
    expect(coupon.code).toMatch(/^SPR[A-HJ-NP-Z2-9]{8}$/);
    expect((await t.database.pool.query(`select last_coupon_code from bot_users where id = 'bu-1'`)).rows[0].last_coupon_code).toBe(coupon.code);
    expect((await t.database.pool.query(`select tenant_id, discount_percent, max_uses, expiration_date from coupons where code = $1`, [coupon.code])).rows[0]).toMatchObject({ tenant_id: 'promo', discount_percent: 15, max_uses: 1 });
    const unknown = await generateCoupon({ ctx: t.ctx(systemActor), input: { tenantId: 'promo', chatId: 1 } });
    expect(unknown.ok).toBe(false);
    const usage = (await t.database.pool.query(`select chat_id, coupon_code, success, error_type, device_type, template_slug from bot_usage where tenant_id = 'promo' order by created_at, success desc`)).rows;
    expect(usage).toEqual([
      { chat_id: '31337', coupon_code: coupon.code, success: true, error_type: null, device_type: 'mobile', template_slug: 'spring' },
      { chat_id: '1', coupon_code: null, success: false, error_type: 'unknown_contact', device_type: null, template_slug: null },
    ]);
    expect((await setCampaignStatus({ ctx: t.ctx(staffActor), input: { tenantId: 'promo', campaignId: c.id, status: 'ended' } })).status).toBe('ended');
    await expect(setCampaignStatus({ ctx: t.ctx(staffActor), input: { tenantId: 'promo', campaignId: c.id, status: 'active' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(new Set(Array.from({ length: 200 }, () => randomCouponCode(''))).size).toBe(200);
  });
});
