/**
 * /chart <pair> [timeframe] [exchange] [indicators…]: a candlestick chart image with indicator
 * overlays computed by the engines, e.g. /chart BTC/USDT 5m ema20 bb. Words may come in any
 * order after the pair; each is checked and a wrong one is named, never guessed.
 */
import { z } from 'zod';
import { renderCandleChart } from '../../../services/charts/candle-chart.ts';
import { CHART_INDICATORS, getChartData, type ChartIndicatorKind } from '../../../services/market/get-chart-data.ts';
import { BOT_EXCHANGES, TIMEFRAMES } from '../../../shared/enums.ts';
import { defineCommand } from '../../core/command.ts';
import { bold, italic, reply } from '../../core/reply.ts';
import { own, price } from './format.ts';
import { PAIR_PATTERN, POPULAR_PAIRS } from './newbot-data.ts';

const USAGE = '/chart <pair> [timeframe] [indicators…], e.g. /chart BTC/USDT 5m ema20 bb';
const ALIASES: Record<string, ChartIndicatorKind> = { ema: 'ema', sma: 'sma', ma: 'sma', wma: 'wma', bb: 'bb', boll: 'bb', bollinger: 'bb', donchian: 'donchian', dc: 'donchian', vwap: 'vwap' };

export const chartCommand = defineCommand({
  name: 'chart',
  description: 'Candlestick chart with indicators',
  category: 'Trading',
  args: z.object({ pair: z.string().max(32, 'a pair looks like BTC/USDT').optional(), more: z.string().max(200, 'a timeframe and a few indicators, like 5m ema20 bb').optional() }),
  positional: ['pair'],
  rest: 'more',
  usage: USAGE,
  argHelp: { pair: 'The pair, e.g. BTC/USDT', more: 'Timeframe and indicators, e.g. 5m ema20 bb' },
  help: `Timeframes: ${TIMEFRAMES.join(', ')} (default 1h). Indicators: ema<n>, sma<n>, wma<n>, bb[<n>] (Bollinger 2σ), donchian<n>, vwap; n from 2 to 200. Exchange: ${BOT_EXCHANGES.join(', ')} (default binance).`,
  async handler(c) {
    const rawPair = c.args.pair?.trim().toUpperCase();
    if (!rawPair) return reply(`Which pair? Usage: ${USAGE}`, { buttons: [POPULAR_PAIRS.map((p) => ({ label: p, send: `/chart ${p} 1h ema20` }))] });
    if (!PAIR_PATTERN.test(rawPair)) return reply(`A pair looks like BTC/USDT. Usage: ${USAGE}`);
    let timeframe: (typeof TIMEFRAMES)[number] | undefined;
    let exchange: (typeof BOT_EXCHANGES)[number] | undefined;
    const indicators: { kind: ChartIndicatorKind; period?: number }[] = [];
    for (const word of (c.args.more ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10)) {
      const w = word.toLowerCase();
      if ((TIMEFRAMES as readonly string[]).includes(w)) timeframe = w as typeof timeframe;
      else if ((BOT_EXCHANGES as readonly string[]).includes(w)) exchange = w as typeof exchange;
      else {
        const m = /^([a-z]+)(\d{1,3})?$/.exec(w);
        const kind = m ? own(ALIASES, m[1]) : undefined;
        const period = m?.[2] ? Number(m[2]) : undefined;
        if (!kind) return reply(`I do not know "${word.slice(0, 30)}". Timeframes: ${TIMEFRAMES.join(', ')}; indicators: ${CHART_INDICATORS.join(', ')} with a length, like ema20.`);
        if (period !== undefined && (period < 2 || period > 200)) return reply(`${word.slice(0, 30)}: the length must be between 2 and 200.`);
        if (indicators.length >= 4) return reply('At most 4 indicators on one chart.');
        indicators.push({ kind, period });
      }
    }
    const data = await getChartData({ ctx: c.svc, input: { pair: rawPair, timeframe, exchange: exchange ?? defaultExchange(c.svc.env.config.DEFAULT_EXCHANGE), indicators } });
    const png = await renderCandleChart({ title: `${data.pair} ${data.timeframe} · ${data.exchange}`, candles: data.candles, overlays: data.overlays, showVolume: true }, { width: 960, height: 540 });
    const source = data.source === 'replay' ? italic(' (bundled candles replayed offline)') : '';
    const names = data.overlays.map((o) => o.name.replace(/ (upper|middle|lower)$/, ''));
    return reply(`${bold(`${data.pair} ${data.timeframe}`)} on ${data.exchange}: last ${price(data.last)}${source}${names.length ? `\n${[...new Set(names)].join(' · ')}` : ''}`, {
      image: { png, filename: 'chart.png' },
      buttons: [['15m', '1h', '4h', '1d'].map((tf) => ({ label: tf, send: `/chart ${data.pair} ${tf} ${indicators.map((i) => `${i.kind}${i.period ?? ''}`).join(' ')}`.trim().slice(0, 64) }))],
    });
  },
});

function defaultExchange(value: string): (typeof BOT_EXCHANGES)[number] {
  return (BOT_EXCHANGES as readonly string[]).includes(value) ? (value as (typeof BOT_EXCHANGES)[number]) : 'binance';
}
