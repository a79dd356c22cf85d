/** What a provider's owner pastes into TradingView or their sender: the URL, headers and an example message. */
import type { Config } from '../../config.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, TRADINGVIEW_IPS, type ProviderConfig } from './provider-config.ts';

export interface ProviderWebhookInfo {
  url: string;
  auth: ProviderConfig['auth'];
  /** For token auth: the URL with ?token= (contains the secret only when revealed). */
  urlWithToken: string | null;
  headers: Record<string, string>;
  tradingViewMessage: string;
  ourJsonExample: string;
  notes: string[];
}

export function providerWebhookInfo(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>, providerId: string, providerConfig: ProviderConfig, secret: string | null): ProviderWebhookInfo {
  const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const url = `${base}/webhooks/signals/${providerId}`;
  const shown = secret ?? 'YOUR_WEBHOOK_SECRET';
  const tradingViewMessage = JSON.stringify(
    {
      secret: shown,
      ticker: '{{ticker}}',
      exchange: '{{exchange}}',
      action: '{{strategy.order.action}}',
      contracts: '{{strategy.order.contracts}}',
      price: '{{strategy.order.price}}',
      order_id: '{{strategy.order.id}}',
      market_position: '{{strategy.market_position}}',
      prev_market_position: '{{strategy.prev_market_position}}',
      time: '{{timenow}}',
    },
    null,
    2,
  );
  const ourJsonExample = JSON.stringify({ symbol: 'BTC/USDT', direction: 'long', entries: ['42000'], targets: ['43000', '44000'], stopLoss: '40500' });
  const hmac = providerConfig.auth === 'hmac';
  return {
    url,
    auth: providerConfig.auth,
    urlWithToken: hmac ? null : `${url}?token=${encodeURIComponent(shown)}`,
    headers: hmac
      ? {
          [TIMESTAMP_HEADER]: '<unix seconds>',
          [SIGNATURE_HEADER]: 'sha256=<hex HMAC-SHA256 of `${timestamp}.${body}` with the secret>',
          [IDEMPOTENCY_HEADER]: '<optional: a unique id per signal>',
        }
      : { [IDEMPOTENCY_HEADER]: '<optional: a unique id per signal>' },
    tradingViewMessage,
    ourJsonExample,
    notes: [
      hmac
        ? 'Sign every request; requests older than 5 minutes are refused. TradingView cannot sign: use a token provider for TradingView.'
        : 'Put the secret in the URL (?token=) or in the message ("secret"). The secret is removed before the message is stored.',
      'Type the message in TradingView itself: typographic quotes (“ ”) make it invalid JSON.',
      `TradingView sends from ${TRADINGVIEW_IPS.join(', ')}; you may allow only these addresses.`,
      'A repeated alert (same order id and time, same Idempotency-Key, or the same body within 5 minutes) is stored once.',
    ],
  };
}
