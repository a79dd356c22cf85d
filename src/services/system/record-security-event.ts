/** A security event seen at the edge (CSRF failure, a bad API key, a blocked IP knocking). */
import { z } from 'zod';
import { SECURITY_LOG_TYPES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { recordSecurityEvent as insertSecurityEvent } from '../admin-auth/attempts.ts';

export const recordSecurityEvent = defineVerb({
  name: 'security_log.record',
  input: z.object({
    type: z.enum(SECURITY_LOG_TYPES),
    ip: z.string().max(64),
    userAgent: z.string().max(512).default(''),
    userId: z.string().max(64).nullable().default(null),
    metadata: z.record(z.string(), z.unknown()).default({}),
  }),
  run: async ({ ctx, input, tx }) => {
    await insertSecurityEvent(tx, input.type, { ip: input.ip, userAgent: input.userAgent, now: ctx.env.clock.now() }, input.metadata, input.userId);
    return { recorded: true };
  },
});
