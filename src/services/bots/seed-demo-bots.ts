/**
 * The zero-configuration demo: on first start (SEED_DEMO=true) a demo user gets a handful of
 * running paper bots from the system templates, on pairs the replay feed has, so `npm start`
 * shows executions and trades within a minute — offline too.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { deployTemplate } from './deploy-template.ts';

export const DEMO_EMAIL = 'demo@tradewire.local';

const DEMO_BOTS = [
  { templateId: 'tpl_dca_classic', name: 'Demo DCA BTC' },
  { templateId: 'tpl_grid_range', name: 'Demo Grid BTC' },
  { templateId: 'tpl_ai_balanced', name: 'Demo AI BTC' },
  { templateId: 'tpl_scalping_meanrev', name: 'Demo Scalper LTC', tradingPair: 'LTC/USDT', timeframe: '1m' as const },
  { templateId: 'tpl_pump_screener', name: 'Demo Pump Screener' },
];

export async function seedDemoBots(env: ServiceEnv): Promise<{ created: number; userId: string | null }> {
  const [existing] = await env.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL));
  if (existing) return { created: 0, userId: existing.id };
  const [user] = await env.db
    .insert(users)
    .values({ email: DEMO_EMAIL, fullName: 'Demo trader', subscriptionPlan: 'pro', onboardingComplete: true })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) return { created: 0, userId: null }; // another process seeded it at the same moment
  const ctx = { actor: { kind: 'system' as const, job: 'seed-demo' }, requestId: 'seed-demo', env };
  let created = 0;
  for (const b of DEMO_BOTS) {
    await deployTemplate({
      ctx: { ...ctx, actor: { kind: 'console', userId: user.id, role: 'user', platformUserId: 'demo', chatId: 'demo' } },
      input: { templateId: b.templateId, name: b.name, tradingPair: b.tradingPair, timeframe: b.timeframe, start: true, paperTrading: true },
    });
    created++;
  }
  env.logger.info({ userId: user.id, bots: created }, `demo: ${created} paper bots started for ${DEMO_EMAIL}`);
  return { created, userId: user.id };
}
