/** Every /api/admin route: method, path, the verb it calls and how its input is assembled. */
import { getDashboard } from '../services/admin-dashboard/get-dashboard.ts';
import { listUsers } from '../services/admin-users/list-users.ts';
import { getUserOverview } from '../services/admin-users/get-user-overview.ts';
import { banUser } from '../services/admin-users/ban-user.ts';
import { suspendUser } from '../services/admin-users/suspend-user.ts';
import { reactivateUser } from '../services/admin-users/reactivate-user.ts';
import { forcePasswordReset } from '../services/admin-users/force-password-reset.ts';
import { grantComplimentarySubscription } from '../services/admin-users/grant-complimentary-subscription.ts';
import { addAdminNote } from '../services/admin-users/add-admin-note.ts';
import { setUserRole } from '../services/admin-users/set-user-role.ts';
import { revokeUserSessions } from '../services/admin-users/revoke-user-sessions.ts';
import { inviteStaff } from '../services/admin-users/invite-staff.ts';
import { listStaff } from '../services/admin-users/list-staff.ts';
import { listTicketQueue } from '../services/support-desk/list-ticket-queue.ts';
import { getTicketThread } from '../services/support-desk/get-ticket-thread.ts';
import { assignTicket } from '../services/support-desk/assign-ticket.ts';
import { replyAsStaff } from '../services/support-desk/reply-as-staff.ts';
import { closeTicket } from '../services/support-desk/close-ticket.ts';
import { listBots } from '../services/admin-bots/list-bots.ts';
import { listRecentExecutions } from '../services/admin-bots/list-recent-executions.ts';
import { adminPauseBot } from '../services/admin-bots/admin-pause-bot.ts';
import { adminStopBot } from '../services/admin-bots/admin-stop-bot.ts';
import { listSignalProviders } from '../services/admin-signals/list-signal-providers.ts';
import { listRecentSignals } from '../services/admin-signals/list-recent-signals.ts';
import { listTenants } from '../services/admin-tenants/list-tenants.ts';
import { createSignalProvider } from '../services/signals/create-signal-provider.ts';
import { describeProviderWebhook } from '../services/signals/describe-provider-webhook.ts';
import { rotateProviderSecret } from '../services/signals/rotate-provider-secret.ts';
import { updateSignalProvider } from '../services/signals/update-signal-provider.ts';
import { createTenant } from '../services/tenants/create-tenant.ts';
import { getTenantOverview } from '../services/tenants/get-tenant-overview.ts';
import { addTenantMember } from '../services/tenants/add-tenant-member.ts';
import { connectTenantBot } from '../services/tenants/connect-tenant-bot.ts';
import { listBroadcasts } from '../services/broadcasts/list-broadcasts.ts';
import { previewBroadcast } from '../services/broadcasts/preview-broadcast.ts';
import { composeBroadcast } from '../services/broadcasts/compose-broadcast.ts';
import { getBroadcastProgress, startBroadcast } from '../services/broadcasts/manage-broadcasts.ts';
import { listJourneys } from '../services/journeys/list-journeys.ts';
import { createJourney } from '../services/journeys/create-journey.ts';
import { addJourneyStep } from '../services/journeys/add-journey-step.ts';
import { createCampaign, listCampaigns, setCampaignStatus } from '../services/campaigns/manage-campaigns.ts';
import { listTenantCoupons } from '../services/campaigns/list-coupons.ts';
import { listContent } from '../services/content/list-content.ts';
import { saveHelpCategory } from '../services/content/save-help-category.ts';
import { saveHelpArticle } from '../services/content/save-help-article.ts';
import { saveFaq } from '../services/content/save-faq.ts';
import { saveAnnouncement } from '../services/content/save-announcement.ts';
import { deleteContentItem } from '../services/content/delete-content-item.ts';
import { getSystemSettings } from '../services/system/get-system-settings.ts';
import { updateSystemSettings } from '../services/system/update-system-settings.ts';
import { listBlockedIps } from '../services/system/list-blocked-ips.ts';
import { blockIp } from '../services/system/block-ip.ts';
import { unblockIp } from '../services/system/unblock-ip.ts';
import { listSecurityLogs } from '../services/system/list-security-logs.ts';
import { listAuditLogs } from '../services/system/list-audit-logs.ts';
import { getQueueHealth } from '../services/system/get-queue-health.ts';
import type { ApiRoute } from './api.ts';

const query: ApiRoute['input'] = (c) => c.req.query();
const body: ApiRoute['input'] = (_c, b) => b;
const withParam = (name: string, as: string): ApiRoute['input'] => (c, b) => ({ ...b, [as]: c.req.param(name) });
/** Routes under /tenants/:id: the tenant id (and an optional second param) join the input. */
const inTenant = (extra?: [string, string]): ApiRoute['input'] => (c, b) => ({ ...(c.req.method === 'GET' ? c.req.query() : b), tenantId: c.req.param('id'), ...(extra ? { [extra[1]]: c.req.param(extra[0]) } : {}) });
const settings = ({ ctx }: { ctx: Parameters<typeof getSystemSettings>[0]['ctx'] }) => getSystemSettings({ ctx });

const CONTENT_SAVERS = [
  ['help/categories', saveHelpCategory],
  ['help/articles', saveHelpArticle],
  ['faqs', saveFaq],
  ['announcements', saveAnnouncement],
] as const;
const CONTENT_KINDS = { 'help/categories': 'help_category', 'help/articles': 'help_article', faqs: 'faq', announcements: 'announcement' } as const;

export const API_ROUTES: ApiRoute[] = [
  { method: 'get', path: '/dashboard', verb: getDashboard, input: query },

  { method: 'get', path: '/users', verb: listUsers, input: query },
  { method: 'get', path: '/users/:id', verb: getUserOverview, input: withParam('id', 'userId') },
  { method: 'post', path: '/users/:id/ban', verb: banUser, input: withParam('id', 'userId') },
  { method: 'post', path: '/users/:id/suspend', verb: suspendUser, input: withParam('id', 'userId') },
  { method: 'post', path: '/users/:id/reactivate', verb: reactivateUser, input: withParam('id', 'userId') },
  { method: 'post', path: '/users/:id/force-password-reset', verb: forcePasswordReset, input: withParam('id', 'userId') },
  { method: 'post', path: '/users/:id/revoke-sessions', verb: revokeUserSessions, input: withParam('id', 'userId') },
  { method: 'post', path: '/users/:id/subscription', verb: grantComplimentarySubscription, input: withParam('id', 'userId') },
  { method: 'post', path: '/users/:id/notes', verb: addAdminNote, input: withParam('id', 'userId') },
  { method: 'put', path: '/users/:id/role', verb: setUserRole, input: withParam('id', 'userId') },
  { method: 'get', path: '/staff', verb: listStaff, input: () => ({}) },
  { method: 'post', path: '/staff/invitations', verb: inviteStaff, input: body },

  { method: 'get', path: '/tickets', verb: listTicketQueue, input: query },
  { method: 'get', path: '/tickets/:id', verb: getTicketThread, input: withParam('id', 'ticketId') },
  { method: 'post', path: '/tickets/:id/assign', verb: assignTicket, input: withParam('id', 'ticketId') },
  { method: 'post', path: '/tickets/:id/reply', verb: replyAsStaff, input: withParam('id', 'ticketId') },
  { method: 'post', path: '/tickets/:id/close', verb: closeTicket, input: withParam('id', 'ticketId') },

  { method: 'get', path: '/bots', verb: listBots, input: query },
  { method: 'get', path: '/bots/executions', verb: listRecentExecutions, input: (c) => ({ errorsOnly: c.req.query('errors') === '1', limit: c.req.query('limit') }) },
  { method: 'post', path: '/bots/:id/pause', verb: adminPauseBot, input: withParam('id', 'botId') },
  { method: 'post', path: '/bots/:id/stop', verb: adminStopBot, input: withParam('id', 'botId') },

  { method: 'get', path: '/signals/providers', verb: listSignalProviders, input: query },
  { method: 'post', path: '/signals/providers', verb: createSignalProvider, input: (_c, b) => ({ platform: !b.tenantId, ...b }) },
  { method: 'get', path: '/signals/providers/:id', verb: describeProviderWebhook, input: (c) => ({ providerId: c.req.param('id') }) },
  { method: 'put', path: '/signals/providers/:id', verb: updateSignalProvider, input: withParam('id', 'providerId') },
  { method: 'post', path: '/signals/providers/:id/rotate-secret', verb: rotateProviderSecret, input: (c) => ({ providerId: c.req.param('id') }) },
  { method: 'get', path: '/signals', verb: listRecentSignals, input: query },

  { method: 'get', path: '/tenants', verb: listTenants, input: () => ({}) },
  { method: 'post', path: '/tenants', verb: createTenant, input: body },
  { method: 'get', path: '/tenants/:id', verb: getTenantOverview, input: inTenant() },
  { method: 'post', path: '/tenants/:id/members', verb: addTenantMember, input: inTenant() },
  { method: 'put', path: '/tenants/:id/bots/:role', verb: connectTenantBot, input: inTenant(['role', 'botRole']) },
  { method: 'get', path: '/tenants/:id/broadcasts', verb: listBroadcasts, input: inTenant() },
  { method: 'post', path: '/tenants/:id/broadcasts/preview', verb: previewBroadcast, input: inTenant() },
  { method: 'post', path: '/tenants/:id/broadcasts', verb: composeBroadcast, input: inTenant() },
  { method: 'get', path: '/tenants/:id/broadcasts/:bid', verb: getBroadcastProgress, input: inTenant(['bid', 'broadcastId']) },
  { method: 'post', path: '/tenants/:id/broadcasts/:bid/send', verb: startBroadcast, input: inTenant(['bid', 'broadcastId']) },
  { method: 'get', path: '/tenants/:id/journeys', verb: listJourneys, input: inTenant() },
  { method: 'post', path: '/tenants/:id/journeys', verb: createJourney, input: inTenant() },
  { method: 'post', path: '/tenants/:id/journeys/:jid/steps', verb: addJourneyStep, input: (c, b) => ({ tenantId: c.req.param('id'), journeyId: c.req.param('jid'), step: b }) },
  { method: 'get', path: '/tenants/:id/campaigns', verb: listCampaigns, input: inTenant() },
  { method: 'post', path: '/tenants/:id/campaigns', verb: createCampaign, input: inTenant() },
  { method: 'put', path: '/tenants/:id/campaigns/:cid/status', verb: setCampaignStatus, input: inTenant(['cid', 'campaignId']) },
  { method: 'get', path: '/tenants/:id/coupons', verb: listTenantCoupons, input: inTenant() },

  { method: 'get', path: '/content', verb: listContent, input: () => ({}) },
  ...CONTENT_SAVERS.flatMap(([path, verb]): ApiRoute[] => [
    { method: 'post', path: `/${path}`, verb, input: (_c, b) => ({ ...b, id: undefined }) },
    { method: 'put', path: `/${path}/:id`, verb, input: withParam('id', 'id') },
    { method: 'delete', path: `/${path}/:id`, verb: deleteContentItem, input: (c) => ({ kind: CONTENT_KINDS[path], id: c.req.param('id') }) },
  ]),

  { method: 'get', path: '/system/settings', verb: settings, input: () => ({}) },
  { method: 'put', path: '/system/settings', verb: updateSystemSettings, input: body },
  { method: 'get', path: '/system/blocked-ips', verb: listBlockedIps, input: query },
  { method: 'post', path: '/system/blocked-ips', verb: blockIp, input: body },
  { method: 'delete', path: '/system/blocked-ips/:id', verb: unblockIp, input: withParam('id', 'id') },
  { method: 'get', path: '/system/security-logs', verb: listSecurityLogs, input: query },
  { method: 'get', path: '/system/audit-logs', verb: listAuditLogs, input: query },
  { method: 'get', path: '/system/queue', verb: getQueueHealth, input: () => ({}) },
];
