/**
 * /positions [bot], /trades [n] and /forceexit <position> (asks first). Positions are shown as
 * #xxxxxx (the id's last 6 characters); /forceexit resolves that among the caller's own open
 * positions only, and the verb checks ownership again, so a forged id closes nothing.
 */
import { z } from 'zod';
import type { ServiceContext } from '../../../services/core/context.ts';
import { getChatSettings } from '../../../services/identity/get-chat-settings.ts';
import { forceExit } from '../../../services/trading/force-exit.ts';
import { listPositions, listTrades } from '../../../services/trading/list-positions.ts';
import { defineCommand } from '../../core/command.ts';
import { bold, italic, reply, type Button } from '../../core/reply.ts';
import { amount, localTime, pairOf, percent, price, quoteOf, shortRef, signed } from './format.ts';

export const positionsCommand = defineCommand({
  name: 'positions',
  description: 'Open positions of your bots',
  category: 'Trading',
  args: z.object({ bot: z.string().max(64, 'a bot name has 40 characters at most').optional() }),
  rest: 'bot',
  argHelp: { bot: 'Only this bot (name or id)' },
  errors: { NOT_FOUND: 'You have no bot with that name. /bots lists yours.' },
  async handler(c) {
    const open = await listPositions({ ctx: c.svc, input: { bot: c.args.bot?.trim() || undefined, status: 'open', limit: 50 } });
    if (open.length === 0) return reply(`No open positions${c.args.bot ? ' for that bot' : ''}. Closed trades: /trades · results: /profit`);
    const lines = open.map((p) => {
      const q = quoteOf(p.symbol);
      return `${bold(shortRef(p.id))} ${p.bot}: ${p.side} ${amount(p.quantity, 6)} ${pairOf(p.symbol)} @ ${price(p.entryPrice)} → ${price(p.currentPrice)}\n   ${signed(p.unrealizedPnl)} ${q} (${percent(p.unrealizedPnlPercent)})${p.stopLoss ? ` · stop ${price(p.stopLoss)}` : ''}${p.takeProfit ? ` · target ${price(p.takeProfit)}` : ''}`;
    });
    const buttons: Button[][] = [];
    const closable = open.slice(0, 6);
    for (let i = 0; i < closable.length; i += 3) buttons.push(closable.slice(i, i + 3).map((p) => ({ label: `Close ${shortRef(p.id)}`, send: `/forceexit ${p.id}` })));
    return reply(`${bold(`Open positions (${open.length})`)}\n${lines.join('\n')}`, { buttons });
  },
});

export const tradesCommand = defineCommand({
  name: 'trades',
  description: 'Your most recent trades',
  category: 'Trading',
  args: z.object({ n: z.string().regex(/^\d{1,3}$/, 'give how many trades, from 1 to 50').optional() }),
  positional: ['n'],
  argHelp: { n: 'How many (1–50, default 10)' },
  async handler(c) {
    const n = Math.min(50, Math.max(1, Number(c.args.n ?? 10)));
    const [trades, settings] = await Promise.all([listTrades({ ctx: c.svc, input: { limit: n } }), getChatSettings({ ctx: c.svc, input: {} })]);
    if (trades.length === 0) return reply('No trades yet. Bots trade once they run: /bots');
    const tz = settings.timezone ?? 'UTC';
    const lines = trades.map((t) => {
      const pnl = t.profitLoss !== null ? ` · P&L ${signed(t.profitLoss)}` : '';
      return `${localTime(t.executedAt, tz)} ${t.side} ${amount(t.quantity, 6)} ${pairOf(t.symbol)} @ ${price(t.price)} (${t.bot}${t.paper ? ', paper' : ''})${pnl}`;
    });
    return reply(`${bold(`Last ${trades.length} trades`)} ${italic(`(${tz})`)}\n${lines.join('\n')}`);
  },
});

async function findOpenPosition(svc: ServiceContext, ref: string) {
  const wanted = ref.replace(/^#/, '');
  const open = await listPositions({ ctx: svc, input: { status: 'open', limit: 100 } });
  return open.find((p) => p.id === wanted) ?? (wanted.length >= 6 ? open.find((p) => p.id.endsWith(wanted)) : undefined);
}

export const forceExitCommand = defineCommand({
  name: 'forceexit',
  description: 'Close one open position at market now',
  category: 'Trading',
  args: z.object({ position: z.string({ message: 'give the position as /positions shows it, like #abc123' }).max(64, 'a position reference looks like #abc123'), confirm: z.string().max(8, 'add yes to close without asking').optional() }),
  positional: ['position', 'confirm'],
  argHelp: { position: 'The position as /positions shows it (#abc123) or its id', confirm: 'yes to close without asking' },
  help: 'Send /positions, then press Close under a position (or /forceexit #abc123). I ask before closing it at market.',
  errors: { NOT_FOUND: 'You have no open position with that reference. /positions lists them.', PRECONDITION_FAILED: 'That position is already closed. /positions lists the open ones.' },
  async handler(c) {
    const p = await findOpenPosition(c.svc, c.args.position.trim());
    if (!p) return reply('You have no open position with that reference. /positions lists them.');
    const q = quoteOf(p.symbol);
    if (c.args.confirm?.toLowerCase() !== 'yes') {
      return reply(`Close ${bold(shortRef(p.id))} of ${bold(p.bot)} at market now?\n${p.side} ${amount(p.quantity, 6)} ${pairOf(p.symbol)} @ ${price(p.entryPrice)}, now ${price(p.currentPrice)}: ${signed(p.unrealizedPnl)} ${q} (${percent(p.unrealizedPnlPercent)})`, {
        buttons: [[{ label: 'Yes, close it', send: `/forceexit ${p.id} yes` }, { label: 'No', send: '/positions' }]],
        replace: true,
      });
    }
    const done = await forceExit({ ctx: c.svc, input: { positionId: p.id } });
    if (done.status !== 'closed') return reply(`The exit order for ${shortRef(p.id)} is placed and not filled yet; /positions shows it until it is.`, { replace: true });
    return reply(`Closed ${bold(shortRef(p.id))} of ${p.bot} at ${price(done.exitPrice)}: ${signed(done.profitLoss)} ${q}.`, { buttons: [[{ label: 'Positions', send: '/positions' }, { label: 'Profit', send: '/profit' }]], replace: true });
  },
});
