import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/db/seed/index.ts';
import { createApp } from '../../src/http/app.ts';
import { BOT_TYPES } from '../../src/engines/types.ts';
import { useTestDatabase } from '../helpers/db.ts';

const t = useTestDatabase();

describe('seed data', () => {
  it('is idempotent: a second run adds nothing and keeps edits', async () => {
    const db = t.database.db;
    const count = async () => ({
      plans: (await db.select().from(s.plans)).length,
      pairs: (await db.select().from(s.tradingPairs)).length,
      templates: (await db.select().from(s.botTemplates)).length,
      articles: (await db.select().from(s.helpArticles)).length,
    });
    const before = await count();
    await db.update(s.plans).set({ description: 'edited by an admin' });
    await seedReferenceData(db);
    expect(await count()).toEqual(before);
    const plans = await db.select().from(s.plans);
    expect(plans.every((p) => p.description === 'edited by an admin')).toBe(true);
  });

  it('has the default tenant, the settings singleton, four plans with limits and three exchanges', async () => {
    const db = t.database.db;
    expect((await db.select().from(s.tenants)).map((x) => x.id)).toContain('default');
    expect((await db.select().from(s.systemSettings)).map((x) => x.id)).toEqual(['singleton']);
    const plans = await db.select().from(s.plans);
    expect(plans.map((p) => p.name).sort()).toEqual(['basic', 'enterprise', 'free', 'pro']);
    for (const p of plans) expect(p.maxBots).toBeGreaterThan(0);
    const exchanges = await db.select().from(s.exchanges);
    expect(exchanges.map((e) => e.name).sort()).toEqual(['binance', 'bybit', 'okx']);
    const pairs = await db.select().from(s.tradingPairs);
    expect(pairs.find((p) => p.symbol === 'DOGEUSDT')?.quantityPrecision).toBe(0);
  });

  it('has one system template per bot type and help content', async () => {
    const db = t.database.db;
    const templates = await db.select().from(s.botTemplates);
    expect(new Set(templates.map((x) => x.type))).toEqual(new Set(BOT_TYPES));
    expect(templates.every((x) => x.userId === null && x.visibility === 'public')).toBe(true);
    expect((await db.select().from(s.helpArticles)).length).toBeGreaterThanOrEqual(8);
    expect((await db.select().from(s.faqs)).length).toBeGreaterThanOrEqual(5);
    expect((await db.select().from(s.indicators)).length).toBeGreaterThanOrEqual(10);
  });
});

describe('GET /health', () => {
  it('answers 200 when the database is up and migrated', async () => {
    const app = createApp(t.env);
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; database: string; migrations: { applied: number; expected: number } };
    expect(body).toMatchObject({ ok: true, database: 'up' });
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it('answers 503 when the database is unreachable', async () => {
    const { connectDatabase } = await import('../../src/db/client.ts');
    const dead = connectDatabase('postgres://nobody:x@127.0.0.1:1/none', { poolSize: 1 });
    const app = createApp({ ...t.env, db: dead.db });
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { database: string }).database).toBe('down');
    await dead.close();
  });
});
