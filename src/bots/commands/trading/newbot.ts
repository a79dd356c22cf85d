/** /newbot [kind or template]: starts the bot wizard, skipping the first question when the argument answers it. */
import { z } from 'zod';
import { BOT_TYPES } from '../../../engines/types.ts';
import { listTemplates } from '../../../services/bots/list-templates.ts';
import { defineCommand } from '../../core/command.ts';
import { reply } from '../../core/reply.ts';
import { fromTemplate } from './newbot-data.ts';
import { isBotType } from './newbot-params.ts';

export const newbotCommand = defineCommand({
  name: 'newbot',
  description: 'Build a bot step by step, with a backtest preview',
  category: 'Bots',
  args: z.object({ kind: z.string().max(64, 'a kind (dca, grid, …) or a template id').optional() }),
  positional: ['kind'],
  argHelp: { kind: 'A bot kind (dca, grid, ai, …) or a template id' },
  help: `I ask for the kind (or a template), exchange, pair, timeframe, the few settings that matter for that kind with their allowed ranges, risk (stop loss, take profit), paper or live, and the balance; then I show a backtest of the last 30 days with its equity chart before anything is created. Kinds: ${BOT_TYPES.join(', ')}. Examples: /newbot · /newbot dca · /newbot tpl_grid_range. /cancel stops at any step; an unanswered question expires after 30 minutes.`,
  async handler(c) {
    const kind = c.args.kind?.trim().toLowerCase().replace(/-/g, '_');
    if (!kind) return c.startConversation('bot.new');
    if (isBotType(kind)) return c.startConversation('bot.new', { type: kind }, 'exchange');
    const template = (await listTemplates({ ctx: c.svc, input: {} })).find((t) => t.id === kind);
    if (template?.type) return c.startConversation('bot.new', fromTemplate(template), 'exchange');
    return reply(`There is no bot kind or template called "${kind.slice(0, 40)}". Kinds: ${BOT_TYPES.join(', ')}; templates: /templates.`, {
      buttons: [[{ label: 'Pick a kind', send: '/newbot' }, { label: 'Templates', send: '/templates' }]],
    });
  },
});
