import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db.ts';
import { usePlatforms } from './helpers/platforms.ts';
import { expectFriendly, hostileInputs } from './hostile-inputs.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);

const TABLES = ['users', 'bot_users', 'conversations', 'support_tickets', 'ticket_messages', 'referrals', 'platform_link_codes', 'notification_preferences', 'privacy_settings', 'notifications', 'processed_webhook_events'];

/** Row counts and a content hash of every table a chat command could write. */
async function snapshot(exclude: string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES.filter((x) => !exclude.includes(x))) {
    const r = await t.env.db.execute<{ n: number; h: string | null }>(sql`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.identifier(table)} x`);
    out[table] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

describe('200 malformed or hostile inputs', () => {
  const inputs = hostileInputs();

  it('has 200 distinct inputs', () => {
    expect(inputs).toHaveLength(200);
  });

  it('each gets a friendly answer on Telegram, and the database is unchanged', async () => {
    await chat.telegram(650001, '/start');
    const before = await snapshot(['processed_webhook_events']);
    for (const input of inputs) {
      const answer = await chat.telegram(650001, input);
      expectFriendly(input, answer);
      expect(answer).not.toMatch(/<(script|img)\b/i); // user text is escaped in HTML
      t.clock.advance(11 * 60_000); // keeps /link's wrong-code lockout from turning later answers into the same refusal
    }
    expect(await snapshot(['processed_webhook_events'])).toEqual(before);
  });

  it('each gets a friendly answer in the terminal, also in the middle of a conversation, and the database is unchanged', async () => {
    await chat.console('hostile', '/settings quiet');
    const before = await snapshot();
    for (const input of inputs) {
      const line = input.replace(/[\r\n]+/g, ' ');
      const answer = await chat.console('hostile', line);
      if (line.trim() === '') continue; // an empty line is not a message
      expectFriendly(input, answer);
      t.clock.advance(1_000);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a sample gets a friendly answer on Discord too', async () => {
    await chat.discord('750001', 'start');
    const before = await snapshot(['processed_webhook_events']);
    for (const input of inputs.filter((_, i) => i % 8 === 0)) {
      expectFriendly(input, await chat.discord('750001', 'help', { topic: input }));
      expectFriendly(input, await chat.discord('750001', 'support', { action: 'view', ticket: input }));
    }
    expect(await snapshot(['processed_webhook_events'])).toEqual(before);
  });
});
