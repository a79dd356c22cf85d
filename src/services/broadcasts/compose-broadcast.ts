/**
 * Write a broadcast and, when asked, start it, in one transaction: if starting is refused (no
 * bot connected, no job queue) nothing is stored. Both steps write their own audit rows.
 */
import { z } from 'zod';
import { defineVerb } from '../core/verb.ts';
import { createBroadcast, startBroadcast } from './manage-broadcasts.ts';
import { broadcastDraftSchema } from './preview-broadcast.ts';

export const composeBroadcast = defineVerb({
  name: 'broadcast.compose',
  input: broadcastDraftSchema.extend({ send: z.boolean().default(false) }),
  run: async ({ ctx, input, tx }) => {
    const inTx = { ...ctx, db: tx };
    const broadcast = await createBroadcast({ ctx: inTx, input: { tenantId: input.tenantId, message: input.message, botRole: input.botRole } });
    if (!input.send) return { broadcastId: broadcast.id, status: broadcast.status, recipients: 0 };
    const started = await startBroadcast({ ctx: inTx, input: { tenantId: input.tenantId, broadcastId: broadcast.id } });
    return { broadcastId: broadcast.id, status: started.recipients ? 'processing' : 'completed', recipients: started.recipients };
  },
});
