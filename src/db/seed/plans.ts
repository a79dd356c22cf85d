/** The plan catalogue (002 plans) with the limits services enforce. */
export const PLANS = [
  {
    id: 'plan_free', name: 'free', description: 'Paper trading to learn the ropes.', priceMonthly: '0', priceYearly: '0',
    maxBots: 2, maxStrategies: 2, aiRequestsPerMonth: 20, backtestMinutesPerMonth: 30, sortOrder: 0,
    prioritySupport: false, customStrategies: false, apiAccess: false,
    features: { paperTrading: true, liveTrading: false, signalBots: true, backtestDays: 30 },
  },
  {
    id: 'plan_basic', name: 'basic', description: 'Live trading on one exchange.', priceMonthly: '19', priceYearly: '190',
    maxBots: 5, maxStrategies: 10, aiRequestsPerMonth: 200, backtestMinutesPerMonth: 300, sortOrder: 1,
    prioritySupport: false, customStrategies: true, apiAccess: false,
    features: { paperTrading: true, liveTrading: true, signalBots: true, backtestDays: 180 },
  },
  {
    id: 'plan_pro', name: 'pro', description: 'Every bot type, more bots, priority support.', priceMonthly: '49', priceYearly: '490',
    maxBots: 25, maxStrategies: 50, aiRequestsPerMonth: 2000, backtestMinutesPerMonth: 3000, sortOrder: 2,
    prioritySupport: true, customStrategies: true, apiAccess: true,
    features: { paperTrading: true, liveTrading: true, signalBots: true, backtestDays: 730 },
  },
  {
    id: 'plan_enterprise', name: 'enterprise', description: 'For desks and communities at scale.', priceMonthly: '199', priceYearly: '1990',
    maxBots: 500, maxStrategies: 1000, aiRequestsPerMonth: null, backtestMinutesPerMonth: 30000, sortOrder: 3,
    prioritySupport: true, customStrategies: true, apiAccess: true,
    features: { paperTrading: true, liveTrading: true, signalBots: true, backtestDays: 3650 },
  },
] as const;
