/**
 * The last /newbot question: a summary of the answers and a backtest of the last 30 days with
 * its equity chart (not saved), then Create and start / Create only / Cancel. A pair without
 * history (offline) still gets the question, with the reason there is no preview.
 */
import { runUserBacktest } from '../../../services/backtests/run-backtest.ts';
import type { ServiceContext } from '../../../services/core/context.ts';
import { isServiceError } from '../../../services/core/errors.ts';
import { bold, reply, type Reply } from '../../core/reply.ts';
import { backtestLines, equityImage } from './backtest-report.ts';
import { typeLabel } from './format.ts';
import { effectiveConfig, paramsOf, quote, unitOf, type NewbotData } from './newbot-data.ts';

export const PREVIEW_DAYS = 30;

export async function confirmPrompt(d: NewbotData, svc: ServiceContext): Promise<Reply> {
  const config = effectiveConfig(d);
  const settings = paramsOf(d)
    .filter((p) => config[p.field] !== undefined)
    .map((p) => `${p.field} ${String(config[p.field])}${unitOf(p, d)}`);
  const lines = [
    `${bold(`Ready to create ${d.name ?? 'your bot'}`)}`,
    `${typeLabel(d.type ?? '')} on ${d.pair} ${d.timeframe ?? '5m'} at ${d.exchange}, ${d.paper === false ? bold('live') : 'paper'}, ${d.balance ?? '1000'} ${quote(d)}${d.templateName ? ` (from ${d.templateName})` : ''}`,
    ...(settings.length ? [`Settings: ${settings.join(', ')}`] : []),
    '',
  ];
  let image: Reply['image'];
  try {
    const out = await runUserBacktest({
      ctx: svc,
      input: { type: d.type, config: d.config ?? {}, exchange: d.exchange, tradingPair: d.pair, timeframe: d.timeframe, days: PREVIEW_DAYS, initialBalance: d.balance ?? '1000', save: false },
    });
    lines.push(bold(`Backtest of the last ${PREVIEW_DAYS} days`), ...backtestLines(out, quote(d)), '');
    image = await equityImage(out, `${d.name ?? 'New bot'}: ${PREVIEW_DAYS}-day backtest`, quote(d), 'preview.png');
  } catch (error) {
    if (!isServiceError(error)) throw error;
    lines.push(`No backtest preview: ${error.message}`, '');
  }
  lines.push('Past results do not promise future ones. Create it?');
  return reply(lines.join('\n'), {
    image,
    buttons: [[{ label: 'Create and start', send: 'start' }, { label: 'Create only', send: 'create' }], [{ label: 'Cancel', send: 'cancel' }]],
    expectsText: false,
  });
}
