/** Conversations behind /support: opening a ticket (category → subject → message) and replying in a thread. */
import { z } from 'zod';
import { openTicket } from '../../services/support/open-ticket.ts';
import { replyToMyTicket } from '../../services/support/reply-to-my-ticket.ts';
import { TICKET_CATEGORIES } from '../../shared/enums.ts';
import { defineConversation } from '../core/conversation.ts';
import { bold, reply } from '../core/reply.ts';

type OpenData = { category?: (typeof TICKET_CATEGORIES)[number]; subject?: string };

export const openTicketFlow = defineConversation<OpenData>({
  kind: 'support.open',
  first: 'category',
  ttlMs: 60 * 60_000,
  cancelled: 'OK, no ticket was opened.',
  steps: {
    category: {
      prompt: () =>
        reply('What is it about?', {
          buttons: [[{ label: 'Technical', send: 'technical' }, { label: 'Billing', send: 'billing' }, { label: 'Something else', send: 'general' }]],
          expectsText: false,
        }),
      input: z.string().transform((v) => v.toLowerCase()).pipe(z.enum(TICKET_CATEGORIES)),
      invalid: 'Pick technical, billing or general.',
      next: (category, data) => ({ step: 'subject', data: { ...data, category } }),
    },
    subject: {
      prompt: () => reply('In a few words, what is the problem? (This becomes the ticket subject.)'),
      input: z.string().min(3, 'A few more words, please (3 characters at least).').max(200, 'Shorter, please: 200 characters at most.'),
      next: (subject, data) => ({ step: 'message', data: { ...data, subject } }),
    },
    message: {
      prompt: () => reply('Now describe it: what you did, what you expected and what happened. One message.'),
      input: z.string().min(1).max(4000, 'That is too long for one message: 4000 characters at most.'),
      async next(message, data, c) {
        const ticket = await openTicket({ ctx: c.svc, input: { category: data.category ?? 'general', subject: data.subject ?? 'Support request', message } });
        return {
          done: reply(`Ticket ${bold(`#${ticket.ref}`)} is open. A person will answer here; you can add details with the Reply button.`, {
            buttons: [[{ label: 'View ticket', send: `/support view ${ticket.id}` }, { label: 'Reply', send: `/support reply ${ticket.id}` }]],
          }),
        };
      },
    },
  },
});

export const replyTicketFlow = defineConversation<{ ref: string }>({
  kind: 'support.reply',
  first: 'message',
  ttlMs: 60 * 60_000,
  cancelled: 'OK, nothing was added to the ticket.',
  steps: {
    message: {
      prompt: (d) => reply(`Type your message for ticket #${d.ref.slice(-6)}.`),
      input: z.string().min(1).max(4000, 'That is too long for one message: 4000 characters at most.'),
      async next(message, data, c) {
        const r = await replyToMyTicket({ ctx: c.svc, input: { ref: data.ref, message } });
        return { done: reply(`Added to ticket #${r.ref}. Staff replies will arrive here.`) };
      },
    },
  },
});
