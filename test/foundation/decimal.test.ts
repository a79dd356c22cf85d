import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/money.ts';
import { users, portfolioHistory } from '../../src/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../helpers/db.ts';

const t = useTestDatabase();

async function roundTrip(value: Decimal): Promise<Decimal> {
  const db = t.database.db;
  const [user] = await db.insert(users).values({}).returning();
  const [row] = await db.insert(portfolioHistory).values({ userId: user.id, totalValue: value }).returning();
  const [back] = await db.select().from(portfolioHistory).where(eq(portfolioHistory.id, row.id));
  return back.totalValue;
}

describe('numeric(65,30) <-> Decimal', () => {
  it('keeps 0.1 + 0.2 exactly 0.3', async () => {
    const back = await roundTrip(new Decimal('0.1').plus('0.2'));
    expect(back).toBeInstanceOf(Decimal);
    expect(back.equals(new Decimal('0.3'))).toBe(true);
    expect(back.toFixed()).toBe('0.3');
  });

  it('keeps the smallest representable step, 1e-30', async () => {
    const back = await roundTrip(new Decimal('1e-30'));
    expect(back.toFixed()).toBe('0.000000000000000000000000000001');
  });

  it('keeps a 35-digit integer part with 30 decimals', async () => {
    const text = '12345678901234567890123456789012345.123456789012345678901234567891';
    expect(text.split('.')[0]).toHaveLength(35);
    expect(text.split('.')[1]).toHaveLength(30);
    const back = await roundTrip(new Decimal(text));
    expect(back.toFixed()).toBe(text);
  });

  it('writes no exponent notation to Postgres', async () => {
    const db = t.database.db;
    const [user] = await db.insert(users).values({}).returning();
    const [row] = await db.insert(portfolioHistory).values({ userId: user.id, totalValue: new Decimal('1e-25') }).returning();
    const raw = await db.execute<{ v: string }>(sql`select total_value::text as v from portfolio_history where id = ${row.id}`);
    expect(raw.rows[0].v).toBe('0.000000000000000000000000100000');
  });

  it('does arithmetic on stored values without losing digits', async () => {
    const a = await roundTrip(new Decimal('99999999999999999999999999999999999.999999999999999999999999999999'));
    const b = a.plus('0.000000000000000000000000000001');
    expect(b.toFixed()).toBe('100000000000000000000000000000000000');
    expect(a.times(3).toFixed()).toBe('299999999999999999999999999999999999.999999999999999999999999999997');
  });

  it('refuses NaN and infinity', async () => {
    await expect(roundTrip(new Decimal(NaN))).rejects.toThrow();
    await expect(roundTrip(new Decimal(Infinity))).rejects.toThrow();
  });
});
