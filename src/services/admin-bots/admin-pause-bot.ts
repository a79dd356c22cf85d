/** Pause a running bot on its owner's behalf (see change-bot-status.ts). */
import { z } from 'zod';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';
import { changeBotStatus } from './change-bot-status.ts';

export const adminPauseBot = defineVerb({
  name: 'bot.admin_pause',
  input: z.object({ botId: z.string().min(1).max(64), reason: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(500).optional()) }),
  allow: isStaff,
  run: ({ ctx, input, tx }) => changeBotStatus(tx, ctx, input, 'paused'),
});
