/** `npm run chat` as a real process: stdin in, stdout out, restarted in the middle of a flow. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { Cli } from '../helpers/cli-process.ts';

const t = useTestDatabase();

describe('npm run chat', () => {
  it('talks over stdin/stdout and continues a flow after a restart', { timeout: 90_000 }, async () => {
    const first = new Cli(t, 'cli-tester');
    await first.expect('you are local:cli-tester');
    first.say('/start');
    await first.expect('Welcome to Tradewire');
    first.say('/support new');
    await first.expect('What is it about?');
    first.say('#1');
    await first.expect('In a few words');
    expect(await first.close()).toBe(0);

    const second = new Cli(t, 'cli-tester');
    await second.expect('you are local:cli-tester');
    second.say('The terminal works');
    await second.expect('Now describe it');
    second.say('Just checking from a script.');
    const done = await second.expect('is open');
    expect(done).toMatch(/Ticket #[a-z0-9]{6} is open/);
    expect(await second.close()).toBe(0);

    const [user] = await t.env.db.select().from(s.users).where(eq(s.users.consoleUserId, 'local:cli-tester'));
    const [ticket] = await t.env.db.select().from(s.supportTickets).where(eq(s.supportTickets.userId, user.id));
    expect(ticket).toMatchObject({ category: 'technical', subject: 'The terminal works' });
  });
});
