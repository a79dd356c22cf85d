/**
 * /backtest [bot | template | kind] [pair] [days]: without arguments, buttons to pick what to
 * test; without days, buttons for the range. While it runs, one progress message is edited in
 * place (every 20 %), then the report arrives with the equity-curve chart. Stateless: every
 * button carries the whole command, so nothing waits in the database between presses.
 */
import { z } from 'zod';
import { runUserBacktest } from '../../../services/backtests/run-backtest.ts';
import { getBot, listBots } from '../../../services/bots/list-bots.ts';
import { listTemplates } from '../../../services/bots/list-templates.ts';
import type { ServiceContext } from '../../../services/core/context.ts';
import { isServiceError } from '../../../services/core/errors.ts';
import { getChartData } from '../../../services/market/get-chart-data.ts';
import { TIMEFRAMES } from '../../../shared/enums.ts';
import { defineCommand } from '../../core/command.ts';
import { errorSentence } from '../../core/error-text.ts';
import { bold, reply, type Button, type Replies } from '../../core/reply.ts';
import { backtestLines, equityImage } from './backtest-report.ts';
import { label, quoteOf, typeLabel } from './format.ts';
import { PAIR_PATTERN } from './newbot-data.ts';
import { isBotType, starterConfig } from './newbot-params.ts';

const USAGE = '/backtest [bot | template | kind] [pair] [days]';
const PROGRESS_STEP = 20;

/** `token` names the target in a button (no spaces: a kind, a template id or the bot's id). */
type Target = { label: string; token: string; pair: string; input: Record<string, unknown>; again: Button[] };

export const backtestCommand = defineCommand({
  name: 'backtest',
  description: 'Test a bot or template on past prices, with a chart',
  category: 'Bots',
  args: z.object({ target: z.string().max(64, 'a bot name or template id has 64 characters at most').optional(), more: z.string().max(64, 'give the pair and the days, like BTC/USDT 30').optional() }),
  positional: ['target'],
  rest: 'more',
  usage: USAGE,
  argHelp: { target: 'Your bot (name or id), a template id, or a kind like dca', more: 'Pair and days, e.g. BTC/USDT 30' },
  help: 'Examples: /backtest · /backtest tpl_dca_classic 30 · /backtest "My DCA" ETH/USDT 14 · /backtest grid. Offline, the bundled real candles are replayed. Your plan sets the longest range.',
  errors: { NOT_FOUND: 'You have no bot or template with that name. Send /backtest to pick one.' },
  async handler(c): Promise<Replies> {
    const targetName = c.args.target?.trim();
    if (!targetName) return menu(c.svc);
    const words = (c.args.more ?? '').trim().split(/\s+/).filter(Boolean);
    let pair: string | undefined;
    let days: number | undefined;
    let timeframe: (typeof TIMEFRAMES)[number] | undefined;
    for (const w of words) {
      const up = w.toUpperCase();
      if (PAIR_PATTERN.test(up)) pair = up;
      else if (/^\d{1,4}d?$/i.test(w)) days = Number(w.replace(/d$/i, ''));
      else if ((TIMEFRAMES as readonly string[]).includes(w.toLowerCase())) timeframe = w.toLowerCase() as typeof timeframe;
      else return reply(`I did not understand "${w.slice(0, 30)}". Usage: ${USAGE}`);
    }
    const target = await resolveTarget(c.svc, targetName, pair);
    pair ??= target.pair;
    if (!days) {
      const ranges = [7, 14, 30, 90].map((n) => ({ label: `${n} days`, send: `/backtest ${target.token} ${pair} ${n}` }));
      return reply(`Backtest ${bold(target.label)} on ${pair}: over how many days?`, { buttons: [ranges.filter((b) => Buffer.byteLength(b.send) <= 64)], replace: true });
    }
    const ref = await c.send(reply(`Backtesting ${bold(target.label)} on ${pair}, ${days} days: loading candles…`));
    let shown = 0;
    let edits = Promise.resolve();
    const progress = (text: string) => {
      edits = edits.then(() => c.edit(ref, reply(text))).catch(() => {});
    };
    try {
      const out = await runUserBacktest({
        ctx: c.svc,
        input: { ...target.input, tradingPair: pair, days, timeframe },
        onProgress: (p) => {
          const pct = Math.floor((p.done / Math.max(1, p.total)) * 100 / PROGRESS_STEP) * PROGRESS_STEP;
          if (pct > shown && pct < 100) {
            shown = pct;
            progress(`Backtesting ${bold(target.label)} on ${pair}, ${days} days: ${pct} %`);
          }
        },
      });
      progress(`Backtesting ${bold(target.label)} on ${pair}, ${days} days: done (${out.candles} candles in ${out.executionTimeMs} ms).`);
      await edits;
      const quote = quoteOf(pair);
      return reply([bold(`Backtest: ${target.label}`), ...backtestLines(out, quote)].join('\n'), {
        image: await equityImage(out, `${target.label}: ${pair}, ${days} days`, quote),
        buttons: [target.again],
      });
    } catch (error) {
      await edits;
      if (!isServiceError(error)) throw error;
      await c.edit(ref, reply(`Backtest of ${bold(target.label)} stopped: ${errorSentence(error)}`));
    }
  },
});

async function menu(svc: ServiceContext): Promise<Replies> {
  const [bots, templates] = await Promise.all([listBots({ ctx: svc, input: { limit: 3 } }), listTemplates({ ctx: svc, input: {} })]);
  const buttons: Button[][] = [];
  if (bots.length) buttons.push(bots.map((b) => ({ label: label(b.name, 30), send: `/backtest ${b.id}` })));
  const tpl = templates.slice(0, 8);
  for (let i = 0; i < tpl.length; i += 2) buttons.push(tpl.slice(i, i + 2).map((t) => ({ label: label(t.name, 36), send: `/backtest ${t.id}` })));
  return reply(`What should I backtest? ${bots.length ? 'One of your bots or a template' : 'Pick a template'}, or type ${USAGE}.`, { buttons: buttons.slice(0, 5) });
}

async function resolveTarget(svc: ServiceContext, name: string, pair: string | undefined): Promise<Target> {
  const kind = name.toLowerCase().replace(/-/g, '_');
  if (isBotType(kind)) {
    const p = pair ?? 'BTC/USDT';
    const lastPrice = kind === 'grid' ? (await getChartData({ ctx: svc, input: { pair: p, timeframe: '1h', candles: 10 } }).catch((e) => (isServiceError(e) ? null : Promise.reject(e))))?.last : null;
    return { label: `${typeLabel(kind)} (default settings)`, token: kind, pair: p, input: { type: kind, config: starterConfig(kind, { lastPrice }) }, again: [{ label: `Build a ${typeLabel(kind)} bot`, send: `/newbot ${kind}` }] };
  }
  const template = (await listTemplates({ ctx: svc, input: {} })).find((t) => t.id === name);
  if (template?.type) {
    const defaults = (template.defaultSettings ?? {}) as { tradingPair?: string };
    return { label: template.name, token: template.id, pair: defaults.tradingPair ?? 'BTC/USDT', input: { templateId: template.id }, again: [{ label: 'Build a bot from it', send: `/newbot ${template.id}` }, { label: 'Deploy as is', send: `/templates deploy ${template.id}` }] };
  }
  const bot = await getBot({ ctx: svc, input: { name } });
  return { label: bot.name, token: bot.id, pair: bot.tradingPair ?? 'BTC/USDT', input: { bot: bot.id }, again: [{ label: 'Open bot', send: `/bot ${bot.id}` }] };
}
