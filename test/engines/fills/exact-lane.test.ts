/**
 * Property tests of the exact BigInt lane against decimal.js. Every expectation comes from the
 * Decimal code with the lane switched off (lanes.exact = false: settleDecimal, the Decimal
 * ledger, the Decimal statistics, the Decimal division search), never from the lane itself, on
 * random and edge inputs: negative balances and rebates, zero and −0, prices that are zero at
 * the tick, values near and beyond 80 digits (where the lane must hand over to decimal.js), tiny
 * values far beyond any sensible scale. Decimals are compared by decimal.js's own fields (sign,
 * exponent, words), so a −0 or a different representation fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { EXACT_LANE, lanes, toUnits } from '../../../src/engines/fills/fixed-point.ts';
import { divideRounded, type PaperFill, type PaperOrder } from '../../../src/engines/fills/index.ts';
import { settleDecimal, type Account, type Settlement } from '../../../src/engines/fills/settle.ts';
import { ExactLane } from '../../../src/engines/fills/settle-exact.ts';
import { TradeLedger } from '../../../src/engines/backtest/index.ts';
import { computeTradeStats, type TradeOutcome } from '../../../src/engines/metrics/index.ts';
import type { PairRules } from '../../../src/engines/types.ts';
import { randomStream } from '../helpers/random.ts';

afterEach(() => {
  lanes.exact = EXACT_LANE;
});

type Rnd = () => number;
const int = (next: Rnd, lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
const pick = <T>(next: Rnd, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];

/** A random decimal of up to `digits` digits and `places` decimal places (as text, parsed by decimal.js). */
function dec(next: Rnd, digits: number, places: number, negative = false): Decimal {
  const n = int(next, 1, digits);
  let text = '';
  for (let k = 0; k < n; k++) text += int(next, 0, 9);
  return new Decimal(`${negative ? '-' : ''}${text}e-${int(next, 0, places)}`);
}

/** decimal.js's own fields: equal only for the very same value and representation (−0 included). */
function parts(d: Decimal | null | undefined): string {
  if (d === null || d === undefined) return String(d);
  const x = d as unknown as { s: number; e: number; d: number[] | null };
  return `${x.s}|${x.e}|${x.d ? x.d.join(',') : 'null'}`;
}

/** JSON with every Decimal as its parts (read before Decimal's toJSON runs) and −0, NaN, ±Infinity spelled out. */
const json = (v: unknown) =>
  JSON.stringify(v, function (this: Record<string, unknown>, k, x: unknown) {
    const raw = this[k];
    if (raw instanceof Decimal) return parts(raw);
    if (typeof raw === 'number' && (Object.is(raw, -0) || !Number.isFinite(raw))) return `n${Object.is(raw, -0) ? '-0' : raw}`;
    return x;
  });

describe('ExactLane.settle against settleDecimal', () => {
  function randomPair(next: Rnd): PairRules {
    const qp = int(next, 0, 8);
    const pair: PairRules = { symbol: 'X/Y', base: 'X', quote: 'Y', pricePrecision: int(next, 0, 8), quantityPrecision: qp, minOrderSize: new Decimal(`1e-${qp}`) };
    if (next() < 0.3) pair.minOrderSize = dec(next, 4, qp + 2);
    if (next() < 0.3) pair.maxOrderSize = dec(next, 8, qp);
    if (next() < 0.3) pair.minNotional = dec(next, 4, 3);
    return pair;
  }

  /** Mostly ordinary values, an edge case one time in eight. */
  const edgeOr = <T>(next: Rnd, ordinary: (() => T)[], edges: (() => T)[]): T => pick(next, next() < 0.125 ? edges : ordinary)();

  function randomRate(next: Rnd): Decimal {
    return edgeOr(next, [
      () => new Decimal(0),
      () => dec(next, 3, 6),
      () => new Decimal(`-${int(next, 1, 99)}e-${int(next, 4, 6)}`), // maker rebate
      () => new Decimal('0.001'),
    ], [
      () => new Decimal(1).div(3), // 80 decimal places
      () => new Decimal('-1'), // the whole notional back: unit cost zero
    ]);
  }

  function randomMoney(next: Rnd, negative: boolean): Decimal {
    return edgeOr(next, [
      () => new Decimal(0),
      () => dec(next, 9, 4, negative && next() < 0.3),
      () => dec(next, 9, 4),
      () => dec(next, 12, 6),
      () => dec(next, 20, 10, negative && next() < 0.3),
    ], [
      () => new Decimal('-0'),
      () => dec(next, 79, 4, negative && next() < 0.5), // at the edge of 80 digits
      () => new Decimal(`${negative && next() < 0.5 ? '-' : ''}9e78`),
      () => new Decimal('1e-1000'), // far beyond any scale the lane takes (MAX_SCALE)
    ]);
  }

  function randomOrder(next: Rnd, pair: PairRules): PaperOrder {
    const effect = pick(next, ['open', 'increase', 'reduce', 'close'] as const);
    const order: PaperOrder = {
      seq: 0, tag: 't', side: pick(next, ['buy', 'sell'] as const), type: pick(next, ['market', 'limit'] as const),
      quantity: pick(next, [() => dec(next, 5, pair.quantityPrecision + 3), () => dec(next, 5, pair.quantityPrecision), () => dec(next, 8, pair.quantityPrecision + 3), () => new Decimal(0), () => dec(next, 4, 2, true), () => dec(next, 30, 6)])(),
      price: null, priceNum: Number.NaN, positionTag: 'p', effect, placedAt: 0,
    };
    if (effect !== 'close' && next() < 0.5) order.equityFraction = pick(next, [() => dec(next, 4, 4), () => new Decimal(1), () => new Decimal('1.5'), () => new Decimal('-0.1'), () => new Decimal(0)])();
    return order;
  }

  function randomPrice(next: Rnd, pair: PairRules): Decimal {
    return edgeOr(next, [
      () => dec(next, 10, pair.pricePrecision),
      () => dec(next, 6, pair.pricePrecision),
      () => dec(next, 5, 2),
    ], [
      () => new Decimal(0), // an open price that is zero at the tick
      () => dec(next, 70, 2),
    ]);
  }

  /** settleDecimal with decimal.js only, or the error it throws. */
  function reference(account: Account, order: PaperOrder, price: Decimal, rate: Decimal, position: Decimal): Settlement | string {
    lanes.exact = false;
    try {
      return settleDecimal({ ...account }, order, price, rate, position);
    } catch (e) {
      return `throws ${String(e)}`;
    } finally {
      lanes.exact = EXACT_LANE;
    }
  }

  function compare(label: string, lane: ExactLane, got: ReturnType<ExactLane['settle']>, ref: Settlement | string): void {
    if (got === null) return; // handed to decimal.js: always allowed
    if (typeof ref === 'string' || typeof got === 'string') {
      expect(got, label).toBe(ref);
      return;
    }
    const quote = got.quote ?? lane.quoteDecimal();
    const base = got.base ?? lane.baseDecimal();
    expect(json([got.quantity, got.fee, quote, base, got.position, got.quoteNum, got.baseNum]), label).toBe(
      json([ref.quantity, ref.fee, ref.quote, ref.base, ref.position, ref.quoteNum, ref.baseNum]),
    );
  }

  it('gives the same settlement, refusal or hand-over on 20,000 random single fills', () => {
    const next = randomStream(424_242);
    let settled = 0;
    let refused = 0;
    let handed = 0;
    for (let k = 0; k < 20_000; k++) {
      const pair = randomPair(next);
      const account: Account = { pair, rules: { slippageBps: 0, limitFill: 'through', allowShort: next() < 0.5 }, quote: randomMoney(next, true), base: randomMoney(next, true) };
      const order = randomOrder(next, pair);
      const price = randomPrice(next, pair);
      const rate = randomRate(next);
      const position = pick(next, [() => new Decimal(0), () => account.base, () => dec(next, 5, pair.quantityPrecision, order.side === 'buy'), () => dec(next, 8, pair.quantityPrecision + 2, next() < 0.5)])();
      const ref = reference(account, order, price, rate, position);
      const lane = new ExactLane();
      let got: ReturnType<ExactLane['settle']>;
      try {
        got = lane.settle(account, order, price, rate, position);
      } catch (e) {
        throw new Error(`case ${k}: the lane threw ${String(e)} where decimal.js gave ${typeof ref === 'string' ? ref : 'a settlement'}`);
      }
      if (process.env.SHOW_CASE === String(k)) console.log(json({ account: { quote: account.quote, base: account.base, allowShort: account.rules.allowShort }, order, price, rate, position, pair }));
      if (got === null) handed++;
      else if (typeof got === 'string') refused++;
      else settled++;
      compare(`case ${k}`, lane, got, ref);
    }
    // The lane must do the work in most cases, or this test proves little.
    if (process.env.SHOW_COUNTS) console.log({ settled, refused, handed });
    expect(settled).toBeGreaterThan(3000);
    expect(refused).toBeGreaterThan(3000);
    expect(handed).toBeLessThan(8000);
  });

  it('keeps the same balances over random sequences of fills on one account (cached views, hand-overs)', () => {
    const next = randomStream(99);
    for (let run = 0; run < 300; run++) {
      const pair = randomPair(next);
      const rules = { slippageBps: 0, limitFill: 'through' as const, allowShort: next() < 0.5 };
      const rates = [randomRate(next), randomRate(next)];
      // The reference account, and the one the lane settles (balances read from the lane when it holds them).
      let refQuote = dec(next, 7, 3);
      let refBase = next() < 0.5 ? new Decimal(0) : dec(next, 5, pair.quantityPrecision);
      let refPosition = new Decimal(0);
      const lane = new ExactLane();
      let laneQuote: Decimal | null = refQuote;
      let laneBase: Decimal | null = refBase;
      let lanePosition = refPosition;
      const account = {
        pair, rules,
        get quote() { return (laneQuote ??= lane.quoteDecimal()); },
        get base() { return (laneBase ??= lane.baseDecimal()); },
      };
      for (let step = 0; step < 40; step++) {
        const order = randomOrder(next, pair);
        const price = next() < 0.9 ? dec(next, 6, pair.pricePrecision) : randomPrice(next, pair);
        const rate = pick(next, rates);
        const ref = reference({ pair, rules, quote: refQuote, base: refBase }, order, price, rate, refPosition);
        const got = lane.settle(account, order, price, rate, lanePosition);
        const label = `run ${run} step ${step}`;
        compare(label, lane, got, ref);
        if (typeof ref === 'string') continue;
        refQuote = ref.quote as Decimal;
        refBase = ref.base as Decimal;
        refPosition = ref.position;
        if (got === null) {
          // As PaperBook does: the Decimal result is the balance again, the lane forgets its own.
          laneQuote = ref.quote;
          laneBase = ref.base;
          lane.forget('quote');
          lane.forget('base');
          lanePosition = ref.position;
        } else if (typeof got !== 'string') {
          laneQuote = got.quote;
          laneBase = got.base;
          lanePosition = got.position;
        }
        expect(json([account.quote, account.base, lanePosition]), label).toBe(json([refQuote, refBase, refPosition]));
      }
    }
  });
});

describe('TradeLedger in the lane against the Decimal ledger', () => {
  function randomFills(next: Rnd): PaperFill[] {
    const fills: PaperFill[] = [];
    let time = 0;
    for (let trade = 0; trade < 8; trade++) {
      const long = next() < 0.5;
      const qp = int(next, 0, 6);
      const entries = int(next, 1, 3);
      const quantities: Decimal[] = [];
      const fill = (entering: boolean, quantity: Decimal): PaperFill => ({
        tag: `f${time}`, side: entering === long ? 'buy' : 'sell', time: time++, positionTag: `p${trade % 3}`, effect: entering ? 'open' : 'close',
        orderType: 'market', maker: false, quantity,
        price: next() < 0.9 ? dec(next, 8, 4) : pick(next, [() => dec(next, 75, 2), () => new Decimal('1e-395')])(),
        fee: pick(next, [() => new Decimal(0), () => new Decimal('-0'), () => dec(next, 6, 8), () => dec(next, 4, 9, true)])(),
      });
      for (let k = 0; k < entries; k++) {
        const q = next() < 0.05 ? new Decimal('1e-30') : dec(next, 7, qp);
        quantities.push(q);
        fills.push(fill(true, q));
      }
      // Exits: the whole quantity in one to three parts (or not all of it: the trade stays open).
      const total = quantities.reduce((a, b) => a.add(b), new Decimal(0));
      const parts = int(next, 1, 3);
      let left = total;
      for (let k = 1; k < parts && left.gt(0); k++) {
        const q = left.div(2).toDecimalPlaces(qp + 1, Decimal.ROUND_DOWN);
        if (q.lte(0)) break;
        fills.push(fill(false, q));
        left = left.sub(q);
      }
      if (next() < 0.9 && left.gt(0)) fills.push(fill(false, left));
    }
    return fills;
  }

  it('records the same trades, to the last digit and sign, on 600 random fill sequences', () => {
    const next = randomStream(31_337);
    for (let run = 0; run < 600; run++) {
      const fills = randomFills(next);
      const record = () => {
        const ledger = new TradeLedger();
        const out = fills.map((f, i) => ledger.record(f, i));
        return json({ out, trades: ledger.trades, open: ledger.openPositionTags() });
      };
      lanes.exact = false;
      const ref = record();
      lanes.exact = true;
      expect(record(), `run ${run}`).toBe(ref);
    }
  });
});

describe('computeTradeStats in the lane against decimal.js', () => {
  it('gives the same sums, extremes and counts on random trades (negative, zero, −0, huge, tiny)', () => {
    const next = randomStream(2026);
    for (let run = 0; run < 2000; run++) {
      const n = int(next, 0, 25);
      const trades: TradeOutcome[] = [];
      for (let k = 0; k < n; k++) {
        const pnl = pick(next, [() => dec(next, 9, 6, next() < 0.5), () => new Decimal(0), () => new Decimal('-0'), () => dec(next, 79, 3, next() < 0.5), () => new Decimal('-1e-1000'), () => dec(next, 3, 1)])();
        const t: TradeOutcome = { pnl, returnPct: next() - 0.5 };
        if (next() < 0.7) t.fees = pick(next, [() => dec(next, 6, 8), () => new Decimal(0), () => dec(next, 3, 4, true)])();
        trades.push(t);
      }
      lanes.exact = false;
      const ref = json(computeTradeStats(trades));
      lanes.exact = true;
      expect(json(computeTradeStats(trades)), `run ${run}`).toBe(ref);
    }
  });
});

describe('divideRounded in BigInt against the Decimal search', () => {
  it('ends on a negative denominator (the Decimal search used to loop forever there)', () => {
    for (const exact of [false, true]) {
      lanes.exact = exact;
      // As decimal.js divides and cuts there: ROUND_DOWN for floor, ROUND_UP for ceil.
      expect(divideRounded(new Decimal('-121.36'), new Decimal('-72.8'), 3, 'floor').toFixed()).toBe(new Decimal('-121.36').div('-72.8').toDecimalPlaces(3, Decimal.ROUND_DOWN).toFixed());
      expect(divideRounded(new Decimal('121.36'), new Decimal('-72.8'), 3, 'ceil').toFixed()).toBe(new Decimal('121.36').div('-72.8').toDecimalPlaces(3, Decimal.ROUND_UP).toFixed());
    }
  });

  it('floors and ceils like decimal.js on large, small and zero operands', () => {
    const next = randomStream(5);
    for (let k = 0; k < 5000; k++) {
      const n = pick(next, [() => dec(next, 18, 12), () => dec(next, 60, 40), () => new Decimal(0), () => dec(next, 79, 79), () => new Decimal('1e-500')])();
      const d = pick(next, [() => dec(next, 9, 9), () => dec(next, 40, 30), () => new Decimal('1e-20'), () => dec(next, 79, 10)])();
      if (d.isZero()) continue;
      const decimals = int(next, 0, 30);
      for (const mode of ['floor', 'ceil'] as const) {
        lanes.exact = false;
        const ref = divideRounded(n, d, decimals, mode);
        lanes.exact = true;
        expect(parts(divideRounded(n, d, decimals, mode)), `${n.toFixed()} / ${d.toFixed()} to ${decimals} (${mode})`).toBe(parts(ref));
      }
    }
  });
});

describe('toUnits refuses what the lane must not take', () => {
  it('values beyond 80 digits and scales beyond MAX_SCALE', () => {
    expect(toUnits(new Decimal('1e80'), 0)).toBeNull();
    expect(toUnits(new Decimal('1e79'), 0)).toBe(10n ** 79n);
    expect(toUnits(new Decimal('1e-1000000'), 1_000_000)).toBeNull();
    expect(toUnits(new Decimal('1e1000000'), 0)).toBeNull();
  });
});
