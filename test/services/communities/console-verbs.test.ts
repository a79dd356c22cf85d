/**
 * The community verbs added for the console are tenant-scoped like the rest of the area: an
 * admin of A cannot read or change B through them, B's ids passed with A's tenant are not
 * found, a plain member cannot change anything, and the overview never carries a token.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeBroadcast } from '../../../src/services/broadcasts/compose-broadcast.ts';
import { listBroadcasts } from '../../../src/services/broadcasts/list-broadcasts.ts';
import { previewBroadcast } from '../../../src/services/broadcasts/preview-broadcast.ts';
import { listTenantCoupons } from '../../../src/services/campaigns/list-coupons.ts';
import type { Actor } from '../../../src/services/core/context.ts';
import { addJourneyStep } from '../../../src/services/journeys/add-journey-step.ts';
import { createJourney } from '../../../src/services/journeys/create-journey.ts';
import { listJourneys } from '../../../src/services/journeys/list-journeys.ts';
import { addTenantMember } from '../../../src/services/tenants/add-tenant-member.ts';
import { addTenantUser } from '../../../src/services/tenants/add-tenant-user.ts';
import { getTenantOverview } from '../../../src/services/tenants/get-tenant-overview.ts';
import { ensureStaff, makeTenant, makeUser, staffActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const t = useTestDatabase();
const alice: Actor = { kind: 'telegram', userId: 'cv-alice', role: 'user', platformUserId: '1', chatId: '1' }; // admin of A
const carol: Actor = { kind: 'telegram', userId: 'cv-carol', role: 'user', platformUserId: '3', chatId: '3' }; // member of A
let bJourney = '';
let aJourney = '';

const code = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code ?? String(e));
const journey = (tenantId: string, ctx: Actor) =>
  createJourney({ ctx: t.ctx(ctx), input: { tenantId, name: 'Welcome', triggers: [{ type: 'deep_link', payload: 'hi' }], steps: [{ type: 'message', text: 'Hi' }] } });

beforeAll(async () => {
  await ensureStaff(t);
  for (const u of ['cv-alice', 'cv-carol']) await makeUser(t, u);
  await makeTenant(t, 'cv-a');
  await makeTenant(t, 'cv-b');
  await addTenantUser({ ctx: t.ctx(staffActor), input: { tenantId: 'cv-a', userId: 'cv-alice', role: 'admin' } });
  await addTenantUser({ ctx: t.ctx(staffActor), input: { tenantId: 'cv-a', userId: 'cv-carol', role: 'member' } });
  bJourney = (await journey('cv-b', staffActor)).id;
  aJourney = (await journey('cv-a', alice)).id;
  await t.database.pool.query(
    `insert into tenant_bot_connections (id, tenant_id, bot_role, bot_token_encrypted, webhook_secret, bot_username) values ('cv-conn', 'cv-a', 'message_bot', $1, $2, 'cv_bot')`,
    [t.env.keyring.encrypt('9:tokentokentokentokentoken'), t.env.keyring.encrypt('s')],
  );
});

describe('console verbs of the community area', () => {
  it("refuse an admin of A every read and change of B, and find none of B's rows under A", async () => {
    const b = 'cv-b';
    expect(await code(getTenantOverview({ ctx: t.ctx(alice), input: { tenantId: b } }))).toBe('FORBIDDEN');
    expect(await code(listBroadcasts({ ctx: t.ctx(alice), input: { tenantId: b } }))).toBe('FORBIDDEN');
    expect(await code(previewBroadcast({ ctx: t.ctx(alice), input: { tenantId: b, message: 'x' } }))).toBe('FORBIDDEN');
    expect(await code(composeBroadcast({ ctx: t.ctx(alice), input: { tenantId: b, message: 'x' } }))).toBe('FORBIDDEN');
    expect(await code(listJourneys({ ctx: t.ctx(alice), input: { tenantId: b } }))).toBe('FORBIDDEN');
    expect(await code(listTenantCoupons({ ctx: t.ctx(alice), input: { tenantId: b } }))).toBe('FORBIDDEN');
    expect(await code(addTenantMember({ ctx: t.ctx(alice), input: { tenantId: b, user: 'cv-alice' } }))).toBe('FORBIDDEN');
    expect(await code(addJourneyStep({ ctx: t.ctx(alice), input: { tenantId: b, journeyId: bJourney, step: { type: 'message', text: 'x' } } }))).toBe('FORBIDDEN');
    expect(await code(addJourneyStep({ ctx: t.ctx(alice), input: { tenantId: 'cv-a', journeyId: bJourney, step: { type: 'message', text: 'x' } } }))).toBe('NOT_FOUND');
    expect((await listJourneys({ ctx: t.ctx(alice), input: { tenantId: 'cv-a' } })).map((j) => j.id)).toEqual([aJourney]);
  });

  it('let a member read but not change', async () => {
    expect(await code(listJourneys({ ctx: t.ctx(carol), input: { tenantId: 'cv-a' } }))).toBe('OK');
    expect(await code(addJourneyStep({ ctx: t.ctx(carol), input: { tenantId: 'cv-a', journeyId: aJourney, step: { type: 'delay', seconds: 60 } } }))).toBe('FORBIDDEN');
    expect(await code(previewBroadcast({ ctx: t.ctx(carol), input: { tenantId: 'cv-a', message: 'x' } }))).toBe('FORBIDDEN');
  });

  it('never return a token from the overview; a refused send stores no draft', async () => {
    const overview = await getTenantOverview({ ctx: t.ctx(alice), input: { tenantId: 'cv-a' } });
    expect(overview.botConnections).toEqual([expect.objectContaining({ botRole: 'message_bot', botUsername: 'cv_bot' })]);
    expect(JSON.stringify(overview)).not.toContain('tokentoken');
    expect(JSON.stringify(overview)).not.toContain('botTokenEncrypted');
    // no job queue in this process: starting is refused and the draft is rolled back with it
    expect(await code(composeBroadcast({ ctx: t.ctx(alice), input: { tenantId: 'cv-a', message: 'hello', send: true } }))).toBe('PRECONDITION_FAILED');
    expect(await listBroadcasts({ ctx: t.ctx(alice), input: { tenantId: 'cv-a' } })).toEqual([]);
  });
});
