import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectArgs, commandUsage, defineCommand, tokenize } from '../../../src/bots/core/command.ts';
import { bold, cleanInput, code, splitText } from '../../../src/bots/core/reply.ts';
import { toDiscordMarkdown } from '../../../src/bots/discord/render-discord.ts';
import { toTelegramHtml } from '../../../src/bots/telegram/render-html.ts';
import { parseStartPayload } from '../../../src/services/identity/parse-start-payload.ts';

describe('Reply formatting', () => {
  it('escapes user text and renders markers for Telegram HTML', () => {
    const userText = cleanInput('<b>hi</b> & \u0002sneaky\u0003');
    expect(toTelegramHtml(`${bold('Title')} ${userText} ${code('/help')}`)).toBe('<b>Title</b> &lt;b&gt;hi&lt;/b&gt; &amp; sneaky <code>/help</code>');
  });

  it('closes tags left open by a split', () => {
    const parts = splitText(`${bold('x'.repeat(30))}\n${'y'.repeat(30)}`, 35).map(toTelegramHtml);
    expect(parts[0]).toBe(`<b>${'x'.repeat(30)}</b>`);
    expect(toTelegramHtml(`\u0002unterminated`)).toBe('<b>unterminated</b>');
  });

  it('escapes Discord Markdown outside code and keeps code literal', () => {
    expect(toDiscordMarkdown(`${bold('Hi')} *not bold* _x_ ${code('a*b')}\n# not a heading`)).toBe('**Hi** \\*not bold\\* \\_x\\_ `a*b`\n\\# not a heading');
  });
});

describe('command arguments', () => {
  const cmd = defineCommand({ name: 'demo', description: 'd', args: z.object({ pair: z.string(), tf: z.string().optional(), note: z.string().optional() }), positional: ['pair', 'tf'], rest: 'note', handler: () => undefined });

  it('maps words and quoted phrases onto positional names, the rest into `rest`', () => {
    expect(tokenize('a "b c" d')).toEqual(['a', 'b c', 'd']);
    expect(collectArgs(cmd, 'BTC/USDT 1h buy the dip')).toEqual({ ok: true, raw: { pair: 'BTC/USDT', tf: '1h', note: 'buy the dip' } });
    expect(collectArgs(cmd, '"BTC / USDT"')).toEqual({ ok: true, raw: { pair: 'BTC / USDT' } });
    expect(commandUsage(cmd)).toBe('/demo <pair> [tf] [note…]');
  });

  it('refuses extra words when there is no rest argument', () => {
    const strict = defineCommand({ name: 's', description: 'd', args: z.object({ a: z.string().optional() }), positional: ['a'], handler: () => undefined });
    expect(collectArgs(strict, 'one two')).toEqual({ ok: false });
  });
});

describe('/start deep-link payloads', () => {
  it('reads referral and UTM tokens and ignores anything else', () => {
    expect(parseStartPayload('ref_k7m2q9xa')).toEqual({ referralCode: 'K7M2Q9XA' });
    expect(parseStartPayload('ref_K7M2Q9XA_utm_source-tiktok_medium-video_campaign-spring-26')).toEqual({ referralCode: 'K7M2Q9XA', utm: { source: 'tiktok', medium: 'video', campaign: 'spring-26' } });
    expect(parseStartPayload('utm_source-x_campaign-y')).toEqual({ utm: { source: 'x', campaign: 'y' } });
    expect(parseStartPayload('<script>')).toEqual({});
    expect(parseStartPayload('x'.repeat(65))).toEqual({});
    expect(parseStartPayload('ref_')).toEqual({});
  });
});
