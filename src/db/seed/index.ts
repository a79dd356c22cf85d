/**
 * Idempotent reference data: run at every start (cheap: inserts that already exist do
 * nothing) and by `npm run db:seed`. Existing rows are never overwritten, so an admin's edits
 * to plans, help articles or templates survive restarts.
 */
import type { Db } from '../client.ts';
import * as s from '../schema/index.ts';
import { Decimal } from '../../shared/money.ts';
import { PLANS } from './plans.ts';
import { EXCHANGES, SUPPORTED_PAIRS, tradingPairsFor } from './markets.ts';
import { INDICATORS } from './indicators.ts';
import { SYSTEM_TEMPLATES } from './templates.ts';
import { FAQS, HELP_ARTICLES, HELP_CATEGORIES } from './help.ts';

export const DEFAULT_TENANT_ID = 'default';

export async function seedReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(s.tenants).values({ id: DEFAULT_TENANT_ID, name: 'Tradewire' }).onConflictDoNothing();
    await tx.insert(s.systemSettings).values({ id: 'singleton' }).onConflictDoNothing();

    await tx
      .insert(s.plans)
      .values(PLANS.map((p) => ({ ...p, priceMonthly: new Decimal(p.priceMonthly), priceYearly: new Decimal(p.priceYearly), features: { ...p.features } })))
      .onConflictDoNothing();

    await tx
      .insert(s.exchanges)
      .values(EXCHANGES.map((e) => ({ ...e, supportedPairs: SUPPORTED_PAIRS, fees: { ...e.fees } })))
      .onConflictDoNothing();
    for (const e of EXCHANGES) {
      await tx
        .insert(s.tradingPairs)
        .values(tradingPairsFor(e.id).map((p) => ({ ...p, minOrderSize: new Decimal(p.minOrderSize) })))
        .onConflictDoNothing();
    }

    await tx
      .insert(s.indicators)
      .values(INDICATORS.map((i) => ({ ...i, parameters: { ...i.parameters }, defaults: { ...i.defaults } })))
      .onConflictDoNothing();

    await tx
      .insert(s.botTemplates)
      .values(
        SYSTEM_TEMPLATES.map((t) => ({
          ...t,
          tags: [...t.tags],
          visibility: 'public',
          config: structuredClone(t.config) as Record<string, unknown>,
          defaultSettings: { ...t.defaultSettings },
        })),
      )
      .onConflictDoNothing();

    await tx.insert(s.helpCategories).values(HELP_CATEGORIES.map((c) => ({ ...c }))).onConflictDoNothing();
    await tx
      .insert(s.helpArticles)
      .values(HELP_ARTICLES.map((a) => ({ ...a, tags: [...a.tags], published: true })))
      .onConflictDoNothing();
    await tx.insert(s.faqs).values(FAQS.map((f) => ({ ...f }))).onConflictDoNothing();
  });
}
