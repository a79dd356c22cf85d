/**
 * A tenant's channel signal (forex_signals) and its first channel message, in the caller's
 * transaction: from a webhook signal of the tenant's provider, or from the tenant's strategy.
 * dedupeKey makes a repeated call a no-op. No channel configured: the signal is still tracked
 * (statuses, recaps), only nothing is posted.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { channelMessages, forexSignals, tenantBotConnections } from '../../db/schema/index.ts';
import { Decimal } from '../../shared/money.ts';
import { pipSizeFor, readForexSettings } from '../tenants/tenant-settings.ts';
import { renderForexSignal } from './forex-signal-text.ts';

export interface NewForexSignal {
  tenantId: string;
  symbol: string;
  direction: 'BUY' | 'SELL';
  entry: Decimal;
  stopLoss: Decimal;
  targets: Decimal[];
  source: 'webhook' | 'strategy';
  signalId?: string | null;
  dedupeKey: string;
  indicators?: Record<string, unknown> | null;
  now: Date;
}

export async function createForexSignal(tx: DbOrTx, s: NewForexSignal): Promise<string | null> {
  const settings = await readForexSettings(tx, s.tenantId);
  const [tp1, tp2, tp3] = s.targets;
  const [row] = await tx
    .insert(forexSignals)
    .values({
      tenantId: s.tenantId,
      symbol: s.symbol,
      direction: s.direction,
      timeframe: settings.timeframe,
      entryPrice: s.entry,
      stopLoss: s.stopLoss,
      takeProfit1: tp1 ?? null,
      takeProfit2: tp2 ?? null,
      takeProfit3: tp3 ?? null,
      status: 'ACTIVE',
      indicatorsUsed: s.indicators ?? null,
      createdAt: s.now,
      source: s.source,
      signalId: s.signalId ?? null,
      dedupeKey: s.dedupeKey,
      venue: settings.market_venue || null,
      pipSize: new Decimal(pipSizeFor(s.symbol, settings.pip_size)),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  const [bot] = await tx
    .select({ channelId: tenantBotConnections.channelId })
    .from(tenantBotConnections)
    .where(and(eq(tenantBotConnections.tenantId, s.tenantId), eq(tenantBotConnections.botRole, 'signal_bot')));
  if (bot?.channelId) {
    await tx.insert(channelMessages).values({
      tenantId: s.tenantId,
      forexSignalId: row.id,
      chatId: bot.channelId,
      kind: 'post',
      text: renderForexSignal(row),
      dedupeKey: `post:${row.id}`,
      createdAt: s.now,
    });
  }
  return row.id;
}
