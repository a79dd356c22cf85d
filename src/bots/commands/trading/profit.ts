/**
 * freqtrade-style results: /profit [bot], /daily [n], /weekly [n], /monthly [n] (periods in the
 * person's time zone from /settings, empty periods shown as 0), /performance (per pair) and
 * /balance. Figures add up each bot in its own quote currency.
 */
import { z } from 'zod';
import { getChatSettings } from '../../../services/identity/get-chat-settings.ts';
import { listBalances } from '../../../services/trading/balances.ts';
import { performanceByPair, periodProfit, profitSummary } from '../../../services/trading/profit.ts';
import { defineCommand, type Command } from '../../core/command.ts';
import { bold, italic, reply } from '../../core/reply.ts';
import { amount, localTime, pairOf, percent, ratio, signed } from './format.ts';
import { periodStarts, type Period } from './periods.ts';

export const profitCommand = defineCommand({
  name: 'profit',
  description: 'ROI, win rate, profit factor, expectancy, drawdown',
  category: 'Trading',
  args: z.object({ bot: z.string().max(64, 'a bot name has 40 characters at most').optional() }),
  rest: 'bot',
  argHelp: { bot: 'Only this bot (name or id)' },
  errors: { NOT_FOUND: 'You have no bot with that name. /bots lists yours.' },
  async handler(c) {
    const bot = c.args.bot?.trim() || undefined;
    const [s, settings] = await Promise.all([profitSummary({ ctx: c.svc, input: { bot } }), getChatSettings({ ctx: c.svc, input: {} })]);
    const tz = settings.timezone ?? 'UTC';
    if (s.closedTrades === 0) return reply(`${bold(bot ? `Profit of ${bot}` : 'Profit')}\nNo closed trades yet. Open positions: /positions`);
    return reply(
      [
        bold(bot ? `Profit of ${bot}` : 'Profit of all your bots'),
        `Closed trades: ${s.closedTrades} (${s.winningTrades} won, ${s.losingTrades} lost)`,
        `Total: ${bold(signed(s.totalProfit))} on ${amount(s.capital)} capital · ROI ${bold(percent(s.roiPercent))}`,
        `Win rate ${s.winRate === null ? '–' : `${ratio(s.winRate, 1)} %`} · profit factor ${ratio(s.profitFactor)} · expectancy ${signed(s.expectancy)} per trade`,
        `Best ${signed(s.bestTrade)} · worst ${signed(s.worstTrade)}`,
        `Max drawdown ${ratio(s.maxDrawdownPercent)} % (${amount(s.maxDrawdown)})`,
        italic(`First close ${localTime(s.firstTradeAt, tz)} · last ${localTime(s.lastTradeAt, tz)} (${tz})`),
      ].join('\n'),
      { buttons: [[{ label: 'Daily', send: '/daily' }, { label: 'Per pair', send: '/performance' }, { label: 'Balance', send: '/balance' }]] },
    );
  },
});

function periodCommand(name: string, period: Period, fallback: number, max: number, description: string): Command {
  return defineCommand({
    name,
    description,
    category: 'Trading',
    args: z.object({ n: z.string().regex(/^\d{1,3}$/, `give how many, from 1 to ${max}`).optional() }),
    positional: ['n'],
    argHelp: { n: `How many (1–${max}, default ${fallback})` },
    async handler(c) {
      const count = Math.min(max, Math.max(1, Number(c.args.n ?? fallback)));
      const settings = await getChatSettings({ ctx: c.svc, input: {} });
      const tz = settings.timezone ?? 'UTC';
      const result = await periodProfit({ ctx: c.svc, input: { period, count, timezone: tz } });
      const byStart = new Map(result.rows.map((r) => [r.start, r]));
      const lines = periodStarts(period, count, c.svc.env.clock.now(), result.timezone).map((start) => {
        const r = byStart.get(start);
        return `${start}  ${signed(r?.profit ?? 0).padStart(10)}  ${r ? `${r.trades} trade${r.trades === 1 ? '' : 's'}, ${r.wins} won` : '0 trades'}`;
      });
      const title = { day: 'Daily', week: 'Weekly', month: 'Monthly' }[period];
      return reply(`${bold(`${title} profit`)} ${italic(`(closed trades, ${result.timezone}; change it in /settings timezone)`)}\n${lines.join('\n')}`);
    },
  });
}

export const dailyCommand = periodCommand('daily', 'day', 7, 90, 'Profit per day');
export const weeklyCommand = periodCommand('weekly', 'week', 4, 52, 'Profit per week');
export const monthlyCommand = periodCommand('monthly', 'month', 6, 24, 'Profit per month');

export const performanceCommand = defineCommand({
  name: 'performance',
  description: 'Profit per pair',
  category: 'Trading',
  async handler(c) {
    const rows = await performanceByPair({ ctx: c.svc, input: {} });
    if (rows.length === 0) return reply('No closed trades yet, so no results per pair.');
    const lines = rows.map((r) => `${bold(pairOf(r.symbol))} ${signed(r.profit)} · ${r.trades} trade${r.trades === 1 ? '' : 's'} · win rate ${r.winRate === null ? '–' : `${ratio(r.winRate, 1)} %`}`);
    return reply(`${bold('Performance per pair')}\n${lines.join('\n')}`);
  },
});

export const balanceCommand = defineCommand({
  name: 'balance',
  description: 'Cash, holdings and equity of each bot',
  category: 'Trading',
  async handler(c) {
    const b = await listBalances({ ctx: c.svc, input: {} });
    if (b.bots.length === 0) return reply('You have no bots, so no balances yet. /newbot builds one.');
    const lines = b.bots.map((x) => `${bold(x.bot)} (${x.pair}${x.paper ? ', paper' : ', live'}): equity ${amount(x.equity)} = cash ${amount(x.cash)} + holdings ${amount(x.holdingsValue)} · ${percent(x.changePercent)} since start`);
    return reply(`${bold('Balances')}\n${lines.join('\n')}\n\nTotal equity: ${bold(amount(b.totalEquity))}`);
  },
});
