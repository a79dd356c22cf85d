/**
 * The terminal adapter: a local user (platform 'console') talking to the same commands as
 * Telegram and Discord, over any pair of streams. Buttons are numbered; typing "#2" presses
 * the second. Images are written to `imageDir` and their path printed. Lines are handled one at
 * a time, in order, so piping a script into stdin behaves like typing it.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatEngine } from '../core/engine.ts';
import type { ChatIO } from '../core/input.ts';
import type { Button, MessageRef, Reply } from '../core/reply.ts';
import type { ChatSender } from '../core/sender.ts';
import { renderPlain } from './render-plain.ts';

export interface ConsoleOptions {
  engine: ChatEngine;
  input: Readable;
  output: Writable;
  /** 'local:<name>': who this terminal is. */
  platformUserId: string;
  imageDir: string;
  /** ANSI bold and a prompt; off when the output is not a terminal. */
  interactive?: boolean;
  /** Called after each line has been fully answered (tests wait on it). */
  onHandled?: () => void;
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  await createConsoleSession(options).run();
}

/** A terminal session: `run()` reads lines until the input ends; `sender` shows notifications in it. */
export function createConsoleSession(options: ConsoleOptions): { run(): Promise<void>; sender: ChatSender } {
  const { engine, output } = options;
  const chatId = options.platformUserId;
  let buttons: { button: Button; ref: MessageRef }[] = [];
  let messageCount = 0;
  const write = (text: string) => output.write(`${text}\n`);

  const io: ChatIO = {
    async send(r) {
      const ref = { id: String(++messageCount) };
      show(r, ref, '');
      return ref;
    },
    async edit(ref, r) {
      show(r, ref, '(updated) ');
    },
  };

  function show(r: Reply, ref: MessageRef, prefix: string) {
    const rendered = renderPlain(r, buttons.length + 1, Boolean(options.interactive));
    buttons.push(...rendered.buttons.map((button) => ({ button, ref })));
    write(`${prefix}${rendered.text}`);
    if (r.image) {
      mkdirSync(options.imageDir, { recursive: true });
      const file = path.join(options.imageDir, r.image.filename ?? `chart-${Date.now()}-${messageCount}.png`);
      writeFileSync(file, r.image.png);
      write(`(image saved to ${file})`);
    }
  }

  const sender: ChatSender = {
    app: 'console',
    reaches: (to) => to === options.platformUserId,
    async send(_to, r) {
      show(r, { id: String(++messageCount) }, '🔔 ');
    },
  };
  return { run, sender };

  async function run() {
    const rl = createInterface({ input: options.input, terminal: false });
    if (options.interactive) output.write('> ');
    for await (const line of rl) {
      const text = line.trim();
      if (text) {
        const pressed = /^#(\d{1,3})$/.exec(text);
        const choice = pressed ? buttons[Number(pressed[1]) - 1] : undefined;
        if (pressed && !choice) write('There is no button with that number.');
        else {
          buttons = []; // numbering restarts with each answer
          await engine.handle(
            {
              platform: 'console',
              platformUserId: options.platformUserId,
              chatId,
              isPrivate: true,
              text: choice ? choice.button.send : text,
              source: choice ? 'button' : 'message',
              buttonMessage: choice?.ref,
              requestId: randomUUID(),
            },
            io,
          );
        }
      }
      options.onHandled?.();
      if (options.interactive) output.write('> ');
    }
  }
}
