/** /link: one account across Telegram, Discord and the terminal, joined with a one-time VGL-XXXX code. */
import { z } from 'zod';
import { issueLinkCode } from '../../services/identity/issue-link-code.ts';
import { redeemLinkCode, type LinkOutcome } from '../../services/identity/redeem-link-code.ts';
import { defineCommand } from '../core/command.ts';
import { bold, code, reply } from '../core/reply.ts';

const APP_NAMES: Record<string, string> = { telegram: 'Telegram', discord: 'Discord', console: 'the terminal' };

export const linkCommand = defineCommand({
  name: 'link',
  description: 'Use the same account in Telegram, Discord and the terminal',
  category: 'Account',
  args: z.object({ code: z.string().max(32).optional() }),
  positional: ['code'],
  argHelp: { code: 'The VGL-XXXX code you got from /link in the other app' },
  help: 'Send /link in one app to get a code like VGL-7K2Q (works once, for 10 minutes). Send /link VGL-7K2Q in the other app. If both accounts already have bots or tickets, linking is refused so nothing is lost: keep one and clear the other first.',
  async handler(c) {
    if (!c.args.code) {
      const { code: linkCode } = await issueLinkCode({ ctx: c.svc, input: {} });
      const others = Object.entries(APP_NAMES).filter(([p]) => p !== c.input.platform).map(([, n]) => n).join(' or ');
      return reply(
        `Your link code is ${bold(linkCode)}. It works once, for 10 minutes.\nIn ${others}, send:\n${code(`/link ${linkCode}`)}\nBoth chats will then share one account.`,
      );
    }
    const outcome = await redeemLinkCode({ ctx: c.svc, input: { code: c.args.code } });
    return reply(describe(outcome, c.input.platform));
  },
  errors: { VALIDATION: 'A link code looks like VGL-7K2Q. Send /link in the other app to get one.' },
});

function describe(o: LinkOutcome, platform: string): string {
  switch (o.status) {
    case 'linked':
      return `Linked. This account now works in ${o.platforms.map((p) => APP_NAMES[p] ?? p).join(', ')}. Alerts reach every linked app (change that in /settings).`;
    case 'already_linked':
      return 'This chat already uses that account. Nothing to do.';
    case 'invalid_code':
      return 'That code is wrong, used or expired. Send /link in the other app for a fresh one.';
    case 'same_platform':
      return `That code was made in ${APP_NAMES[platform]}. Send it in the other app instead.`;
    case 'both_have_data':
      return 'Both accounts already have their own data (bots, tickets or keys), so I will not merge them and risk losing something. Keep one: clear the other account, or ask /support to merge them.';
    case 'identity_taken':
      return `The account that made this code is already linked to another ${APP_NAMES[o.platform] ?? o.platform} user. Unlink that first, or ask /support.`;
  }
}
