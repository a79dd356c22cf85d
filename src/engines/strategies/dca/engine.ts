import { Decimal, ONE } from '../../../shared/money.ts';
import { dcaConfigSchema, type DcaConfig } from './config.ts';
import { createDealEngine } from './deal-engine.ts';
import type { TakeProfitPlan } from './deal.ts';

/** Single target, or 3Commas take-profit steps (each closing a share of the position), recomputed from the average entry. */
export function dcaTakeProfitPlan(c: DcaConfig): TakeProfitPlan {
  if (c.takeProfitSteps) {
    const steps = c.takeProfitSteps;
    return (filled) => {
      const rest = steps.slice(filled);
      const total = rest.reduce((sum, s) => sum.add(s.closePercent), new Decimal(0));
      return rest.map((s) => ({ percent: new Decimal(s.percent), fraction: new Decimal(s.closePercent).div(total) }));
    };
  }
  const single = [{ percent: new Decimal(c.takeProfitPercent as number), fraction: ONE }];
  return () => single;
}

/** The `dca` bot type (3Commas semantics: docs/strategies.md). */
export const dcaEngine = createDealEngine('dca', dcaConfigSchema, dcaTakeProfitPlan);
