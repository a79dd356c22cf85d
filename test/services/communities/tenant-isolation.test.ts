/**
 * Tenant isolation: an admin of community A can neither read nor change community B through
 * any verb of the area; ids of B's rows passed with A's tenant are not found; a webhook of A
 * cannot act for B; B's bot does not accept A's secret token.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { createBroadcast, getBroadcastProgress, startBroadcast } from '../../../src/services/broadcasts/manage-broadcasts.ts';
import { createCampaign, listCampaigns, setCampaignStatus } from '../../../src/services/campaigns/manage-campaigns.ts';
import { generateCoupon } from '../../../src/services/campaigns/generate-coupon.ts';
import type { Actor } from '../../../src/services/core/context.ts';
import { configureCrosspromo } from '../../../src/services/crosspromo/configure-crosspromo.ts';
import { createJourney } from '../../../src/services/journeys/create-journey.ts';
import { createSignalProvider } from '../../../src/services/signals/create-signal-provider.ts';
import { describeProviderWebhook } from '../../../src/services/signals/describe-provider-webhook.ts';
import { rotateProviderSecret } from '../../../src/services/signals/rotate-provider-secret.ts';
import { updateSignalProvider } from '../../../src/services/signals/update-signal-provider.ts';
import { addTenantUser } from '../../../src/services/tenants/add-tenant-user.ts';
import { getTenantSettings, setTenantSettings } from '../../../src/services/tenants/set-tenant-settings.ts';
import { configureVipPayments } from '../../../src/services/vip/configure-vip-payments.ts';
import { listVipPlans } from '../../../src/services/vip/list-vip-plans.ts';
import { ensureStaff, makeTenant, makeUser, staffActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const t = useTestDatabase();
const alice: Actor = { kind: 'admin', userId: 'alice', role: 'user' }; // admin of A only
const bob: Actor = { kind: 'admin', userId: 'bob', role: 'user' }; // admin of B
const carol: Actor = { kind: 'telegram', userId: 'carol', role: 'user', platformUserId: '1', chatId: '1' }; // member of A
const hookA: Actor = { kind: 'webhook', source: 'telegram', tenantId: 'tenant-a' };
let bProvider = '';
let bBroadcast = '';
let bCampaign = '';

const code = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code ?? String(e));

beforeAll(async () => {
  await ensureStaff(t);
  for (const u of ['alice', 'bob', 'carol']) await makeUser(t, u);
  await makeTenant(t, 'tenant-a');
  await makeTenant(t, 'tenant-b');
  await addTenantUser({ ctx: t.ctx(staffActor), input: { tenantId: 'tenant-a', userId: 'alice', role: 'admin' } });
  await addTenantUser({ ctx: t.ctx(staffActor), input: { tenantId: 'tenant-a', userId: 'carol', role: 'member' } });
  await addTenantUser({ ctx: t.ctx(staffActor), input: { tenantId: 'tenant-b', userId: 'bob', role: 'admin' } });
  bProvider = (await createSignalProvider({ ctx: t.ctx(bob), input: { name: 'B signals', tenantId: 'tenant-b' } })).provider.id;
  bBroadcast = (await createBroadcast({ ctx: t.ctx(bob), input: { tenantId: 'tenant-b', message: 'B only' } })).id;
  bCampaign = (await createCampaign({ ctx: t.ctx(bob), input: { tenantId: 'tenant-b', title: 'B promo' } })).id;
  await t.database.pool.query(`insert into bot_users (id, tenant_id, chat_id) values ('bu-b', 'tenant-b', 42)`);
  await t.database.pool.query(
    `insert into tenant_bot_connections (id, tenant_id, bot_role, bot_token_encrypted, webhook_secret) values ('ca', 'tenant-a', 'message_bot', $1, $2), ('cb', 'tenant-b', 'message_bot', $1, $3)`,
    [t.env.keyring.encrypt('1:x'), t.env.keyring.encrypt('secret-a'), t.env.keyring.encrypt('secret-b')],
  );
});

describe('tenant isolation', () => {
  it("an admin of A is refused every read and change of B's data", async () => {
    const b = 'tenant-b';
    const attempts = {
      readSettings: () => getTenantSettings({ ctx: t.ctx(alice), input: { tenantId: b } }),
      writeSettings: () => setTenantSettings({ ctx: t.ctx(alice), input: { tenantId: b, scope: 'forex', values: { rsi_oversold: 25 } } }),
      listCampaigns: () => listCampaigns({ ctx: t.ctx(alice), input: { tenantId: b } }),
      createCampaign: () => createCampaign({ ctx: t.ctx(alice), input: { tenantId: b, title: 'x' } }),
      createBroadcast: () => createBroadcast({ ctx: t.ctx(alice), input: { tenantId: b, message: 'x' } }),
      startBroadcast: () => startBroadcast({ ctx: t.ctx(alice), input: { tenantId: b, broadcastId: bBroadcast } }),
      progress: () => getBroadcastProgress({ ctx: t.ctx(alice), input: { tenantId: b, broadcastId: bBroadcast } }),
      journey: () => createJourney({ ctx: t.ctx(alice), input: { tenantId: b, name: 'x', triggers: [{ type: 'keyword', keyword: 'x' }], steps: [{ type: 'message', text: 'x' }] } }),
      vipPlans: () => listVipPlans({ ctx: t.ctx(alice), input: { tenantId: b } }),
      vipSettings: () => configureVipPayments({ ctx: t.ctx(alice), input: { tenantId: b, vipPriceId: 'price_x' } }),
      coupon: () => generateCoupon({ ctx: t.ctx(alice), input: { tenantId: b, chatId: 42 } }),
      crosspromo: () => configureCrosspromo({ ctx: t.ctx(alice), input: { tenantId: b, enabled: true, freeChannelId: '-100123456' } }),
      addUser: () => addTenantUser({ ctx: t.ctx(alice), input: { tenantId: b, userId: 'alice', role: 'admin' } }),
      providerForB: () => createSignalProvider({ ctx: t.ctx(alice), input: { name: 'x', tenantId: b } }),
    };
    for (const [name, attempt] of Object.entries(attempts)) expect([name, await code(attempt())]).toEqual([name, 'FORBIDDEN']);
  });

  it("B's rows named under A's tenant, or B's provider, are not found", async () => {
    expect(await code(getBroadcastProgress({ ctx: t.ctx(alice), input: { tenantId: 'tenant-a', broadcastId: bBroadcast } }))).toBe('NOT_FOUND');
    expect(await code(startBroadcast({ ctx: t.ctx(alice), input: { tenantId: 'tenant-a', broadcastId: bBroadcast } }))).toBe('NOT_FOUND');
    expect(await code(setCampaignStatus({ ctx: t.ctx(alice), input: { tenantId: 'tenant-a', campaignId: bCampaign, status: 'active' } }))).toBe('NOT_FOUND');
    expect(await code(describeProviderWebhook({ ctx: t.ctx(alice), input: { providerId: bProvider, revealSecret: true } }))).toBe('NOT_FOUND');
    expect(await code(rotateProviderSecret({ ctx: t.ctx(alice), input: { providerId: bProvider } }))).toBe('NOT_FOUND');
    expect(await code(updateSignalProvider({ ctx: t.ctx(alice), input: { providerId: bProvider, isActive: false } }))).toBe('NOT_FOUND');
    expect(await code(generateCoupon({ ctx: t.ctx(alice), input: { tenantId: 'tenant-a', chatId: 42 } }))).toBe('OK'); // A has no contact 42: a failed attempt, B's contact untouched
    expect((await t.database.pool.query(`select last_coupon_code from bot_users where id = 'bu-b'`)).rows[0].last_coupon_code).toBeNull();
    const campaignB = (await t.database.pool.query(`select status from campaigns where id = $1`, [bCampaign])).rows[0];
    expect(campaignB.status).toBe('draft');
  });

  it('A works on A; a member may read but not change; a webhook of A cannot act for B', async () => {
    expect(await code(setTenantSettings({ ctx: t.ctx(alice), input: { tenantId: 'tenant-a', scope: 'forex', values: { rsi_oversold: 25 } } }))).toBe('OK');
    expect(await code(getTenantSettings({ ctx: t.ctx(carol), input: { tenantId: 'tenant-a' } }))).toBe('OK');
    expect(await code(setTenantSettings({ ctx: t.ctx(carol), input: { tenantId: 'tenant-a', scope: 'forex', values: { rsi_oversold: 20 } } }))).toBe('FORBIDDEN');
    expect(await code(listVipPlans({ ctx: t.ctx(hookA), input: { tenantId: 'tenant-a' } }))).toBe('OK');
    expect(await code(listVipPlans({ ctx: t.ctx(hookA), input: { tenantId: 'tenant-b' } }))).toBe('FORBIDDEN');
    expect(await code(generateCoupon({ ctx: t.ctx(hookA), input: { tenantId: 'tenant-b', chatId: 42 } }))).toBe('FORBIDDEN');
    const settingsB = (await t.database.pool.query(`select count(*)::int as n from forex_config where tenant_id = 'tenant-b'`)).rows[0].n;
    expect(settingsB).toBe(0);
  });

  it("B's bot refuses A's secret token", async () => {
    const post = (tenant: string, token: string) =>
      createApp(t.env).request(`/telegram/${tenant}/message_bot`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': token }, body: JSON.stringify({ update_id: 1 }) });
    expect((await post('tenant-b', 'secret-a')).status).toBe(401);
    expect((await post('tenant-b', 'secret-b')).status).toBe(200);
    expect((await post('tenant-c', 'secret-a')).status).toBe(404);
  });
});
