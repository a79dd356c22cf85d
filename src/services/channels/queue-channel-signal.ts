/**
 * A community provider's accepted webhook signal becomes a channel signal when it has what a
 * forex_signals row needs (an entry price, a stop and a target). A market entry without a price, or a
 * signal without a stop, stays a plain signal for the bots and is not posted.
 */
import type { DbOrTx } from '../../db/client.ts';
import type { ServiceEnv } from '../core/context.ts';
import { Decimal } from '../../shared/money.ts';
import type { NormalizedSignal } from '../signals/read-signal-body.ts';
import { createForexSignal } from './create-forex-signal.ts';

export async function queueChannelSignal(
  tx: DbOrTx,
  env: Pick<ServiceEnv, 'logger'>,
  input: { tenantId: string; signalId: string; signal: NormalizedSignal; now: Date },
): Promise<string | null> {
  const s = input.signal;
  if (s.entries.length === 0 || !s.stopLoss || s.targets.length === 0) {
    env.logger.info({ tenantId: input.tenantId, signalId: input.signalId }, 'signal not posted to the channel: it has no entry price, stop or target');
    return null;
  }
  // A zone or several entries: the channel shows (and follows) their average.
  const entry = s.entries.reduce((a, e) => a.plus(e), new Decimal(0)).div(s.entries.length);
  return createForexSignal(tx, {
    tenantId: input.tenantId,
    symbol: s.symbol,
    direction: s.action,
    entry: new Decimal(entry.toSignificantDigits(12).toFixed()),
    stopLoss: new Decimal(s.stopLoss),
    targets: s.targets.map((t) => new Decimal(t)),
    source: 'webhook',
    signalId: input.signalId,
    dedupeKey: `signal:${input.signalId}`,
    now: input.now,
  });
}
