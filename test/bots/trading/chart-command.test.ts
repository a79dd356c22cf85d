/** /chart through Telegram: a candlestick PNG with the indicators asked for, and plain words for what it cannot draw. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../helpers/db.ts';
import { useReplay } from '../../helpers/runner.ts';
import { usePlatforms } from '../helpers/platforms.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);
const USER = 890001;

beforeAll(() => useReplay(t));

describe('/chart', () => {
  it('sends a candlestick chart with the chosen indicators', async () => {
    const from = chat.tgApi.reset();
    await chat.telegram(USER, '/chart btc/usdt 5m ema20 bb');
    const photo = chat.tgApi.calls.slice(from).find((c) => c.method === 'sendPhoto')!;
    expect(photo.body.caption).toMatch(/^<b>BTC\/USDT 5m<\/b> on binance: last [\d.]+<i> \(bundled candles replayed offline\)<\/i>\nEMA 20 · BB 20$/);
    const file = Object.values(photo.body).find((v: any) => v?.bytes) as { bytes: Buffer; filename: string };
    expect(file.filename).toBe('chart.png');
    expect([...file.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(photo.body.reply_markup.inline_keyboard[0].map((b: any) => b.callback_data)).toContain('/chart BTC/USDT 4h ema20 bb');
  });

  it('asks for a pair, and names what it does not know', async () => {
    expect(await chat.telegram(USER, '/chart')).toMatch(/Which pair\?/);
    expect(await chat.telegram(USER, '/chart BTC/USDT 2h')).toMatch(/I do not know "2h"\. Timeframes: 1m, 5m/);
    expect(await chat.telegram(USER, '/chart BTC/USDT ema500')).toMatch(/the length must be between 2 and 200/);
    expect(await chat.telegram(USER, '/chart ETH/USDT')).toMatch(/No 1h prices for ETH\/USDT on binance: No replay data/);
  });
});
