/** What /bots and /bot show: the list with P&L, and one bot's panel with its open positions and buttons. */
import type { getBot, listBots } from '../../../services/bots/list-bots.ts';
import { bold, italic, reply, type Button, type Reply } from '../../core/reply.ts';
import { amount, label, percent, price, quoteOf, shortRef, signed, statusIcon, typeLabel } from './format.ts';

type BotListItem = Awaited<ReturnType<typeof listBots>>[number];
type BotDetail = Awaited<ReturnType<typeof getBot>>;

export function botListReply(bots: BotListItem[]): Reply {
  if (bots.length === 0) {
    return reply('You have no bots yet. Build one with /newbot, or deploy a ready-made one from /templates.', {
      buttons: [[{ label: 'New bot', send: '/newbot' }, { label: 'Templates', send: '/templates' }]],
    });
  }
  const lines = bots.map(
    (b) => `${statusIcon(b.status)} ${bold(b.name)}: ${typeLabel(b.type)} ${b.tradingPair ?? ''} · ${b.status}${b.paperTrading ? ' · paper' : ' · live'} · P&L ${signed(b.profit)} ${quoteOf(b.tradingPair)} (${percent(b.profitPercentage)})`,
  );
  const buttons: Button[][] = [];
  const shown = bots.slice(0, 8);
  for (let i = 0; i < shown.length; i += 2) buttons.push(shown.slice(i, i + 2).map((b) => ({ label: label(`${statusIcon(b.status)} ${b.name}`, 36), send: `/bot ${b.id}` })));
  buttons.push([{ label: 'New bot', send: '/newbot' }, { label: 'Positions', send: '/positions' }, { label: 'Profit', send: '/profit' }]);
  return reply(`${bold(`Your bots (${bots.length})`)}\n${lines.join('\n')}`, { buttons: buttons.slice(-5), replace: true });
}

export function botPanel(bot: BotDetail, note?: string): Reply {
  const q = quoteOf(bot.tradingPair);
  const lines = [
    `${statusIcon(bot.status)} ${bold(bot.name)}: ${typeLabel(bot.type)} on ${bot.tradingPair} ${bot.timeframe ?? ''} at ${bot.exchange} · ${bot.paperTrading ? 'paper' : 'live'}`,
    `Status: ${bold(bot.status)}${bot.errorMessage ? ` (${bot.errorMessage})` : ''}`,
    `P&L: ${bold(`${signed(bot.profit)} ${q}`)} (${percent(bot.profitPercentage)}) · ${bot.totalTrades} closed trades, ${bot.winningTrades} won`,
    `Cash: ${amount(bot.currentBalance)} ${q} (started with ${amount(bot.initialBalance)})`,
  ];
  if (bot.openPositions.length === 0) lines.push(italic('No open positions.'));
  else {
    lines.push(bold(`Open positions (${bot.openPositions.length})`));
    for (const p of bot.openPositions.slice(0, 10)) {
      lines.push(`${shortRef(p.id)} ${p.side} ${amount(p.quantity, 6)} @ ${price(p.entryPrice)} → ${price(p.currentPrice)}: ${signed(p.unrealizedPnl)} ${q} (${percent(p.unrealizedPnlPercent)})`);
    }
  }
  if (note) lines.unshift(note, '');
  const act = (text: string, action: string): Button => ({ label: text, send: `/botdo ${action} ${bot.id}` });
  const controls: Button[] =
    bot.status === 'active' ? [act('Pause', 'pause'), act('Stop', 'stop')]
      : bot.status === 'paused' ? [act('Resume', 'start'), act('Stop', 'stop'), act('Delete', 'delete')]
        : [act('Start', 'start'), act('Delete', 'delete')];
  return reply(lines.join('\n'), {
    buttons: [
      controls,
      [{ label: 'Positions', send: `/positions ${bot.id}` }, { label: 'Backtest', send: `/backtest ${bot.id}` }, { label: 'Refresh', send: `/bot ${bot.id}` }],
      [{ label: 'All bots', send: '/bots' }],
    ],
    replace: true,
  });
}
