/** `npm run chat` as a real process: stdin in, stdout out, restarted in the middle of a flow. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const t = useTestDatabase();
const root = path.resolve(import.meta.dirname, '../../..');

class Cli {
  private out = '';
  private readonly child: ChildProcessWithoutNullStreams;
  constructor(user: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/chat-cli.ts', '--user', user], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.database.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tw-cli-')), LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    });
    this.child.stdout.on('data', (d: Buffer) => (this.out += d.toString('utf8')));
  }
  /** Wait until stdout shows `text`, then return what came since the last call. */
  async expect(text: string, timeoutMs = 20_000): Promise<string> {
    const started = Date.now();
    while (!this.out.includes(text)) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}; got:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seen = this.out;
    this.out = '';
    return seen;
  }
  say(line: string) {
    this.child.stdin.write(`${line}\n`);
  }
  async close(): Promise<number | null> {
    this.child.stdin.end();
    return new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }
}

describe('npm run chat', () => {
  it('talks over stdin/stdout and continues a flow after a restart', { timeout: 90_000 }, async () => {
    const first = new Cli('cli-tester');
    await first.expect('you are local:cli-tester');
    first.say('/start');
    await first.expect('Welcome to Tradewire');
    first.say('/support new');
    await first.expect('What is it about?');
    first.say('#1');
    await first.expect('In a few words');
    expect(await first.close()).toBe(0);

    const second = new Cli('cli-tester');
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
