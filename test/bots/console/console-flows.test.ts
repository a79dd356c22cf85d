import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '../../../src/db/schema/index.ts';
import { deliverPendingNotifications } from '../../../src/jobs/deliver-notifications.ts';
import { raiseNotification } from '../../../src/services/notifications/raise-notification.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { ConsoleDriver } from '../helpers/console-driver.ts';
import { makeEngine } from '../helpers/engine.ts';

const t = useTestDatabase();

describe('terminal adapter', () => {
  it('onboards, shows help and walks the quiet-hours flow across a restart', async () => {
    const first = new ConsoleDriver(makeEngine(t.env));
    const start = await first.say('/start');
    expect(start).toContain('Welcome to Tradewire');
    expect(start).toContain('[#1');
    const help = await first.say('/help');
    expect(help).toContain('/settings');
    expect(help).toContain('/newbot');
    expect(await first.say('/settings quiet')).toContain('From which hour');
    expect(await first.say('22')).toContain('Until which hour');
    await first.close();

    const second = new ConsoleDriver(makeEngine(t.env));
    expect(await second.say('7')).toContain('22:00 to 07:00');
    expect(await second.say('#1')).toContain('Quiet hours set: 22:00–07:00');
    expect(await second.say('/settings notifications')).toContain('Quiet hours: 22:00–07:00');
    await second.close();
  });

  it('shows a staff reply to a ticket as it arrives, with buttons to open it', async () => {
    const chat = new ConsoleDriver(makeEngine(t.env), 'local:asker');
    await chat.say('/support new');
    await chat.say('#2');
    await chat.say('Invoice missing');
    expect(await chat.say('I paid on March 1st.')).toContain('is open');
    const [user] = await t.env.db.select().from(s.users).where(eq(s.users.consoleUserId, 'local:asker'));
    const [ticket] = await t.env.db.select().from(s.supportTickets).where(eq(s.supportTickets.userId, user.id));
    // What the support console does when staff answer (simulated here: that verb belongs to the console).
    await t.env.db.insert(s.ticketMessages).values({ ticketId: ticket.id, userId: user.id, content: 'We resent it, check your email.', isStaffReply: true });
    await raiseNotification(t.env.db, { userId: user.id, type: 'TICKET_MESSAGE', title: 'Support replied', message: 'We resent it, check your email.', metadata: { ticketId: ticket.id }, now: t.clock.now() });
    chat.drainOutput();
    await deliverPendingNotifications(t.env, { console: chat.sender });
    const shown = chat.drainOutput();
    expect(shown).toContain('Support replied');
    expect(shown).toContain('[#3 View ticket]'); // numbered after the buttons already on screen
    const thread = await chat.say('#3');
    expect(thread).toContain('Support');
    expect(thread).toContain('We resent it, check your email.');
    await chat.close();
  });
});
