/** /help [topic]: the command list, a command's own help, or a search of help articles and FAQs. */
import { z } from 'zod';
import { searchHelp } from '../../services/help/search-help.ts';
import { commandUsage, defineCommand } from '../core/command.ts';
import type { CommandRegistry } from '../core/registry.ts';
import { bold, code, italic, reply, type Button, type Reply } from '../core/reply.ts';

/** Trading commands the runtime registers; listed as coming until they are. */
export const UPCOMING_COMMANDS: [string, string][] = [
  ['newbot', 'Build a bot step by step'], ['bots', 'Your bots'], ['bot', 'One bot: status, P&L, buttons'],
  ['positions', 'Open positions'], ['trades', 'Recent trades'], ['profit', 'ROI, win rate, drawdown'],
  ['daily', 'Profit per day'], ['weekly', 'Profit per week'], ['monthly', 'Profit per month'],
  ['balance', 'Balances'], ['performance', 'Profit per pair'], ['forceexit', 'Close a position now'],
  ['backtest', 'Test a strategy on past prices'], ['chart', 'Candlestick chart'], ['connect', 'Connect an exchange'],
  ['templates', 'Ready-made bots'],
];

/** /help lists categories in this order; others follow in registration order. */
const CATEGORY_ORDER = ['Start', 'Bots', 'Trading', 'Exchanges', 'Account', 'Support'];

export const helpCommand = defineCommand({
  name: 'help',
  description: 'Commands, and answers from the help center',
  aliases: ['h'],
  category: 'Start',
  args: z.object({ topic: z.string().max(200).optional() }),
  rest: 'topic',
  argHelp: { topic: 'A command or a few words, e.g. grid, api keys' },
  async handler(c) {
    const topic = c.args.topic?.trim();
    if (!topic) return listCommands(c.registry);
    const asCommand = /^\/?([a-z0-9_]{1,32})$/i.exec(topic);
    const cmd = asCommand ? c.registry.find(asCommand[1]) : undefined;
    if (cmd && !cmd.hidden) {
      const aliases = cmd.aliases?.length ? `\nAlso: ${cmd.aliases.map((a) => `/${a}`).join(' ')}` : '';
      return reply(`${bold(`/${cmd.name}`)}: ${cmd.description}\nUsage: ${code(commandUsage(cmd))}${aliases}${cmd.help ? `\n\n${cmd.help}` : ''}`);
    }
    const found = await searchHelp({ ctx: c.svc, input: { query: topic, limit: 3 } });
    if (found.articles.length === 0 && found.faqs.length === 0) {
      return reply(`I found nothing about "${topic.slice(0, 60)}". Try other words, or ask a person with /support.`);
    }
    if (found.articles.length === 1 && found.articles[0].score >= 100) {
      const a = found.articles[0];
      return reply(`${bold(a.title)}\n\n${a.content}`);
    }
    const lines: string[] = [];
    const buttons: Button[][] = [];
    for (const a of found.articles) {
      lines.push(`${bold(a.title)}\n${excerpt(a.content)}`);
      buttons.push([{ label: `Read: ${a.title}`.slice(0, 60), send: `/help ${a.slug}`.slice(0, 64) }]);
    }
    for (const f of found.faqs) lines.push(`${bold(f.question)}\n${f.answer}`);
    return reply(lines.join('\n\n'), { buttons });
  },
});

function excerpt(text: string, max = 220): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max))}…`;
}

function listCommands(registry: CommandRegistry): Reply {
  const groups = new Map<string, string[]>(CATEGORY_ORDER.map((name) => [name, []]));
  for (const cmd of registry.list()) {
    const group = cmd.category ?? 'More';
    const lines = groups.get(group);
    if (lines) lines.push(`/${cmd.name}: ${cmd.description}`);
    else groups.set(group, [`/${cmd.name}: ${cmd.description}`]);
  }
  const sections = [...groups].filter(([, lines]) => lines.length).map(([name, lines]) => `${bold(name)}\n${lines.join('\n')}`);
  const upcoming = UPCOMING_COMMANDS.filter(([name]) => !registry.has(name));
  if (upcoming.length) sections.push(`${bold('Trading')} ${italic('(arriving with the trading runtime)')}\n${upcoming.map(([n, d]) => `/${n}: ${d}`).join('\n')}`);
  sections.push('Search the help center with /help <words>, for example /help grid or /help api keys.');
  return reply(sections.join('\n\n'), { buttons: [[{ label: 'Getting started', send: '/help welcome' }, { label: 'Bot types', send: '/help bot-types' }, { label: 'Support', send: '/support' }]] });
}
