/** DeFi wallets and positions, protocols and pools (000). */
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

export const wallets = pgTable(
  'wallets',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    address: text().notNull(),
    chain: text().notNull(),
    name: text(),
    isActive: boolean().notNull().default(true),
    encryptedKey: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.userId, t.address, t.chain),
    index().on(t.userId),
    index().on(t.address),
    index().on(t.chain),
    oneOf('wallets_chain_check', t.chain, E.CHAINS),
  ],
);

const walletRef = () => text().notNull().references(() => wallets.id, { onDelete: 'cascade' });

export const stakingPositions = pgTable(
  'staking_positions',
  {
    id: id(),
    walletId: walletRef(),
    protocol: text().notNull(),
    chain: text().notNull(),
    tokenAddress: text().notNull(),
    tokenSymbol: text().notNull(),
    amount: decimal().notNull(),
    valueUsd: decimal().notNull(),
    apy: decimal().notNull(),
    rewards: decimal().notNull().default(sql`0`),
    stakedAt: tstz().notNull(),
    lastUpdated: tstz().notNull().defaultNow(),
    status: text().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.walletId),
    index().on(t.protocol),
    index().on(t.chain),
    index().on(t.status),
    index().on(t.walletId, t.status),
    index().on(t.chain, t.status),
    oneOf('staking_positions_status_check', t.status, E.STAKING_STATUSES),
  ],
);

export const farmPositions = pgTable(
  'farm_positions',
  {
    id: id(),
    walletId: walletRef(),
    protocol: text().notNull(),
    chain: text().notNull(),
    farmAddress: text().notNull(),
    lpTokenAddress: text().notNull(),
    lpTokenAmount: decimal().notNull(),
    token0Symbol: text().notNull(),
    token1Symbol: text().notNull(),
    token0Amount: decimal().notNull(),
    token1Amount: decimal().notNull(),
    valueUsd: decimal().notNull(),
    apy: decimal().notNull(),
    rewardsEarned: decimal().notNull().default(sql`0`),
    rewardTokenSymbol: text(),
    depositedAt: tstz().notNull(),
    lastHarvest: tstz(),
    lastUpdated: tstz().notNull().defaultNow(),
    status: text().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.walletId),
    index().on(t.protocol),
    index().on(t.chain),
    index().on(t.status),
    index().on(t.walletId, t.status),
    index().on(t.chain, t.status),
    oneOf('farm_positions_status_check', t.status, E.FARM_STATUSES),
  ],
);

export const liquidityPositions = pgTable(
  'liquidity_positions',
  {
    id: id(),
    walletId: walletRef(),
    protocol: text().notNull(),
    chain: text().notNull(),
    poolAddress: text().notNull(),
    lpTokenAddress: text().notNull(),
    lpTokenAmount: decimal().notNull(),
    token0Symbol: text().notNull(),
    token1Symbol: text().notNull(),
    token0Amount: decimal().notNull(),
    token1Amount: decimal().notNull(),
    initialToken0Amount: decimal().notNull(),
    initialToken1Amount: decimal().notNull(),
    initialValueUsd: decimal().notNull(),
    currentValueUsd: decimal().notNull(),
    impermanentLoss: decimal().notNull().default(sql`0`),
    feesEarned: decimal().notNull().default(sql`0`),
    addedAt: tstz().notNull(),
    lastUpdated: tstz().notNull().defaultNow(),
    status: text().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.walletId),
    index().on(t.protocol),
    index().on(t.chain),
    index().on(t.status),
    index().on(t.walletId, t.status),
    index().on(t.chain, t.status),
    oneOf('liquidity_positions_status_check', t.status, E.LIQUIDITY_STATUSES),
  ],
);

export const defiProtocols = pgTable(
  'defi_protocols',
  {
    id: id(),
    name: text().notNull().unique(),
    chain: text().notNull(),
    category: text().notNull(),
    tvl: decimal().notNull().default(sql`0`),
    volume24h: decimal().notNull().default(sql`0`),
    website: text(),
    logo: text(),
    description: text(),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.chain),
    index().on(t.category),
    index().on(t.isActive),
    oneOf('defi_protocols_category_check', t.category, E.PROTOCOL_CATEGORIES),
  ],
);

export const liquidityPools = pgTable(
  'liquidity_pools',
  {
    id: id(),
    protocol: text().notNull(),
    chain: text().notNull(),
    pair: text().notNull(),
    token0: text().notNull(),
    token1: text().notNull(),
    tvl: decimal().notNull(),
    apy: decimal().notNull(),
    volume24h: decimal().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.protocol, t.chain, t.pair), index().on(t.protocol), index().on(t.chain)],
);
