/** What /settings shows: the overview and the notifications and privacy panels, with their buttons. */
import type { ChatSettings } from '../../services/identity/get-chat-settings.ts';
import { bold, reply, type Button, type Reply } from '../core/reply.ts';

const onOff = (v: boolean) => (v ? 'on' : 'off');
const flip = (v: boolean) => (v ? 'off' : 'on');
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function quietText(s: ChatSettings): string {
  const q = s.notifications.quietHours;
  return q ? `${hh(q.start)}–${hh(q.end)}` : 'off';
}

export function overviewPanel(s: ChatSettings): Reply {
  const linked = Object.entries(s.linked).filter(([, v]) => v).map(([k]) => k).join(', ');
  return reply(
    [
      bold('Your settings'),
      `Language: ${s.language}`,
      `Time zone: ${s.timezone ?? 'not set (UTC)'}`,
      `Display currency: ${s.currency}`,
      `Alerts: ${s.notifications.digest === 'realtime' ? 'as they happen' : `${s.notifications.digest} digest`}, quiet hours ${quietText(s)}${s.notifications.criticalOnly ? ', critical only' : ''}`,
      `Linked apps: ${linked || 'none'}`,
    ].join('\n'),
    {
      buttons: [
        [{ label: 'Language', send: '/settings language' }, { label: 'Time zone', send: '/settings timezone' }, { label: 'Currency', send: '/settings currency' }],
        [{ label: 'Notifications', send: '/settings notifications' }, { label: 'Privacy', send: '/settings privacy' }],
      ],
      replace: true,
    },
  );
}

export function notificationsPanel(s: ChatSettings, note?: string): Reply {
  const n = s.notifications;
  const buttons: Button[][] = [];
  const apps: Button[] = [];
  if (s.linked.telegram) apps.push({ label: `Telegram: ${onOff(n.telegram)}`, send: `/settings notify telegram ${flip(n.telegram)}` });
  if (s.linked.discord) apps.push({ label: `Discord: ${onOff(n.discord)}`, send: `/settings notify discord ${flip(n.discord)}` });
  if (apps.length) buttons.push(apps);
  buttons.push([
    { label: `Bot alerts: ${onOff(n.botAlerts)}`, send: `/settings notify botalerts ${flip(n.botAlerts)}` },
    { label: `Trades: ${onOff(n.trades)}`, send: `/settings notify trades ${flip(n.trades)}` },
  ]);
  buttons.push([{ label: `Critical only: ${onOff(n.criticalOnly)}`, send: `/settings notify critical ${flip(n.criticalOnly)}` }]);
  buttons.push((['realtime', 'hourly', 'daily'] as const).map((d) => ({ label: d === n.digest ? `• ${d}` : d, send: `/settings notify digest ${d}` })));
  buttons.push([{ label: n.quietHours ? `Quiet hours ${quietText(s)}: change` : 'Set quiet hours', send: '/settings quiet' }, ...(n.quietHours ? [{ label: 'Quiet hours off', send: '/settings quiet off' }] : [])]);
  buttons.push([{ label: 'Back', send: '/settings' }]);
  const lines = [
    bold('Notifications'),
    `Telegram: ${s.linked.telegram ? onOff(n.telegram) : 'not linked'} · Discord: ${s.linked.discord ? onOff(n.discord) : 'not linked'}`,
    `Bot alerts: ${onOff(n.botAlerts)} · Trades: ${onOff(n.trades)} · Critical only: ${onOff(n.criticalOnly)}`,
    `Delivery: ${n.digest === 'realtime' ? 'as they happen' : `${n.digest} digest`} · Quiet hours: ${quietText(s)} (${s.timezone ?? 'UTC'})`,
    'Critical alerts always come through, even in quiet hours and digests.',
  ];
  if (note) lines.unshift(note, '');
  return reply(lines.join('\n'), { buttons, replace: true });
}

export function privacyPanel(s: ChatSettings, note?: string): Reply {
  const p = s.privacy;
  const lines = [
    bold('Privacy'),
    `Profile visibility: ${p.profileVisibility}`,
    `Use my data to improve Tradewire: ${onOff(p.dataUsageConsent)}`,
    `Marketing messages: ${onOff(p.marketingConsent)}`,
    `Share data with third parties: ${onOff(p.thirdPartySharing)}`,
  ];
  if (note) lines.unshift(note, '');
  return reply(lines.join('\n'), {
    replace: true,
    buttons: [
      (['private', 'friends', 'public'] as const).map((v) => ({ label: v === p.profileVisibility ? `• ${v}` : v, send: `/settings privacy visibility ${v}` })),
      [{ label: `Data use: ${onOff(p.dataUsageConsent)}`, send: `/settings privacy datausage ${flip(p.dataUsageConsent)}` }, { label: `Marketing: ${onOff(p.marketingConsent)}`, send: `/settings privacy marketing ${flip(p.marketingConsent)}` }],
      [{ label: `Third parties: ${onOff(p.thirdPartySharing)}`, send: `/settings privacy sharing ${flip(p.thirdPartySharing)}` }],
      [{ label: 'Back', send: '/settings' }],
    ],
  });
}

export function choiceButtons(values: readonly string[], prefix: string, perRow = 5): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < values.length; i += perRow) rows.push(values.slice(i, i + perRow).map((v) => ({ label: v, send: `${prefix}${v}` })));
  return rows;
}
