/** Conversations behind /settings: the time zone question and the three-step quiet hours flow. */
import { z } from 'zod';
import { getChatSettings } from '../../services/identity/get-chat-settings.ts';
import { canonicalTimeZone } from '../../services/identity/settings-options.ts';
import { updateChatSettings } from '../../services/identity/update-chat-settings.ts';
import { defineConversation } from '../core/conversation.ts';
import { bold, reply } from '../core/reply.ts';

const hourAnswer = z
  .string()
  .regex(/^\d{1,2}(:00)?$/, 'Send an hour from 0 to 23, like 22 or 07:00.')
  .transform((v) => Number(v.split(':')[0]))
  .pipe(z.number().int().min(0, 'Send an hour from 0 to 23.').max(23, 'Send an hour from 0 to 23.'));
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export const timezoneFlow = defineConversation<Record<string, never>>({
  kind: 'settings.timezone',
  first: 'zone',
  ttlMs: 15 * 60_000,
  cancelled: 'OK, your time zone stays as it was.',
  steps: {
    zone: {
      prompt: () =>
        reply('Which time zone are you in? Send its name, like Europe/Berlin, America/New_York or Asia/Jakarta.', {
          buttons: [[{ label: 'UTC', send: 'UTC' }, { label: 'Europe/London', send: 'Europe/London' }, { label: 'Europe/Berlin', send: 'Europe/Berlin' }], [{ label: 'America/New_York', send: 'America/New_York' }, { label: 'Asia/Singapore', send: 'Asia/Singapore' }]],
        }),
      input: z.string().max(64).transform((v) => canonicalTimeZone(v)).refine((v): v is string => v !== null, 'I do not know that time zone. Use a name like Europe/Berlin.'),
      async next(zone, _data, c) {
        await updateChatSettings({ ctx: c.svc, input: { timezone: zone } });
        return { done: reply(`Time zone set to ${bold(zone)}. Quiet hours and daily reports follow it.`) };
      },
    },
  },
});

type QuietData = { start?: number; end?: number };

export const quietHoursFlow = defineConversation<QuietData>({
  kind: 'settings.quiet',
  first: 'start',
  ttlMs: 15 * 60_000,
  cancelled: 'OK, your quiet hours stay as they were.',
  steps: {
    start: {
      async prompt(_d, c) {
        const s = await getChatSettings({ ctx: c.svc, input: {} });
        return reply(`From which hour should I keep quiet? (0–23, your time zone is ${s.timezone ?? 'UTC'}; change it with /settings timezone)`, {
          buttons: [[{ label: '21:00', send: '21' }, { label: '22:00', send: '22' }, { label: '23:00', send: '23' }, { label: '00:00', send: '0' }]],
        });
      },
      input: hourAnswer,
      next: (start, data) => ({ step: 'end', data: { ...data, start } }),
    },
    end: {
      prompt: (d) => reply(`Quiet from ${hh(d.start ?? 0)}. Until which hour?`, { buttons: [[{ label: '06:00', send: '6' }, { label: '07:00', send: '7' }, { label: '08:00', send: '8' }, { label: '09:00', send: '9' }]] }),
      input: hourAnswer,
      next: (end, data) => (end === data.start ? { step: 'end', data, say: reply('The end must differ from the start.') } : { step: 'confirm', data: { ...data, end } }),
    },
    confirm: {
      state: 'awaiting_confirmation',
      prompt: (d) => reply(`Keep quiet from ${bold(hh(d.start ?? 0))} to ${bold(hh(d.end ?? 0))} every day? Critical alerts still come through.`, { buttons: [[{ label: 'Yes', send: 'yes' }, { label: 'No', send: 'no' }]], expectsText: false }),
      input: z.string().transform((v) => v.toLowerCase()).pipe(z.enum(['yes', 'no', 'y', 'n'], 'Answer yes or no.')),
      invalid: 'Answer yes or no.',
      async next(answer, d, c) {
        if (answer.startsWith('n')) return { done: reply('OK, I left your quiet hours as they were.') };
        await updateChatSettings({ ctx: c.svc, input: { quietHours: { start: d.start!, end: d.end! } } });
        return { done: reply(`Quiet hours set: ${hh(d.start!)}–${hh(d.end!)}. Anything that arrives then waits until they end.`) };
      },
    },
  },
});
