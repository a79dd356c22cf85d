/** Stop a bot on its owner's behalf (see change-bot-status.ts). */
import { z } from 'zod';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';
import { changeBotStatus } from './change-bot-status.ts';

export const adminStopBot = defineVerb({
  name: 'bot.admin_stop',
  input: z.object({
    botId: z.string().min(1).max(64),
    reason: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(500).optional()),
    closePositions: z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean()).default(false),
  }),
  allow: isStaff,
  run: ({ ctx, input, tx }) => changeBotStatus(tx, ctx, input, 'inactive'),
});
