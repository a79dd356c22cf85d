/** /link: a one-time VGL-XXXX code (10 minutes, single use) that another chat app can redeem. */
import { and, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { platformLinkCodes } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { limitExceeded } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { randomCode, requireChatActor } from './chat-identity.ts';

export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
const MAX_LIVE_CODES = 5;

export const issueLinkCode = defineVerb({
  name: 'link_code.issue',
  input: z.object({}).default({}),
  run: async ({ ctx, tx }): Promise<{ code: string; expiresAt: Date }> => {
    const actor = requireChatActor(ctx.actor);
    const now = ctx.env.clock.now();
    const [live] = await tx
      .select({ n: count() })
      .from(platformLinkCodes)
      .where(and(eq(platformLinkCodes.userId, actor.userId), eq(platformLinkCodes.used, false), gt(platformLinkCodes.expiresAt, now)));
    if (live.n >= MAX_LIVE_CODES) throw limitExceeded('You already have several link codes waiting. Use one of them, or wait 10 minutes.');
    const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
    for (let attempt = 0; attempt < 8; attempt++) {
      const code = `VGL-${randomCode(4)}`;
      const [row] = await tx
        .insert(platformLinkCodes)
        .values({ userId: actor.userId, platform: actor.kind, code, createdAt: now, expiresAt })
        .onConflictDoNothing()
        .returning({ code: platformLinkCodes.code });
      if (row) {
        await writeAudit(tx, ctx, 'link_code.issue', { platform: actor.kind });
        return { code: row.code, expiresAt };
      }
    }
    throw limitExceeded('Could not make a free code right now. Please try again.');
  },
});
