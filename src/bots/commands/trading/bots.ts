/**
 * /bots, /bot <name> and the panel's buttons (/botdo <action> <bot>). Every lookup goes through
 * the bot verbs, which only find the caller's own bots: a guessed name, id or forged button
 * press for someone else's bot is "not found", never a hint that it exists.
 */
import { z } from 'zod';
import { deleteBot, pauseBot, startBot, stopBot } from '../../../services/bots/lifecycle.ts';
import { getBot, listBots } from '../../../services/bots/list-bots.ts';
import { defineCommand, type CommandContext } from '../../core/command.ts';
import { bold, reply, type Replies } from '../../core/reply.ts';
import { botListReply, botPanel } from './bot-panel.ts';

const NOT_FOUND = 'You have no bot with that name or id. /bots lists yours.';

export const botsCommand = defineCommand({
  name: 'bots',
  description: 'Your bots with status and P&L',
  category: 'Bots',
  async handler(c) {
    return botListReply(await listBots({ ctx: c.svc, input: {} }));
  },
});

export const botCommand = defineCommand({
  name: 'bot',
  description: 'One bot: status, P&L, open positions, buttons',
  category: 'Bots',
  args: z.object({ name: z.string().max(64, 'a bot name has 40 characters at most').optional() }),
  rest: 'name',
  argHelp: { name: 'The bot name (as /bots shows it) or its id' },
  help: 'Shows the bot with Start, Pause, Stop and Delete buttons. Stop asks whether to close the open positions at market or keep them; Delete asks for confirmation.',
  errors: { NOT_FOUND },
  async handler(c) {
    const name = c.args.name?.trim();
    if (!name) return botListReply(await listBots({ ctx: c.svc, input: {} }));
    return botPanel(await getBot({ ctx: c.svc, input: { name } }));
  },
});

const ACTIONS = ['start', 'pause', 'stop', 'stopclose', 'stopkeep', 'delete', 'deleteyes'] as const;
type Action = (typeof ACTIONS)[number];

export const botActionCommand = defineCommand({
  name: 'botdo',
  description: 'Start, pause, stop or delete a bot',
  category: 'Bots',
  hidden: true,
  args: z.object({ action: z.string({ message: 'say what to do: start, pause, stop or delete' }).max(16, 'say what to do: start, pause, stop or delete'), bot: z.string({ message: 'name the bot' }).max(64, 'a bot name has 40 characters at most') }),
  positional: ['action'],
  rest: 'bot',
  usage: '/botdo <start|pause|stop|delete> <bot>',
  errors: { NOT_FOUND },
  handler: (c) => act(c, c.args.action.toLowerCase() as Action, c.args.bot.trim()),
});

async function act(c: CommandContext<{ action: string; bot: string }>, action: Action, name: string): Promise<Replies> {
  if (!ACTIONS.includes(action)) return reply(`Usage: /botdo <start|pause|stop|delete> <bot>`);
  const ref = { name };
  switch (action) {
    case 'start':
      await startBot({ ctx: c.svc, input: ref });
      return botPanel(await getBot({ ctx: c.svc, input: ref }), 'Started.');
    case 'pause':
      await pauseBot({ ctx: c.svc, input: ref });
      return botPanel(await getBot({ ctx: c.svc, input: ref }), 'Paused: it keeps its positions and makes no new decisions until you resume it.');
    case 'stop': {
      const bot = await getBot({ ctx: c.svc, input: ref });
      if (bot.openPositions.length === 0) {
        await stopBot({ ctx: c.svc, input: { botId: bot.id, closePositions: false } });
        return botPanel(await getBot({ ctx: c.svc, input: { botId: bot.id } }), 'Stopped. It had no open positions.');
      }
      return reply(`Stop ${bold(bot.name)}. It has ${bot.openPositions.length} open position(s): close them at market now, or keep them?`, {
        buttons: [
          [{ label: 'Close positions', send: `/botdo stopclose ${bot.id}` }, { label: 'Keep positions', send: `/botdo stopkeep ${bot.id}` }],
          [{ label: 'Back', send: `/bot ${bot.id}` }],
        ],
        replace: true,
      });
    }
    case 'stopclose':
    case 'stopkeep': {
      const stopped = await stopBot({ ctx: c.svc, input: { name, closePositions: action === 'stopclose' } });
      const note = action === 'stopclose' ? `Stopped; ${stopped.closedPositions} position(s) closed at market.` : 'Stopped; its open positions were kept.';
      return botPanel(await getBot({ ctx: c.svc, input: { botId: stopped.id } }), note);
    }
    case 'delete': {
      const bot = await getBot({ ctx: c.svc, input: ref });
      if (bot.status === 'active') return botPanel(bot, `${bot.name} is running. Stop it first (choosing what happens to its positions), then delete it.`);
      return reply(`Delete ${bold(bot.name)}? Its settings go; its past trades stay in your history. This cannot be undone.`, {
        buttons: [[{ label: 'Yes, delete it', send: `/botdo deleteyes ${bot.id}` }, { label: 'No, keep it', send: `/bot ${bot.id}` }]],
        replace: true,
      });
    }
    case 'deleteyes': {
      const gone = await deleteBot({ ctx: c.svc, input: { name, confirm: true } });
      return reply(`Deleted ${bold(gone.name)}.`, { buttons: [[{ label: 'All bots', send: '/bots' }, { label: 'New bot', send: '/newbot' }]], replace: true });
    }
  }
}
