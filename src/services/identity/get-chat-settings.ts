/** What /settings shows: profile preferences, notification preferences and privacy, for the chat's own user. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { notificationPreferences, privacySettings, users } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from './chat-identity.ts';

export interface ChatSettings {
  language: string;
  timezone: string | null;
  currency: string;
  linked: { telegram: boolean; discord: boolean; console: boolean };
  notifications: {
    telegram: boolean;
    discord: boolean;
    botAlerts: boolean;
    trades: boolean;
    criticalOnly: boolean;
    digest: 'realtime' | 'hourly' | 'daily';
    quietHours: { start: number; end: number } | null;
  };
  privacy: { profileVisibility: string; dataUsageConsent: boolean; marketingConsent: boolean; thirdPartySharing: boolean };
}

export const getChatSettings = defineVerb({
  name: 'user.get_chat_settings',
  input: z.object({}).default({}),
  transactional: false,
  run: async ({ ctx, tx }): Promise<ChatSettings> => {
    const actor = requireChatActor(ctx.actor);
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
    if (!user) throw notFound('Your account');
    const [prefs] = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId));
    const [privacy] = await tx.select().from(privacySettings).where(eq(privacySettings.userId, actor.userId));
    const quiet = prefs?.quietHoursEnabled && prefs.quietHoursStart !== null && prefs.quietHoursEnd !== null;
    return {
      language: user.language,
      timezone: user.timezone,
      currency: user.currency,
      linked: { telegram: Boolean(user.telegramChatId), discord: Boolean(user.discordUserId), console: Boolean(user.consoleUserId) },
      notifications: {
        telegram: prefs?.telegramEnabled ?? false,
        discord: prefs?.discordEnabled ?? false,
        // Telegram's and Discord's per-type switches are kept equal by updateChatSettings.
        botAlerts: prefs?.telegramBotAlerts ?? true,
        trades: prefs?.telegramTrades ?? true,
        criticalOnly: prefs?.telegramCriticalOnly ?? false,
        digest: (prefs?.digestFrequency ?? 'realtime') as ChatSettings['notifications']['digest'],
        quietHours: quiet ? { start: prefs!.quietHoursStart!, end: prefs!.quietHoursEnd! } : null,
      },
      privacy: {
        profileVisibility: privacy?.profileVisibility ?? 'private',
        dataUsageConsent: privacy?.dataUsageConsent ?? false,
        marketingConsent: privacy?.marketingEmailsConsent ?? false,
        thirdPartySharing: privacy?.thirdPartyDataSharing ?? false,
      },
    };
  },
});
