/**
 * /backtest through the adapters: one progress message edited in place as it runs, then the
 * report with an equity-curve PNG; buttons to pick what and how long; plan limits explained
 * in the progress message itself.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { useReplay } from '../../helpers/runner.ts';
import { usePlatforms } from '../helpers/platforms.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);
const USER = 860001;

beforeAll(async () => {
  useReplay(t);
  await chat.telegram(USER, '/start');
});

describe('/backtest', () => {
  it('offers templates, then ranges, as buttons', async () => {
    expect(await chat.telegram(USER, '/backtest')).toMatch(/What should I backtest\?/);
    const menu = chat.tgApi.sent().at(-1)!.body.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data);
    expect(menu).toContain('/backtest tpl_dca_classic');
    expect(await chat.telegramButton(USER, '/backtest tpl_dca_classic')).toMatch(/over how many days\?/);
    const ranges = chat.tgApi.calls.at(-1)!.body.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data);
    expect(ranges).toEqual(['/backtest tpl_dca_classic BTC/USDT 7', '/backtest tpl_dca_classic BTC/USDT 14', '/backtest tpl_dca_classic BTC/USDT 30', '/backtest tpl_dca_classic BTC/USDT 90']);
  });

  it('edits one progress message as it runs, then sends the report with the equity chart', async () => {
    const from = chat.tgApi.reset();
    await chat.telegramButton(USER, '/backtest tpl_dca_classic BTC/USDT 30');
    const calls = chat.tgApi.calls.slice(from).filter((c) => c.method !== 'answerCallbackQuery');
    expect(calls[0].method).toBe('sendMessage');
    expect(calls[0].body.text).toMatch(/Backtesting <b>DCA classic \(3Commas style\)<\/b> on BTC\/USDT, 30 days: loading candles/);
    const edits = calls.filter((c) => c.method === 'editMessageText');
    expect(edits.length).toBeGreaterThanOrEqual(4);
    expect(edits.map((e) => e.body.text).join('\n')).toMatch(/20 %[\s\S]*40 %[\s\S]*60 %[\s\S]*80 %[\s\S]*done \(8640 candles/);
    const messageId = edits[0].body.message_id;
    expect(edits.every((e) => e.body.message_id === messageId)).toBe(true);
    const photo = calls.at(-1)!;
    expect(photo.method).toBe('sendPhoto');
    expect(photo.body.caption).toMatch(/<b>Backtest: DCA classic \(3Commas style\)<\/b>\nDCA on BTC\/USDT 5m[\s\S]*Return <b>[+−]?[\d.]+ %<\/b>[\s\S]*Max drawdown [\d.]+ %[\s\S]*Trades \d+ · win rate/);
    const file = Object.values(photo.body).find((v: any) => v?.bytes) as { bytes: Buffer; filename: string };
    expect(file.filename).toBe('equity.png');
    expect([...file.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const [user] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, String(USER)));
    expect(await t.env.db.select().from(s.backtests).where(eq(s.backtests.userId, user.id))).toHaveLength(1); // the report is stored
  });

  it('on Discord, edits the deferred response and attaches the chart to the report', async () => {
    const from = chat.dcRest.calls.length;
    await chat.discord('860002', 'backtest', { target: 'scalping', more: 'BTC/USDT 3' });
    const calls = chat.dcRest.calls.slice(from);
    const patches = calls.filter((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original'));
    expect(patches.length).toBeGreaterThanOrEqual(3);
    expect(patches.at(-1)!.body.embeds[0].description).toMatch(/done \(\d+ candles/);
    const report = calls.find((c) => c.files.includes('equity.png'))!;
    expect(report.body.embeds[0].description).toMatch(/Scalping on BTC\/USDT/);
  });

  it('explains a plan limit in the progress message, and unknown targets plainly', async () => {
    const from = chat.tgApi.reset();
    await chat.telegram(USER, '/backtest tpl_dca_classic BTC/USDT 90');
    const edit = chat.tgApi.calls.slice(from).filter((c) => c.method === 'editMessageText').at(-1)!;
    expect(edit.body.text).toMatch(/stopped: Your free plan backtests up to 30 days/);
    expect(await chat.telegram(USER, '/backtest nosuchbot 7')).toMatch(/You have no bot or template with that name/);
    expect(await chat.telegram(USER, '/backtest dca BTC/USDT 7 lots')).toMatch(/I did not understand "lots"/);
  });
});
