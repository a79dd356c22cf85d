/**
 * /settings changes. Every field is optional; the user is always the chat's own (no id is
 * accepted), so one user can never change another's settings. Per-type switches (bot alerts,
 * trades) and critical-only apply to every chat channel alike.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { notificationPreferences, privacySettings, users } from '../../db/schema/index.ts';
import { DIGEST_FREQUENCIES, PROFILE_VISIBILITIES } from '../../shared/enums.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from './chat-identity.ts';
import { canonicalTimeZone, DISPLAY_CURRENCIES, SUPPORTED_LANGUAGES } from './settings-options.ts';

const hour = z.number().int().min(0).max(23);

export const updateChatSettingsInput = z
  .object({
    language: z.enum(SUPPORTED_LANGUAGES),
    timezone: z.string().max(64).transform((v, c) => canonicalTimeZone(v) ?? (c.addIssue({ code: 'custom', message: 'is not a time zone we know (try Europe/Berlin or UTC)' }), z.NEVER)),
    currency: z.enum(DISPLAY_CURRENCIES),
    telegram: z.boolean(),
    discord: z.boolean(),
    botAlerts: z.boolean(),
    trades: z.boolean(),
    criticalOnly: z.boolean(),
    digest: z.enum(DIGEST_FREQUENCIES),
    quietHours: z.object({ start: hour, end: hour }).refine((q) => q.start !== q.end, 'start and end must differ').nullable(),
    profileVisibility: z.enum(PROFILE_VISIBILITIES),
    dataUsageConsent: z.boolean(),
    marketingConsent: z.boolean(),
    thirdPartySharing: z.boolean(),
  })
  .partial()
  .strict();

export type SettingsChange = z.input<typeof updateChatSettingsInput>;

export const updateChatSettings = defineVerb({
  name: 'user.update_chat_settings',
  input: updateChatSettingsInput,
  run: async ({ ctx, input, tx }): Promise<{ changed: string[] }> => {
    const actor = requireChatActor(ctx.actor);
    const now = ctx.env.clock.now();
    const changed = Object.keys(input);
    if (changed.length === 0) return { changed };

    const profile: Partial<typeof users.$inferInsert> = {};
    if (input.language) profile.language = input.language;
    if (input.timezone) profile.timezone = input.timezone;
    if (input.currency) profile.currency = input.currency;
    if (Object.keys(profile).length) await tx.update(users).set({ ...profile, updatedAt: now }).where(eq(users.id, actor.userId));

    const prefs: Partial<typeof notificationPreferences.$inferInsert> = {};
    if (input.telegram !== undefined) prefs.telegramEnabled = input.telegram;
    if (input.discord !== undefined) prefs.discordEnabled = input.discord;
    if (input.botAlerts !== undefined) Object.assign(prefs, { telegramBotAlerts: input.botAlerts, discordBotAlerts: input.botAlerts, inAppBotAlerts: input.botAlerts });
    if (input.trades !== undefined) Object.assign(prefs, { telegramTrades: input.trades, discordTrades: input.trades, inAppTrades: input.trades });
    if (input.criticalOnly !== undefined) Object.assign(prefs, { telegramCriticalOnly: input.criticalOnly, discordCriticalOnly: input.criticalOnly });
    if (input.digest) Object.assign(prefs, { digestFrequency: input.digest, digestMode: input.digest !== 'realtime' });
    if (input.quietHours !== undefined) {
      Object.assign(prefs, input.quietHours
        ? { quietHoursEnabled: true, quietHoursStart: input.quietHours.start, quietHoursEnd: input.quietHours.end }
        : { quietHoursEnabled: false, quietHoursStart: null, quietHoursEnd: null });
    }
    if (Object.keys(prefs).length) {
      await tx.insert(notificationPreferences).values({ userId: actor.userId, ...prefs, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...prefs, updatedAt: now } });
    }

    const privacy: Partial<typeof privacySettings.$inferInsert> = {};
    if (input.profileVisibility) privacy.profileVisibility = input.profileVisibility;
    if (input.dataUsageConsent !== undefined) privacy.dataUsageConsent = input.dataUsageConsent;
    if (input.marketingConsent !== undefined) privacy.marketingEmailsConsent = input.marketingConsent;
    if (input.thirdPartySharing !== undefined) privacy.thirdPartyDataSharing = input.thirdPartySharing;
    if (Object.keys(privacy).length) {
      await tx.insert(privacySettings).values({ userId: actor.userId, ...privacy, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: privacySettings.userId, set: { ...privacy, updatedAt: now } });
    }
    await writeAudit(tx, ctx, 'user.update_chat_settings', { changed });
    return { changed };
  },
});
