/**
 * /settings [section] [key] [value]: language, time zone, display currency, notifications
 * (per app, per type, critical only, digest, quiet hours) and privacy. Buttons send the same
 * commands, and panels edit themselves in place when a button is pressed.
 */
import { z } from 'zod';
import { getChatSettings } from '../../services/identity/get-chat-settings.ts';
import { canonicalTimeZone, DISPLAY_CURRENCIES, SUPPORTED_LANGUAGES } from '../../services/identity/settings-options.ts';
import { updateChatSettings, type SettingsChange } from '../../services/identity/update-chat-settings.ts';
import { defineCommand, type CommandContext } from '../core/command.ts';
import { bold, reply, type Replies } from '../core/reply.ts';
import { choiceButtons, notificationsPanel, overviewPanel, privacyPanel } from './settings-panels.ts';

const word = z.string().max(64).optional();
const args = z.object({ section: word, key: word, value: word });
type Ctx = CommandContext<z.output<typeof args>>;

const SWITCH = { on: true, off: false, yes: true, no: false, true: true, false: false } as const;
const toBool = (v?: string) => (v && v.toLowerCase() in SWITCH ? SWITCH[v.toLowerCase() as keyof typeof SWITCH] : undefined);
const NOTIFY_KEYS: Record<string, keyof SettingsChange> = { telegram: 'telegram', discord: 'discord', botalerts: 'botAlerts', trades: 'trades', critical: 'criticalOnly' };
const PRIVACY_KEYS: Record<string, keyof SettingsChange> = { datausage: 'dataUsageConsent', marketing: 'marketingConsent', sharing: 'thirdPartySharing' };

const USAGE = '/settings [language|timezone|currency|notifications|quiet|privacy] [value]';

export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'Language, time zone, currency, alerts and privacy',
  category: 'Account',
  args,
  positional: ['section', 'key', 'value'],
  usage: USAGE,
  help: 'Examples: /settings timezone Europe/Berlin · /settings currency EUR · /settings notify digest daily · /settings quiet (asks for the hours) · /settings quiet off · /settings privacy marketing off',
  async handler(c): Promise<Replies> {
    const section = c.args.section?.toLowerCase();
    switch (section) {
      case undefined:
        return overviewPanel(await load(c));
      case 'language':
      case 'lang':
        return choose(c, 'language', SUPPORTED_LANGUAGES, c.args.key?.toLowerCase());
      case 'currency':
        return choose(c, 'currency', DISPLAY_CURRENCIES, c.args.key?.toUpperCase());
      case 'timezone':
      case 'tz': {
        if (!c.args.key) return c.startConversation('settings.timezone');
        const zone = canonicalTimeZone(c.args.key);
        if (!zone) return reply('I do not know that time zone. Use a name like Europe/Berlin, or send /settings timezone to pick one.');
        await updateChatSettings({ ctx: c.svc, input: { timezone: zone } });
        return reply(`Time zone set to ${bold(zone)}.`);
      }
      case 'notifications':
      case 'notify':
        return notify(c);
      case 'quiet':
        if (!c.args.key) return c.startConversation('settings.quiet');
        if (toBool(c.args.key) !== false) return reply('Send /settings quiet to set the hours, or /settings quiet off.');
        await updateChatSettings({ ctx: c.svc, input: { quietHours: null } });
        return notificationsPanel(await load(c), 'Quiet hours are off.');
      case 'privacy':
        return privacy(c);
      default:
        return reply(`There is no "${section.slice(0, 30)}" setting.\nUsage: ${USAGE}`);
    }
  },
});

const load = (c: Ctx) => getChatSettings({ ctx: c.svc, input: {} });

async function choose(c: Ctx, field: 'language' | 'currency', values: readonly string[], value?: string): Promise<Replies> {
  if (!value) return reply(`Pick your ${field === 'language' ? 'language' : 'display currency'}:`, { buttons: choiceButtons(values, `/settings ${field} `), replace: true });
  if (!values.includes(value)) return reply(`I can use these: ${values.join(', ')}.`);
  await updateChatSettings({ ctx: c.svc, input: { [field]: value } });
  return overviewPanel(await load(c));
}

async function notify(c: Ctx): Promise<Replies> {
  const key = c.args.key?.toLowerCase();
  if (!key) return notificationsPanel(await load(c));
  if (key === 'digest') {
    const value = c.args.value?.toLowerCase();
    if (value !== 'realtime' && value !== 'hourly' && value !== 'daily') return reply('Digest can be realtime, hourly or daily.');
    await updateChatSettings({ ctx: c.svc, input: { digest: value } });
    return notificationsPanel(await load(c), value === 'realtime' ? 'Alerts now arrive as they happen.' : `Alerts now arrive as one ${value} message.`);
  }
  const field = NOTIFY_KEYS[key];
  const on = toBool(c.args.value);
  if (!field || on === undefined) return reply('Usage: /settings notify <telegram|discord|botalerts|trades|critical> <on|off>, or /settings notify digest <realtime|hourly|daily>');
  await updateChatSettings({ ctx: c.svc, input: { [field]: on } });
  return notificationsPanel(await load(c));
}

async function privacy(c: Ctx): Promise<Replies> {
  const key = c.args.key?.toLowerCase();
  if (!key) return privacyPanel(await load(c));
  if (key === 'visibility') {
    const v = c.args.value?.toLowerCase();
    if (v !== 'public' && v !== 'private' && v !== 'friends') return reply('Visibility can be public, private or friends.');
    await updateChatSettings({ ctx: c.svc, input: { profileVisibility: v } });
    return privacyPanel(await load(c));
  }
  const field = PRIVACY_KEYS[key];
  const on = toBool(c.args.value);
  if (!field || on === undefined) return reply('Usage: /settings privacy <datausage|marketing|sharing> <on|off>, or /settings privacy visibility <public|private|friends>');
  await updateChatSettings({ ctx: c.svc, input: { [field]: on } });
  return privacyPanel(await load(c));
}
