/** `npm run chat` as a real child process on a test database: write lines to stdin, wait for text on stdout. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from '../../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../../..');

export class Cli {
  private out = '';
  private readonly child: ChildProcessWithoutNullStreams;
  constructor(t: TestContext, user: string) {
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
