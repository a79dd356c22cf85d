/** 200 malformed or hostile chat inputs. None of them is a valid request that should change anything. */
import { expect } from 'vitest';

export const payloads = [
  "'; DROP TABLE users; --", "' OR '1'='1", '" OR ""="', '1; SELECT pg_sleep(10)', "admin'--", '%', '_', '\\', '%_%\\',
  '<script>alert(1)</script>', '<b>bold</b><i>', '<img src=x onerror=alert(1)>', '&amp;&lt;&gt;', '</b></i></code>',
  '**bold** __under__ ~~strike~~ `code` ||spoiler||', '@everyone @here', '# heading', '> quote', '[link](http://evil.example)',
  '𝕳𝖊𝖑𝖑𝖔 🚀🔥💸', '漢字テスト', 'Z̴̡̛a̷̢l̸̨g̵̢o̴', 'مرحبا بالعالم', 'שלום', '\u202Eevil\u202C', 'a\u200Bb\u200Cc\u200Dd\uFEFF', '\u00A0\u2003\u3000',
  '99999999999999999999999999', '1e309', '-1', '-99999', '0x7fffffff', 'NaN', 'Infinity', '-0', '1.5e-400', '9'.repeat(400),
  '${process.env.MASTER_KEY}', '{{7*7}}', '%s%s%n%x', '../../etc/passwd', '{"__proto__":{"admin":true}}', 'constructor', 'null', 'undefined',
  '\u0000nul\u0001soh\u0002stx\u0003', '\u0007bell\u001b[31mred', 'line1\nline2\r\nline3', '\t\t', 'x'.repeat(5000),
];

const commands = ['/help', '/support view', '/support reply', '/support close', '/settings', '/settings language', '/settings timezone', '/settings currency', '/settings notify digest', '/settings privacy visibility', '/link'];

export function hostileInputs(): string[] {
  const inputs = new Set<string>();
  for (const p of payloads) inputs.add(p);
  for (const cmd of commands) for (const p of payloads) inputs.add(`${cmd} ${p}`);
  const extra = [
    '/', '//', '/ help', '/\u200Bhelp', '/he\u200Blp', '/HELP me', '/foo', '/DROP_TABLE', '/' + 'a'.repeat(40), '/' + 'a'.repeat(200), '/start@', '/😀',
    '/settings quiet 25', '/settings quiet -3', '/settings notify telegram maybe', '/settings notify critical 1e9', '/settings privacy datausage ☃',
    '/support bogus x', '/support view', '/support reply', '/support close', '/support view ../../', '/support view aaaaaa', '/support close 000000',
    '/link VGL-0000', '/link VGL-ZZZZ', '/link vgl-', '/link VGL-ABCD-EFGH', '/link ' + 'V'.repeat(40), '/cancel', '/cancel now please',
    '/start ' + 'x'.repeat(65), '/start ref_', '/start ref_!!!!', '/start ref_NOSUCHCODE', '/start utm_source-<script>', '/start "quoted payload"',
    '/settings timezone Mars/Olympus_Mons', '/settings timezone UTC+25', '/settings language klingon', '/settings currency DOGE', '/settings currency -100',
    '"unterminated', '""', "''", '#1', '#999', '   ', '\u3164', '\u2800',
  ];
  for (const e of extra) inputs.add(e);
  return [...inputs].slice(0, 200);
}

/** A friendly answer: something was said, and it is no stack trace, no internal error, no "undefined". */
export function expectFriendly(input: string, answer: string) {
  expect(answer.trim().length, `no answer to ${JSON.stringify(input.slice(0, 60))}`).toBeGreaterThan(0);
  expect(answer, input).not.toMatch(/went wrong on our side|\bat .+\.ts:\d+|TypeError|ReferenceError|\[object Object\]|ZodError|function \w*\(|=>/);
  if (!input.includes('undefined')) expect(answer, input).not.toContain('undefined');
}

const tradingCommands = [
  '/bot', '/botdo delete', '/botdo deleteyes', '/botdo stopclose', '/botdo', '/positions', '/trades', '/profit', '/daily', '/monthly', '/balance',
  '/forceexit', '/chart', '/chart BTC/USDT', '/chart BTC/USDT 5m', '/backtest', '/backtest tpl_dca_classic', '/templates', '/templates deploy', '/templates show',
  '/newbot', '/connect', '/connect binance', '/disconnect',
];

/** The payloads as arguments of every trading command, plus numbers that are out of range for them. */
export function tradingHostileInputs(): string[] {
  const inputs = new Set<string>();
  // A blank payload is just the bare command (e.g. /newbot starts its wizard): not hostile.
  for (const cmd of tradingCommands) for (const p of payloads.filter((x) => x.trim() !== '')) inputs.add(`${cmd} ${p}`);
  const extra = [
    '/trades -1', '/trades 0', '/trades 99999999999', '/trades 1e9', '/daily -5', '/daily 100000', '/weekly NaN', '/monthly Infinity',
    '/chart BTC/USDT 5m ema-1', '/chart BTC/USDT ema0', '/chart BTC/USDT ema99999', '/chart BTC/USDT 5m ema20 bb sma50 wma20 vwap', '/chart FOO/BAR', '/chart BTCUSDT', '/chart BTC/USDT 7m',
    '/backtest dca BTC/USDT -30', '/backtest dca BTC/USDT 99999', '/backtest dca BTC/USDT 9999', '/backtest dca FOO/BAR 7', '/backtest dca BTC/USDT 7 ema', '/backtest constructor', '/backtest __proto__ 7',
    '/forceexit -1', '/forceexit 0 yes', '/forceexit #000000 yes', '/forceexit ../../ yes', '/botdo explode x', '/botdo start', '/bot constructor', '/bot __proto__',
    '/newbot 🚀', '/newbot constructor', '/newbot __proto__', '/templates constructor', '/templates deploy __proto__', '/connect kraken', '/connect binance x', '/disconnect kraken', '/disconnect binance',
  ];
  for (const e of extra) inputs.add(e);
  return [...inputs];
}
