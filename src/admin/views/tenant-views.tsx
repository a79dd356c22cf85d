/** Pieces of the community pages: broadcasts with progress, the compose form, campaigns, coupons, journey steps. */
import { TENANT_BOT_ROLES } from '../../shared/enums.ts';
import { fmtTime } from './format.ts';
import { Csrf, Empty, Select, TextArea } from './ui.tsx';

export interface BroadcastRow {
  id: string;
  message: string;
  status: string;
  botRole: string;
  recipients: number;
  createdAt: Date;
  sent: number;
  failed: number;
  blocked: number;
  pending: number;
  sending: number;
  unknown: number;
}

export function excerpt(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Delivery counts as a person reads them. */
export function ProgressCounts({ b }: { b: Omit<BroadcastRow, 'id' | 'message' | 'botRole' | 'createdAt'> }) {
  return (
    <dl class="progress">
      <dt>Recipients</dt><dd class="num">{b.recipients}</dd>
      <dt>Sent</dt><dd class="num" data-count="sent">{b.sent}</dd>
      <dt>Failed</dt><dd class="num" data-count="failed">{b.failed}</dd>
      <dt>Blocked</dt><dd class="num" data-count="blocked">{b.blocked}</dd>
      <dt>Pending</dt><dd class="num" data-count="pending">{b.pending + b.sending}</dd>
      {b.unknown > 0 && <><dt>Unknown (interrupted, not repeated)</dt><dd class="num">{b.unknown}</dd></>}
    </dl>
  );
}

export function BroadcastsTable({ tenantId, rows, csrf }: { tenantId: string; rows: BroadcastRow[]; csrf: string }) {
  if (rows.length === 0) return <Empty>No broadcasts yet.</Empty>;
  return (
    <table>
      <thead><tr><th scope="col">Created</th><th scope="col">Message</th><th scope="col">Status</th><th scope="col">Recipients</th><th scope="col">Sent</th><th scope="col">Failed</th><th scope="col">Blocked</th><th scope="col">Pending</th><th scope="col">Action</th></tr></thead>
      <tbody>{rows.map((b) => (
        <tr>
          <td>{fmtTime(b.createdAt)}</td>
          <td><a href={`/admin/tenants/${tenantId}/broadcasts/${b.id}`}>{excerpt(b.message)}</a><div class="sub">{b.botRole}</div></td>
          <td><span class="status">{b.status}</span></td>
          <td class="num">{b.recipients}</td>
          <td class="num">{b.sent}</td>
          <td class="num">{b.failed}</td>
          <td class="num">{b.blocked}</td>
          <td class="num">{b.pending + b.sending}</td>
          <td>{b.status === 'pending' && (
            <form method="post" action={`/admin/tenants/${tenantId}/broadcasts/${b.id}/send`} class="inline"><Csrf token={csrf} /><button type="submit" aria-label={`Send broadcast ${excerpt(b.message, 30)}`}>Send</button></form>
          )}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}

export function ComposeBroadcastForm({ tenantId, csrf, message, botRole }: { tenantId: string; csrf: string; message?: string; botRole?: string }) {
  return (
    <form method="post" action={`/admin/tenants/${tenantId}/broadcasts/preview`} class="editor" id="compose">
      <h3>Compose a broadcast</h3>
      <Csrf token={csrf} />
      <TextArea label="Message" name="message" id="compose-message" value={message} required rows={5} />
      <Select label="Send with" name="botRole" id="compose-bot-role" options={TENANT_BOT_ROLES} value={botRole ?? 'message_bot'} />
      <button type="submit">Preview</button>
    </form>
  );
}

export interface CampaignRow { id: string; title: string; description: string | null; startDate: string | null; endDate: string | null; prize: string | null; status: string }

const NEXT_STATUS: Record<string, { to: string; label: string }[]> = {
  draft: [{ to: 'active', label: 'Activate' }, { to: 'ended', label: 'End' }],
  active: [{ to: 'ended', label: 'End' }],
  ended: [],
};

export function CampaignsTable({ tenantId, rows, csrf }: { tenantId: string; rows: CampaignRow[]; csrf: string }) {
  if (rows.length === 0) return <Empty>No campaigns yet.</Empty>;
  return (
    <table>
      <thead><tr><th scope="col">Campaign</th><th scope="col">Dates</th><th scope="col">Prize</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
      <tbody>{rows.map((k) => (
        <tr>
          <td>{k.title}{k.description ? <div class="sub">{excerpt(k.description, 120)}</div> : null}</td>
          <td>{k.startDate ?? '—'} → {k.endDate ?? '—'}</td>
          <td>{k.prize ?? '—'}</td>
          <td><span class={`status ${k.status === 'active' ? 'active' : k.status === 'ended' ? 'inactive' : ''}`}>{k.status}</span></td>
          <td class="actions-cell">{(NEXT_STATUS[k.status] ?? []).map((n) => (
            <form method="post" action={`/admin/tenants/${tenantId}/campaigns/${k.id}/status`} class="inline">
              <Csrf token={csrf} />
              <input type="hidden" name="status" value={n.to} />
              <button type="submit" class={n.to === 'ended' ? 'secondary' : ''} aria-label={`${n.label} ${k.title}`}>{n.label}</button>
            </form>
          ))}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}

export interface CouponRow { id: string; code: string; discountPercent: number; description: string | null; isActive: boolean; maxUses: number | null; currentUses: number; expirationDate: Date | null; createdAt: Date }

export function CouponsTable({ rows }: { rows: CouponRow[] }) {
  if (rows.length === 0) return <Empty>No coupons issued yet.</Empty>;
  return (
    <table>
      <thead><tr><th scope="col">Code</th><th scope="col">Discount</th><th scope="col">Uses</th><th scope="col">Expires</th><th scope="col">Active</th><th scope="col">Issued</th></tr></thead>
      <tbody>{rows.map((k) => (
        <tr><td><code>{k.code}</code><div class="sub">{k.description ?? ''}</div></td><td class="num">{k.discountPercent}%</td><td class="num">{k.currentUses}/{k.maxUses ?? '∞'}</td><td>{fmtTime(k.expirationDate)}</td><td>{k.isActive ? 'yes' : 'no'}</td><td>{fmtTime(k.createdAt)}</td></tr>
      ))}</tbody>
    </table>
  );
}

export function fmtDuration(seconds: number): string {
  const parts: string[] = [];
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s) parts.push(`${s} s`);
  return parts.join(' ') || '0 s';
}

/** One journey step in words. */
export function describeStep(type: string, config: Record<string, unknown>): string {
  const text = typeof config.text === 'string' ? config.text : '';
  const key = typeof config.key === 'string' ? config.key : '';
  switch (type) {
    case 'message':
      return `Message: ${text}`;
    case 'question':
      return `Question (answer saved as ${key}): ${text}`;
    case 'delay':
      return `Delay: ${fmtDuration(Number(config.seconds) || 0)}`;
    case 'wait_for_reply':
      return `Wait for a reply${key ? ` (saved as ${key})` : ''}${text ? `: ${text}` : ''}`;
    default:
      return type;
  }
}
