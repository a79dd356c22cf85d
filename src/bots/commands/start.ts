/** /start [payload]: onboarding. The user already exists (the engine resolves or creates it); this records attribution and gives the tour. */
import { z } from 'zod';
import { applyStartPayload, type ReferralOutcome } from '../../services/identity/apply-start-payload.ts';
import { defineCommand } from '../core/command.ts';
import type { CommandRegistry } from '../core/registry.ts';
import { bold, reply, type Button } from '../core/reply.ts';

const REFERRAL_NOTES: Partial<Record<ReferralOutcome, string>> = {
  recorded: 'You joined through a friend\'s invite. Welcome aboard!',
  unknown_code: 'That invite code is not one I know, but you are all set anyway.',
};

export const startCommand = defineCommand({
  name: 'start',
  description: 'Create your account and take the tour',
  category: 'Start',
  args: z.object({ payload: z.string().max(64).optional() }),
  positional: ['payload'],
  argHelp: { payload: 'An invite or campaign code (ref_XXXX, utm_source-x_campaign-y)' },
  help: 'Deep links: t.me/<bot>?start=ref_<code> records who invited you; utm_source-<x>_medium-<y>_campaign-<z> records where you came from.',
  async handler(c) {
    const outcome = c.args.payload ? await applyStartPayload({ ctx: c.svc, input: { payload: c.args.payload } }) : null;
    const note = outcome ? REFERRAL_NOTES[outcome.referral] : undefined;
    const lines = [
      bold('Welcome to Tradewire.'),
      'I run trading bots for you and report here. Every new bot starts in paper mode: pretend money on real prices.',
      '',
      '1. Build a bot with /newbot, or deploy a ready-made one from /templates.',
      '2. Watch it with /bots, /positions and /profit.',
      '3. Set your time zone and alerts in /settings.',
      '4. Use the same account in Telegram, Discord and the terminal with /link.',
      '',
      'Stuck? /help <topic> searches the help center, /support reaches a person, /cancel stops any question.',
    ];
    if (note) lines.unshift(note, '');
    return reply(lines.join('\n'), { buttons: tourButtons(c.registry) });
  },
});

function tourButtons(registry: CommandRegistry): Button[][] {
  const wanted: Button[][] = [
    [{ label: 'Create a bot', send: '/newbot' }, { label: 'Templates', send: '/templates' }],
    [{ label: 'Settings', send: '/settings' }, { label: 'Link another app', send: '/link' }],
    [{ label: 'Help', send: '/help' }, { label: 'Support', send: '/support' }],
  ];
  // Only offer what this deployment has registered (the trading commands arrive with the runtime).
  return wanted.map((row) => row.filter((b) => registry.has(b.send.slice(1)))).filter((row) => row.length > 0);
}
