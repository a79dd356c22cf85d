/** Exchanges, users' encrypted exchange keys, and trading pairs with their precision. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, decimal, id, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

export const exchanges = pgTable('exchanges', {
  id: id(),
  name: text().notNull().unique(),
  apiUrl: text().notNull(),
  websocketUrl: text(),
  supportedPairs: jsonb().notNull().default([]),
  fees: jsonb().notNull().default({}),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const exchangeConnections = pgTable(
  'exchange_connections',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    exchange: text().notNull(),
    // AES-256-GCM under a versioned master key: "v<keyVersion>:<iv>:<tag>:<ciphertext>" (base64).
    encryptedApiKey: text().notNull(),
    encryptedSecretKey: text().notNull(),
    encryptedPassphrase: text(),
    isActive: boolean().notNull().default(true),
    isTestnet: boolean().notNull().default(false),
    permissions: text().array().notNull().default(sql`'{read}'::text[]`),
    label: text(),
    lastUsed: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.userId, t.exchange), index().on(t.userId), index().on(t.exchange)],
);

export const tradingPairs = pgTable(
  'trading_pairs',
  {
    id: id(),
    exchangeId: text().notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    symbol: text().notNull(), // BTCUSDT
    base: text().notNull(),
    quote: text().notNull(),
    minOrderSize: decimal().notNull(),
    maxOrderSize: decimal(),
    pricePrecision: integer().notNull(),
    quantityPrecision: integer().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.exchangeId, t.symbol), index().on(t.symbol)],
);
