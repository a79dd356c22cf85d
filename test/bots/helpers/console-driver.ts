/** Drives the terminal adapter through a pair of streams, one line at a time. */
import { PassThrough } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConsoleSession } from '../../../src/bots/console/console-adapter.ts';
import type { ChatSender } from '../../../src/bots/core/sender.ts';
import type { ChatEngine } from '../../../src/bots/core/engine.ts';

export class ConsoleDriver {
  private readonly input = new PassThrough();
  private readonly output = new PassThrough();
  private buffer = '';
  private waiters: (() => void)[] = [];
  readonly done: Promise<void>;
  readonly sender: ChatSender;
  readonly imageDir = mkdtempSync(path.join(tmpdir(), 'tw-console-'));

  constructor(engine: ChatEngine, readonly platformUserId = 'local:tester') {
    this.output.on('data', (chunk: Buffer) => (this.buffer += chunk.toString('utf8')));
    const session = createConsoleSession({
      engine,
      input: this.input,
      output: this.output,
      platformUserId,
      imageDir: this.imageDir,
      onHandled: () => this.waiters.shift()?.(),
    });
    this.sender = session.sender;
    this.done = session.run();
  }

  /** Type a line and return everything printed in answer. */
  async say(line: string): Promise<string> {
    this.buffer = '';
    const handled = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.input.write(`${line}\n`);
    await handled;
    return this.buffer;
  }

  /** Everything printed since the last say() (e.g. notifications). */
  drainOutput(): string {
    const out = this.buffer;
    this.buffer = '';
    return out;
  }

  async close(): Promise<void> {
    this.input.end();
    await this.done;
  }
}
