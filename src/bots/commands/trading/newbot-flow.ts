/**
 * /newbot as a conversation (state in Postgres, so a restart continues it): kind or template →
 * exchange → pair → timeframe → the type's key settings → risk → paper or live → balance →
 * name → a 30-day backtest preview with an equity chart → confirm. Every answer is checked
 * before anything is stored: a wrong one is explained (in the engine's words) and asked again.
 */
import { z } from 'zod';
import { BOT_TYPES } from '../../../engines/types.ts';
import { botName, createBot, money } from '../../../services/bots/create-bot.ts';
import { configFieldRule, validateBotConfig } from '../../../services/bots/engine-registry.ts';
import { listBots } from '../../../services/bots/list-bots.ts';
import { listTemplates } from '../../../services/bots/list-templates.ts';
import { isServiceError } from '../../../services/core/errors.ts';
import { listExchangeConnections } from '../../../services/exchange-connections/list-connections.ts';
import { getChartData } from '../../../services/market/get-chart-data.ts';
import { listTradingPairs } from '../../../services/market/list-trading-pairs.ts';
import { BOT_EXCHANGES, TIMEFRAMES } from '../../../shared/enums.ts';
import { defineConversation, type StepOutcome } from '../../core/conversation.ts';
import { bold, reply, type Button } from '../../core/reply.ts';
import { typeLabel } from './format.ts';
import { effectiveConfig, fromTemplate, PAIR_PATTERN, paramsOf, POPULAR_PAIRS, quote, unitOf, type NewbotData } from './newbot-data.ts';
import { isBotType, readAnswer, scaled, starterConfig } from './newbot-params.ts';
import { confirmPrompt } from './newbot-preview.ts';

const TOO_LONG = 'That is too long for an answer here.';
const lower = z.string().max(64, TOO_LONG).transform((v) => v.trim().toLowerCase());
const row = (values: string[], current?: string): Button[] => values.map((v) => ({ label: v === current ? `• ${v}` : v, send: v }));

/** Where the wizard goes after the pair's timeframe, and after each setting. */
function afterSettings(d: NewbotData): StepOutcome<NewbotData> {
  return d.type === 'arbitrage' ? { step: 'balance', data: { ...d, paper: true } } : { step: 'mode', data: d };
}

export const newbotFlow = defineConversation<NewbotData>({
  kind: 'bot.new',
  first: 'kind',
  ttlMs: 30 * 60_000,
  cancelled: 'OK, no bot was created.',
  expired: 'The bot wizard timed out after 30 minutes without an answer, so nothing was created. Send /newbot to start again.',
  steps: {
    kind: {
      prompt: () =>
        reply(`${bold('New bot')}\nWhich kind of bot? Or start from a ready-made template.\n\nAI: scores RSI, MACD, trend and bands · Signal: follows a signal provider · DCA: buys dips, sells the average up · Grid: buys low, sells high in a range · Arbitrage: cross-exchange spreads (paper) · Pump screener: alerts on jumps · Scalping: quick mean reversion · Combo: DCA with a sell grid`, {
          buttons: [
            BOT_TYPES.slice(0, 4).map((t) => ({ label: typeLabel(t), send: t })),
            BOT_TYPES.slice(4).map((t) => ({ label: typeLabel(t), send: t })),
            [{ label: 'From a template', send: 'template' }],
          ],
          expectsText: false,
        }),
      input: lower,
      async next(answer, data, c) {
        const type = answer.replace(/[\s-]+/g, '_');
        if (isBotType(type)) return { step: 'exchange', data: { ...data, type } };
        if (answer === 'template' || answer === 'templates') return { step: 'template', data };
        const t = (await listTemplates({ ctx: c.svc, input: {} })).find((x) => x.id === answer);
        if (t) return { step: 'exchange', data: { ...data, ...fromTemplate(t) } };
        return { invalid: `Pick one of the buttons, or type a kind: ${BOT_TYPES.join(', ')}.` };
      },
    },
    template: {
      async prompt(_d, c) {
        const templates = await listTemplates({ ctx: c.svc, input: {} });
        const lines = templates.map((t) => `${bold(t.name)} (${typeLabel(t.type ?? '')})\n${t.description ?? ''}`);
        const buttons: Button[][] = [];
        for (let i = 0; i < templates.length && buttons.length < 4; i += 2) buttons.push(templates.slice(i, i + 2).map((t) => ({ label: t.name.slice(0, 40), send: t.id })));
        return reply(`Pick a template to start from (you can change its settings next):\n\n${lines.join('\n\n')}`, { buttons, expectsText: false });
      },
      input: z.string().trim().max(64, TOO_LONG),
      async next(answer, data, c) {
        const templates = await listTemplates({ ctx: c.svc, input: {} });
        const t = templates.find((x) => x.id === answer || x.name.toLowerCase() === answer.toLowerCase());
        if (!t?.type) return { invalid: 'Pick one of the template buttons.' };
        return { step: 'exchange', data: { ...data, ...fromTemplate(t) } };
      },
    },
    exchange: {
      prompt: (d) =>
        reply(`${d.templateName ? `Template: ${bold(d.templateName)}\n` : ''}Which exchange? A paper bot uses its real prices; a live bot trades there with your connected account.`, {
          buttons: [row([...BOT_EXCHANGES])],
          expectsText: false,
        }),
      input: lower.pipe(z.enum(BOT_EXCHANGES, { message: `Pick ${BOT_EXCHANGES.join(', ')}.` })),
      next: (exchange, data) => ({ step: 'pair', data: { ...data, exchange } }),
    },
    pair: {
      prompt: (d) => reply(`Which pair should it trade on ${d.exchange}? For example BTC/USDT.`, { buttons: [row([...new Set([d.pair ?? 'BTC/USDT', ...POPULAR_PAIRS])].slice(0, 4), d.pair)] }),
      input: z.string().max(64, TOO_LONG).transform((v) => v.trim().toUpperCase()).pipe(z.string().regex(PAIR_PATTERN, 'A pair looks like BTC/USDT: two symbols and a slash.')),
      async next(pair, data, c) {
        const exchange = data.exchange ?? 'binance';
        const listed = await listTradingPairs({ ctx: c.svc, input: { exchange } });
        if (!listed.includes(pair)) return { invalid: `${exchange} has no ${pair} market here. Pairs I can trade there: ${listed.join(', ')}.` };
        let config = data.config;
        if (!config && data.type) {
          const lastPrice = data.type === 'grid' ? await lastClose(c.svc, exchange, pair) : null;
          config = starterConfig(data.type, { exchange, lastPrice, quote: pair.split('/')[1] });
        }
        return { step: 'timeframe', data: { ...data, pair, config } };
      },
    },
    timeframe: {
      prompt: (d) => reply(`Which candles should it decide on? ${d.timeframe ? `(now ${d.timeframe})` : 'Most bots use 5m.'}`, { buttons: [row(['1m', '5m', '15m', '1h', '4h'], d.timeframe ?? '5m')], expectsText: false }),
      input: lower.pipe(z.enum(TIMEFRAMES, { message: `Pick one of ${TIMEFRAMES.join(', ')}.` })),
      next: (timeframe, data) => (paramsOf(data).length ? { step: 'setting', data: { ...data, timeframe, at: 0 } } : afterSettings({ ...data, timeframe })),
    },
    setting: {
      prompt: (d) => settingPrompt(d),
      input: z.string().max(64, TOO_LONG),
      next(answer, data) {
        const params = paramsOf(data);
        const at = data.at ?? 0;
        const param = params[at];
        if (!param || !data.type) return afterSettings(data);
        const rule = configFieldRule(data.type, param.field);
        const read = readAnswer(param, answer);
        if (!read) return { invalid: `Send a plain number${param.optional ? ', or none' : ''}. ${param.field} ${rule ?? ''}`.trim() + '.' };
        const config = { ...(data.config ?? {}) };
        if ('none' in read) delete config[param.field];
        else config[param.field] = read.value;
        // Report only what is wrong with the settings asked so far: later ones are still to come.
        const last = at + 1 >= params.length;
        const asked = new Set(params.slice(0, at + 1).map((p) => `config.${p.field}`));
        const problem = configProblem(data.type, config, last ? null : asked);
        if (problem) return { invalid: problem };
        const next = { ...data, config, at: at + 1 };
        return at + 1 < params.length ? { step: 'setting', data: next } : afterSettings(next);
      },
    },
    mode: {
      prompt: (d) =>
        reply(`Paper or live?\nPaper trades pretend money on real ${d.exchange} prices. Live places real orders on ${d.exchange} with your connected account.`, {
          buttons: [[{ label: 'Paper', send: 'paper' }, { label: 'Live', send: 'live' }]],
          expectsText: false,
        }),
      input: lower.pipe(z.enum(['paper', 'live'], { message: 'Answer paper or live.' })),
      async next(mode, data, c) {
        if (mode === 'paper') return { step: 'balance', data: { ...data, paper: true } };
        const connections = await listExchangeConnections({ ctx: c.svc, input: {} });
        if (!connections.some((x) => x.exchange === data.exchange && x.active)) {
          return { invalid: `A live bot needs your ${data.exchange} account. Connect it with /connect ${data.exchange} in a private chat with me (that ends this wizard: send /newbot again afterwards), or choose paper.` };
        }
        return { step: 'balance', data: { ...data, paper: false } };
      },
    },
    balance: {
      prompt: (d) =>
        reply(d.paper === false ? `How much of your ${quote(d)} on ${d.exchange} may it trade with?` : `How much pretend ${quote(d)} should it start with?`, {
          buttons: [row([...new Set([d.balance ?? scaled(1000, quote(d)), ...[500, 1000, 5000, 10000].map((v) => scaled(v, quote(d)))])].slice(0, 4), d.balance ?? scaled(1000, quote(d)))],
        }),
      input: z.string().max(64, TOO_LONG).transform((v): string | number => v.trim()).pipe(money('The balance')),
      next: (balance, data) => ({ step: 'name', data: { ...data, balance: balance.toFixed() } }),
    },
    name: {
      async prompt(d, c) {
        const suggestion = await freeName(c.svc, `${typeLabel(d.type ?? '')} ${d.pair?.replace('/', '-') ?? ''}`.trim());
        return reply('Last question: what should I call it? (letters, digits, spaces, dot, dash, underscore; 40 characters at most)', { buttons: [[{ label: `Call it ${suggestion}`, send: suggestion }]] });
      },
      input: z.string().max(200, 'A name has 40 characters at most.').pipe(botName),
      async next(name, data, c) {
        const mine = await listBots({ ctx: c.svc, input: { limit: 500 } });
        if (mine.some((b) => b.name === name)) return { invalid: `You already have a bot called "${name}". Pick another name.` };
        return { step: 'confirm', data: { ...data, name } };
      },
    },
    confirm: {
      state: 'awaiting_confirmation',
      prompt: (d, c) => confirmPrompt(d, c.svc),
      input: lower.pipe(z.enum(['start', 'create', 'cancel', 'yes', 'no'], { message: 'Press Create and start, Create only, or Cancel.' })),
      async next(answer, data, c) {
        if (answer === 'cancel' || answer === 'no') return { done: reply('OK, no bot was created.') };
        const start = answer !== 'create';
        try {
          const bot = await createBot({
            ctx: c.svc,
            input: { name: data.name ?? '', type: data.type ?? 'ai', exchange: data.exchange, tradingPair: data.pair ?? '', timeframe: data.timeframe, config: data.config ?? {}, paperTrading: data.paper !== false, initialBalance: data.balance ?? '1000', templateId: data.templateId, start },
          });
          const how = `${bot.paperTrading ? 'paper' : 'live'}, ${bot.initialBalance} ${quote(data)}`;
          return {
            done: reply(`Created ${bold(bot.name)} (${how}). ${start ? 'It is running: I will tell you about its trades.' : 'Start it when you are ready.'}`, {
              buttons: [[{ label: 'Open it', send: `/bot ${bot.id}` }, { label: 'All bots', send: '/bots' }]],
            }),
          };
        } catch (error) {
          if (!isServiceError(error)) throw error;
          if (error.code === 'CONFLICT') return { step: 'name', data, say: reply(error.message) };
          if (data.paper === false && (error.code === 'PRECONDITION_FAILED' || error.code === 'LIMIT_EXCEEDED')) return { step: 'mode', data, say: reply(error.message) };
          return { done: reply(`${error.message}\nNothing was created.`) };
        }
      },
    },
  },
});

function settingPrompt(d: NewbotData) {
  const params = paramsOf(d);
  const at = d.at ?? 0;
  const param = params[at];
  if (!param || !d.type) return reply('Send anything to go on.');
  const inSection = params.filter((p) => p.section === param.section);
  const heading = param.section === 'risk' ? 'Risk' : `${typeLabel(d.type)} settings`;
  const current = effectiveConfig(d)[param.field];
  const has = current !== undefined && current !== null;
  const lines = [
    `${bold(heading)} (${inSection.indexOf(param) + 1} of ${inSection.length})`,
    `${param.label}: ${has ? bold(`${String(current)}${unitOf(param, d)}`) : 'not set'}`,
    `${param.field} ${configFieldRule(d.type, param.field) ?? ''}.`,
    `Send a new value${param.optional ? ', or none to leave it out' : ''}${has ? ', or keep this one' : ''}.`,
  ];
  const buttons: Button[] = [];
  if (has) buttons.push({ label: `Keep ${String(current)}${unitOf(param, d)}`, send: String(current) });
  if (param.optional) buttons.push({ label: has ? 'None' : 'Leave it out', send: 'none' });
  return reply(lines.join('\n'), { buttons: buttons.length ? [buttons] : undefined });
}

function configProblem(type: string, config: Record<string, unknown>, asked: Set<string> | null): string | null {
  try {
    validateBotConfig(type, config);
    return null;
  } catch (error) {
    if (!isServiceError(error) || error.code !== 'VALIDATION') throw error;
    const issue = asked ? error.issues.find((i) => asked.has(i.field)) : error.issues[0];
    return issue ? issue.message : asked ? null : error.message;
  }
}

async function lastClose(svc: Parameters<typeof getChartData>[0]['ctx'], exchange: string, pair: string): Promise<number | null> {
  try {
    return (await getChartData({ ctx: svc, input: { exchange: exchange as 'binance', pair, timeframe: '1h', candles: 10 } })).last;
  } catch (error) {
    if (isServiceError(error)) return null;
    throw error;
  }
}

async function freeName(svc: Parameters<typeof listBots>[0]['ctx'], base: string): Promise<string> {
  const taken = new Set((await listBots({ ctx: svc, input: { limit: 500 } })).map((b) => b.name));
  const clean = base.replace(/[^\p{L}\p{N} _.-]/gu, '').slice(0, 34).trim() || 'My bot';
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? clean : `${clean} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
  return `${clean} ${taken.size + 1}`;
}
