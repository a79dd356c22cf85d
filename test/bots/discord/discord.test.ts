import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatRegistry } from '../../../src/bots/commands/index.ts';
import { defineCommand } from '../../../src/bots/core/command.ts';
import { reply } from '../../../src/bots/core/reply.ts';
import { createDiscordAdapter, DISCORD_INTERACTIONS_PATH, type DiscordAdapter } from '../../../src/bots/discord/discord-adapter.ts';
import * as s from '../../../src/db/schema/index.ts';
import { createApp } from '../../../src/http/app.ts';
import { renderEquityChart } from '../../../src/services/charts/equity-chart.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { makeEngine } from '../helpers/engine.ts';
import { FakeDiscordRest, InteractionSigner, press, slash, submitModal } from './fake-discord.ts';

const t = useTestDatabase();
const rest = new FakeDiscordRest();
const signer = new InteractionSigner();
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/discord_interactions_signed_requests.json', import.meta.url), 'utf8'));

// A command another module registers, with a modal for its secret argument (like /connect).
const secretCommand = defineCommand({
  name: 'secret',
  description: 'Test: a modal-backed argument',
  args: z.object({ label: z.string().optional(), value: z.string().min(1) }),
  positional: ['label', 'value'],
  modal: { title: 'Enter the secret', fields: [{ arg: 'value', label: 'Secret value' }] },
  handler: (c) => reply(`got ${c.args.label ?? '-'} with ${c.args.value.length} characters`),
});

const chartCommand = defineCommand({
  name: 'chartdemo',
  description: 'Test: a chart image',
  handler: async () => reply('Equity', { image: { png: await renderEquityChart({ title: 'Equity', points: [{ time: 0, equity: 1 }, { time: 86_400_000, equity: 2 }] }, { width: 300, height: 200 }) } }),
});

function adapter(publicKey = signer.publicKeyHex): DiscordAdapter {
  const registry = createChatRegistry().add(secretCommand, chartCommand);
  return createDiscordAdapter({ engine: makeEngine(t.env, { registry }), appId: '1', publicKey, botToken: 'test-bot-token-0123456789', apiRoot: rest.url });
}

async function post(dc: DiscordAdapter, interaction: unknown) {
  const body = JSON.stringify(interaction);
  const res = await createApp(t.env, [dc.mount]).request(DISCORD_INTERACTIONS_PATH, { method: 'POST', headers: signer.headers(body, Math.floor(t.clock.now().getTime() / 1000)), body });
  const json = (await res.json()) as any;
  await dc.drain();
  return { status: res.status, json };
}

beforeAll(async () => {
  await rest.start();
});
afterAll(async () => {
  await rest.stop();
});

describe('Discord interactions', () => {
  it('verifies the published signed requests and rejects tampered or stale ones', async () => {
    t.clock.set(1_700_000_000_000);
    const app = createApp(t.env, [adapter(fixture.public_key_hex).mount]);
    const send = (r: any) => app.request(DISCORD_INTERACTIONS_PATH, { method: 'POST', headers: r.headers, body: r.body });
    const ping = fixture.valid_requests.find((r: any) => r.name === 'ping');
    const pong = await send(ping);
    expect(pong.status).toBe(200);
    expect(await pong.json()).toEqual({ type: 1 });
    for (const bad of fixture.invalid_requests) expect((await send(bad)).status).toBe(401);
    t.clock.set(1_700_000_000_000 + 600_000);
    expect((await send(ping)).status).toBe(401);
    t.clock.set('2026-03-02T09:00:00Z');
  });

  it('registers slash commands through REST, with /answer', async () => {
    await adapter().registerCommands();
    const put = rest.calls.find((c) => c.method === 'PUT' && c.path === '/applications/1/commands')!;
    const names = put.body.map((c: any) => c.name);
    expect(names).toEqual(expect.arrayContaining(['start', 'help', 'settings', 'support', 'link', 'cancel', 'answer', 'secret']));
    const secret = put.body.find((c: any) => c.name === 'secret');
    expect(secret.options.map((o: any) => o.name)).toEqual(['label']); // the modal field is never a slash option
  });

  it('defers, then edits the original response with an embed and buttons', async () => {
    const before = rest.calls.length;
    const res = await post(adapter(), slash('3001', 'start'));
    expect(res.json).toEqual({ type: 5, data: {} });
    const edit = rest.calls.slice(before).find((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original'))!;
    expect(edit.body.embeds[0].description).toContain('**Welcome to Tradewire.**');
    expect(edit.body.components[0].components[0].custom_id).toMatch(/^\//);
  });

  it('answers privately (ephemeral) inside a server', async () => {
    const res = await post(adapter(), slash('3002', 'help', {}, { guild_id: '77', member: { user: { id: '3002', username: 'g' } } }));
    expect(res.json).toEqual({ type: 5, data: { flags: 64 } });
  });

  it('runs the /support flow with buttons, /answer and the Answer modal, across a restart', async () => {
    const user = '3010';
    let from = rest.calls.length;
    await post(adapter(), slash(user, 'support', { action: 'new' }));
    expect(rest.texts(from).join()).toContain('What is it about?');
    from = rest.calls.length;
    const pressed = await post(adapter(), press(user, 'billing'));
    expect(pressed.json).toEqual({ type: 6 });
    const followUp = rest.calls.slice(from).find((c) => c.method === 'POST' && c.path === '/webhooks/1/' + c.path.split('/')[3])!;
    expect(followUp.body.embeds[0].description).toContain('In a few words');
    expect(followUp.body.components.at(-1).components[0].custom_id).toBe('__answer');
    await post(adapter(), slash(user, 'answer', { text: 'Charged twice for Pro' }));
    // restart: a new adapter and engine on the same database
    const restarted = adapter();
    const modal = await post(restarted, press(user, '__answer'));
    expect(modal.json.type).toBe(9);
    from = rest.calls.length;
    await post(restarted, submitModal(user, 'answer', { text: 'Two charges on March 1st.' }));
    expect(rest.texts(from).join()).toMatch(/Ticket \*\*#[a-z0-9]{6}\*\* is open/);
    const [owner] = await t.env.db.select().from(s.users).where(eq(s.users.discordUserId, user));
    const [ticket] = await t.env.db.select().from(s.supportTickets).where(eq(s.supportTickets.userId, owner.id));
    expect(ticket).toMatchObject({ category: 'billing', subject: 'Charged twice for Pro' });
  });

  it('asks for modal-backed arguments in a modal and runs the command on submit', async () => {
    const opened = await post(adapter(), slash('3020', 'secret', { label: 'binance' }));
    expect(opened.json.type).toBe(9);
    expect(opened.json.data.custom_id).toBe('cmd:secret?label=binance');
    const from = rest.calls.length;
    await post(adapter(), submitModal('3020', opened.json.data.custom_id, { value: 'abcdef' }));
    expect(rest.texts(from).join()).toContain('got binance with 6 characters');
  });

  it('refuses a replayed interaction and reports closed DMs as blocked', async () => {
    const dc = adapter();
    const once = slash('3030', 'help');
    expect((await post(dc, once)).status).toBe(200);
    expect((await post(dc, once)).status).toBe(409);
    rest.closedDms.add('3031');
    await expect(dc.sender.send('3031', reply('hello'))).rejects.toMatchObject({ blocked: true });
    await dc.sender.send('3032', reply('hello'));
    expect(rest.calls.at(-1)).toMatchObject({ method: 'POST', path: '/channels/dm-3032/messages' });
  });

  it('attaches a chart PNG and shows it in the embed', async () => {
    const from = rest.calls.length;
    await post(adapter(), slash('3040', 'chartdemo'));
    const edit = rest.calls.slice(from).find((c) => c.method === 'PATCH')!;
    expect(edit.files).toEqual(['chart.png']);
    expect(edit.body.embeds[0].image.url).toBe('attachment://chart.png');
  });
});
