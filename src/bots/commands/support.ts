/**
 * /support [new|view|reply|close|all] [ticket] [text]: a person's own support tickets. Ticket
 * numbers are looked up among the caller's tickets only, so guessing another's id finds nothing.
 * Staff replies arrive as TICKET_MESSAGE notifications through the delivery job.
 */
import { z } from 'zod';
import { closeMyTicket } from '../../services/support/close-my-ticket.ts';
import { getMyTicket } from '../../services/support/get-my-ticket.ts';
import { listMyTickets } from '../../services/support/list-my-tickets.ts';
import { replyToMyTicket } from '../../services/support/reply-to-my-ticket.ts';
import { defineCommand } from '../core/command.ts';
import { bold, italic, reply, type Button, type Replies } from '../core/reply.ts';

const USAGE = '/support [new | view <ticket> | reply <ticket> [text] | close <ticket> | all]';

export const supportCommand = defineCommand({
  name: 'support',
  description: 'Talk to a person: open and follow tickets',
  category: 'Support',
  args: z.object({ action: z.string().max(16).optional(), ticket: z.string().max(40).optional(), text: z.string().max(4000).optional() }),
  positional: ['action', 'ticket'],
  rest: 'text',
  usage: USAGE,
  errors: { NOT_FOUND: 'I could not find that ticket among yours. Send /support to see your tickets.' },
  async handler(c): Promise<Replies> {
    const action = c.args.action?.toLowerCase();
    const ticket = c.args.ticket;
    if (!action || action === 'all') return list(c.svc, action === 'all');
    if (action === 'new' || action === 'open') return c.startConversation('support.open');
    if (!ticket) return reply(`Which ticket? Usage: ${USAGE}`);
    if (action === 'view') {
      const t = await getMyTicket({ ctx: c.svc, input: { ref: ticket } });
      const thread = t.messages.map((m) => `${m.isStaffReply ? bold('Support') : bold('You')} ${italic(m.createdAt.toISOString().slice(0, 16).replace('T', ' '))}\n${m.content}`);
      const buttons: Button[][] = t.status === 'closed' ? [] : [[{ label: 'Reply', send: `/support reply ${t.id}` }, { label: 'Close ticket', send: `/support close ${t.id}` }]];
      return reply(`${bold(`#${t.ref} ${t.subject}`)} (${t.status.replace('_', ' ')})\n\n${thread.join('\n\n')}`, { buttons });
    }
    if (action === 'reply') {
      if (!c.args.text) {
        await getMyTicket({ ctx: c.svc, input: { ref: ticket } }); // refuse someone else's ticket before asking
        return c.startConversation('support.reply', { ref: ticket });
      }
      const r = await replyToMyTicket({ ctx: c.svc, input: { ref: ticket, message: c.args.text } });
      return reply(`Added to ticket #${r.ref}.`);
    }
    if (action === 'close') {
      const r = await closeMyTicket({ ctx: c.svc, input: { ref: ticket } });
      return reply(r.alreadyClosed ? `Ticket #${r.ref} was already closed.` : `Ticket #${r.ref} is closed. Thanks! Open a new one any time with /support new.`);
    }
    return reply(`I do not know "${action}". Usage: ${USAGE}`);
  },
});

async function list(svc: Parameters<typeof listMyTickets>[0]['ctx'], includeClosed: boolean): Promise<Replies> {
  const tickets = await listMyTickets({ ctx: svc, input: { includeClosed, limit: 10 } });
  const newRow: Button[] = [{ label: 'New ticket', send: '/support new' }, { label: 'Help center', send: '/help' }];
  if (tickets.length === 0) return reply(`You have no ${includeClosed ? '' : 'open '}tickets. Describe a problem and a person will answer here.`, { buttons: [newRow] });
  const lines = tickets.map((t) => `#${t.ref} ${t.subject} (${t.status.replace('_', ' ')})`);
  const buttons = tickets.slice(0, 5).map((t) => [{ label: `View #${t.ref}`, send: `/support view ${t.id}` }]);
  return reply(`${bold(includeClosed ? 'Your tickets' : 'Your open tickets')}\n${lines.join('\n')}`, { buttons: [...buttons, newRow] });
}
