/** DeFi math: impermanent loss, LP value against holding, fees, APR/APY and projections (pure, Decimal). */
export * from './impermanent-loss.ts';
export * from './yield-projection.ts';
