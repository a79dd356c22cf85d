/**
 * /templates [kind | types | show <id> | deploy <id>]: browse the ready-made bots (filter by
 * kind with buttons), look at one, and deploy it as a paper bot after asking for a name
 * (deployTemplate), or customize it in /newbot.
 */
import { z } from 'zod';
import { BOT_TYPES } from '../../../engines/types.ts';
import { botName } from '../../../services/bots/create-bot.ts';
import { deployTemplate } from '../../../services/bots/deploy-template.ts';
import { listBots } from '../../../services/bots/list-bots.ts';
import { listTemplates } from '../../../services/bots/list-templates.ts';
import { isServiceError } from '../../../services/core/errors.ts';
import { defineCommand } from '../../core/command.ts';
import { defineConversation } from '../../core/conversation.ts';
import { bold, italic, reply, type Button, type Replies } from '../../core/reply.ts';
import { label, typeLabel } from './format.ts';
import { isBotType } from './newbot-params.ts';

const USAGE = '/templates [kind | show <template> | deploy <template>]';

export const templatesCommand = defineCommand({
  name: 'templates',
  description: 'Ready-made bots: browse and deploy',
  category: 'Bots',
  args: z.object({ action: z.string().max(32, 'a kind, or show or deploy').optional(), id: z.string().max(64, 'a template id, as /templates shows it').optional() }),
  positional: ['action', 'id'],
  usage: USAGE,
  argHelp: { action: 'A kind to filter by (dca, grid, …), or show / deploy', id: 'The template id' },
  errors: { NOT_FOUND: 'There is no template with that id. /templates lists them.' },
  async handler(c): Promise<Replies> {
    const action = c.args.action?.toLowerCase();
    const all = await listTemplates({ ctx: c.svc, input: {} });
    if (action === 'types') {
      const kinds = BOT_TYPES.filter((t) => all.some((x) => x.type === t));
      const rows: Button[][] = [];
      for (let i = 0; i < kinds.length; i += 4) rows.push(kinds.slice(i, i + 4).map((t) => ({ label: typeLabel(t), send: `/templates ${t}` })));
      return reply('Show templates of which kind?', { buttons: [...rows, [{ label: 'All', send: '/templates' }]], replace: true });
    }
    if (action === 'show' || action === 'deploy') {
      const t = all.find((x) => x.id === c.args.id);
      if (!t?.type) return reply(`There is no template with that id. Usage: ${USAGE}`);
      if (action === 'deploy') return c.startConversation('template.deploy', { templateId: t.id, templateName: t.name });
      const defaults = (t.defaultSettings ?? {}) as { tradingPair?: string; timeframe?: string; initialBalance?: string };
      const settings = Object.entries(t.config as Record<string, unknown>).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join('/') : String(v)}`);
      return reply(
        `${bold(t.name)} (${typeLabel(t.type)}, ${t.complexity ?? 'any level'})\n${t.description ?? ''}\n\nPair ${defaults.tradingPair ?? 'BTC/USDT'} · ${defaults.timeframe ?? '5m'} · paper balance ${defaults.initialBalance ?? '1000'}\nSettings: ${settings.join(', ')}\n${italic(`Deployed ${t.usageCount} times`)}`,
        {
          buttons: [
            [{ label: 'Deploy as is', send: `/templates deploy ${t.id}` }, { label: 'Customize', send: `/newbot ${t.id}` }],
            [{ label: 'Backtest it', send: `/backtest ${t.id}` }, { label: 'Back', send: '/templates' }],
          ],
          replace: true,
        },
      );
    }
    if (action && !isBotType(action)) return reply(`I do not know "${action.slice(0, 30)}". Usage: ${USAGE}`);
    const shown = action ? all.filter((t) => t.type === action) : all;
    if (shown.length === 0) return reply(`No ${typeLabel(action ?? '')} templates yet. Build one yourself with /newbot ${action ?? ''}`.trim(), { buttons: [[{ label: 'All templates', send: '/templates' }]] });
    const lines = shown.map((t) => `${t.featured ? '⭐ ' : ''}${bold(t.name)} (${typeLabel(t.type ?? '')}, ${t.complexity ?? '–'})\n${t.description ?? ''}`);
    const rows: Button[][] = [];
    for (let i = 0; i < shown.length && rows.length < 4; i += 2) rows.push(shown.slice(i, i + 2).map((t) => ({ label: label(t.name, 36), send: `/templates show ${t.id}` })));
    rows.push([{ label: 'Filter by kind', send: '/templates types' }, ...(action ? [{ label: 'All', send: '/templates' }] : [])]);
    return reply(`${bold(action ? `${typeLabel(action)} templates` : 'Templates')}\n\n${lines.join('\n\n')}`, { buttons: rows, replace: true });
  },
});

export const deployTemplateFlow = defineConversation<{ templateId: string; templateName: string }>({
  kind: 'template.deploy',
  first: 'name',
  ttlMs: 30 * 60_000,
  cancelled: 'OK, nothing was deployed.',
  steps: {
    name: {
      async prompt(d, c) {
        const taken = new Set((await listBots({ ctx: c.svc, input: { limit: 500 } })).map((b) => b.name));
        const base = d.templateName.replace(/[^\p{L}\p{N} _.-]/gu, '').replace(/\s+/g, ' ').trim().slice(0, 34) || 'My bot';
        let suggestion = base;
        for (let n = 2; taken.has(suggestion) && n < 100; n++) suggestion = `${base} ${n}`;
        return reply(`Deploying ${bold(d.templateName)} as a paper bot. What should I call it?`, { buttons: [[{ label: `Call it ${suggestion}`, send: suggestion }]] });
      },
      input: z.string().max(200, 'A name has 40 characters at most.').pipe(botName),
      async next(name, d, c) {
        const mine = await listBots({ ctx: c.svc, input: { limit: 500 } });
        if (mine.some((b) => b.name === name)) return { invalid: `You already have a bot called "${name}". Pick another name.` };
        let bot;
        try {
          bot = await deployTemplate({ ctx: c.svc, input: { templateId: d.templateId, name } });
        } catch (error) {
          if (!isServiceError(error)) throw error;
          return { done: reply(`${error.message}\nNothing was deployed.`) };
        }
        return {
          done: reply(`Deployed ${bold(bot.name)} from ${d.templateName}: ${bot.tradingPair} ${bot.timeframe} on ${bot.exchange}, paper, ${bot.initialBalance} to start with. It is not running yet.`, {
            buttons: [[{ label: 'Start it', send: `/botdo start ${bot.id}` }, { label: 'Open it', send: `/bot ${bot.id}` }]],
          }),
        };
      },
    },
  },
});
