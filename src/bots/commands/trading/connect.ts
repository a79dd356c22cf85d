/**
 * /connect <exchange> and /disconnect <exchange>, in a private chat only. Keys are read and the
 * message holding them deleted at once (Telegram); on Discord a modal asks for them, so they
 * never appear in a channel. connectExchange checks them with the venue (a key that can
 * withdraw is refused), stores them encrypted, and nothing here ever repeats them.
 */
import { z } from 'zod';
import { SUPPORTED_VENUES } from '../../../exchanges/ccxt/create-exchange.ts';
import { isServiceError } from '../../../services/core/errors.ts';
import type { ServiceContext } from '../../../services/core/context.ts';
import { connectExchange, connectExchangeInput } from '../../../services/exchange-connections/connect-exchange.ts';
import { disconnectExchange } from '../../../services/exchange-connections/disconnect-exchange.ts';
import { listExchangeConnections } from '../../../services/exchange-connections/list-connections.ts';
import { defineCommand } from '../../core/command.ts';
import { defineConversation } from '../../core/conversation.ts';
import { bold, reply, type Button, type Reply } from '../../core/reply.ts';

type Venue = (typeof SUPPORTED_VENUES)[number];
const isVenue = (v: string | undefined): v is Venue => (SUPPORTED_VENUES as readonly string[]).includes(v ?? '');
const SAFE_KEY = 'Create a key with reading and spot trading only: never allow withdrawals (I refuse such keys).';

/** A format problem with the keys (before asking the venue), in words that never repeat them. */
function keyProblem(exchange: Venue, apiKey: string, secret: string, passphrase?: string): string | null {
  const parsed = connectExchangeInput.safeParse({ exchange, apiKey, secret, passphrase });
  return parsed.success ? null : `${parsed.error.issues[0]?.message ?? 'Those keys do not look right'}.`;
}

async function connect(svc: ServiceContext, exchange: Venue, keys: { apikey: string; secret: string; passphrase?: string }): Promise<Reply> {
  try {
    await connectExchange({ ctx: svc, input: { exchange, apiKey: keys.apikey, secret: keys.secret, passphrase: keys.passphrase || undefined } });
    return reply(`${bold(`${exchange} is connected.`)} The key can read and trade, cannot withdraw, and is stored encrypted. Live bots can use it now: /newbot`, {
      buttons: [[{ label: 'New live bot', send: '/newbot' }, { label: 'Connections', send: '/connect' }]],
    });
  } catch (error) {
    // Only our own sentences: a validation message names the field, never the value.
    if (!isServiceError(error)) throw error;
    const why = error.code === 'VALIDATION' ? (error.issues[0]?.message ?? error.message) : error.message;
    return reply(`Not connected: ${why}\nNothing was stored. Send /connect ${exchange} to try again.`);
  }
}

export const connectFlow = defineConversation<{ exchange: Venue }>({
  kind: 'exchange.connect',
  first: 'keys',
  ttlMs: 10 * 60_000,
  cancelled: 'OK, nothing was connected.',
  expired: 'That question timed out, so I deleted your message and stored nothing. Send /connect again to connect an exchange.',
  steps: {
    keys: {
      secret: true,
      prompt: (d) =>
        reply(
          `Send your ${d.exchange} API key and secret in ${bold('one message')}: the key on the first line, the secret on the second${d.exchange === 'okx' ? ', the passphrase on the third' : ''}. I delete your message as soon as I have read it.\n${SAFE_KEY}`,
        ),
      input: z.string(),
      async next(text, data, c) {
        const lines = text.split(/\s+/).filter(Boolean);
        const needed = data.exchange === 'okx' ? 3 : 2;
        if (lines.length < needed || lines.length > 3) {
          return { invalid: `I deleted that message. I need ${needed === 3 ? 'the key, the secret and the passphrase' : 'the key and the secret'}, one per line, in one message.` };
        }
        const [apikey, secret, passphrase] = lines;
        const problem = keyProblem(data.exchange, apikey, secret, passphrase);
        if (problem) return { invalid: `I deleted that message. ${problem}` };
        return { done: await connect(c.svc, data.exchange, { apikey, secret, passphrase }) };
      },
    },
  },
});

export const connectCommand = defineCommand({
  name: 'connect',
  description: 'Connect an exchange account (API keys)',
  category: 'Exchanges',
  // Private chats only, checked in the handler: a key pasted into a group must still be deleted.
  // Lenient on purpose: the message is deleted before anything is checked, so no parse error can leave keys on screen.
  args: z.object({ exchange: z.string().optional(), apikey: z.string().optional(), secret: z.string().optional(), passphrase: z.string().optional() }),
  positional: ['exchange', 'apikey', 'secret'],
  rest: 'passphrase',
  argHelp: { exchange: `One of ${SUPPORTED_VENUES.join(', ')}` },
  modal: { title: 'Connect an exchange', fields: [{ arg: 'apikey', label: 'API key', maxLength: 256 }, { arg: 'secret', label: 'API secret', maxLength: 256 }, { arg: 'passphrase', label: 'Passphrase (OKX only)', required: false, maxLength: 128 }] },
  help: `Private chats only. /connect binance, then send the key and the secret in one message (I delete it right away). On Discord a form asks for them. ${SAFE_KEY} /disconnect binance removes a connection.`,
  async handler(c) {
    const keysGiven = Boolean(c.args.apikey || c.args.secret);
    if (keysGiven) await c.deleteInput();
    if (!c.input.isPrivate) return reply(`Please use /connect in a private chat with me: API keys never belong in a group.${keysGiven ? ' I deleted your message where I could; to be safe, delete that key at the exchange and make a new one.' : ''}`);
    const exchange = c.args.exchange?.toLowerCase();
    if (!exchange && !keysGiven) return overview(c.svc);
    if (!isVenue(exchange)) return reply(`${keysGiven ? 'Nothing was stored: ' : ''}I can connect ${SUPPORTED_VENUES.join(', ')}. Usage: /connect binance`);
    if (c.args.apikey && c.args.secret) return connect(c.svc, exchange, { apikey: c.args.apikey, secret: c.args.secret, passphrase: c.args.passphrase });
    if (c.args.apikey || c.args.secret) return reply(`I deleted that message: it needs both the key and the secret. Send /connect ${exchange} and I will ask for them.`);
    return c.startConversation('exchange.connect', { exchange });
  },
});

async function overview(svc: ServiceContext): Promise<Reply> {
  const connections = await listExchangeConnections({ ctx: svc, input: {} });
  const lines = connections.map((x) => `${x.active ? '🟢' : '⚪'} ${bold(x.exchange)}${x.testnet ? ' (testnet)' : ''}${x.label ? `: ${x.label}` : ''}`);
  const connect: Button[] = SUPPORTED_VENUES.map((v) => ({ label: `Connect ${v}`, send: `/connect ${v}` }));
  const disconnect: Button[] = connections.map((x) => ({ label: `Disconnect ${x.exchange}`, send: `/disconnect ${x.exchange}` }));
  return reply(`${bold('Exchange connections')}\n${lines.length ? lines.join('\n') : 'None yet. Paper bots need none; live bots need one.'}\n\n${SAFE_KEY}`, { buttons: disconnect.length ? [connect, disconnect] : [connect] });
}

export const disconnectCommand = defineCommand({
  name: 'disconnect',
  description: 'Remove an exchange connection',
  category: 'Exchanges',
  privateOnly: true,
  args: z.object({ exchange: z.string().max(32, 'binance, okx or bybit').optional() }),
  positional: ['exchange'],
  argHelp: { exchange: `One of ${SUPPORTED_VENUES.join(', ')}` },
  errors: { NOT_FOUND: 'You have no connection to that exchange. /connect lists yours.' },
  async handler(c) {
    const exchange = c.args.exchange?.toLowerCase();
    if (!isVenue(exchange)) return overview(c.svc);
    const r = await disconnectExchange({ ctx: c.svc, input: { exchange } });
    return reply(`Disconnected ${bold(exchange)}: its keys are deleted.${r.pausedBots ? ` ${r.pausedBots} live bot(s) using it were paused.` : ''}`);
  },
});
