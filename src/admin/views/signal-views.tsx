/** Pieces of the Signals pages: the webhook instructions of a provider and the signals table with parse results. */
import type { ProviderWebhookInfo } from '../../services/signals/provider-webhook-info.ts';
import { fmtMoney, fmtTime } from './format.ts';
import { Empty } from './ui.tsx';

export interface SignalRow {
  id: string;
  providerId: string;
  providerName: string;
  symbol: string | null;
  action: string | null;
  price: unknown;
  stopLoss: unknown;
  takeProfit: unknown;
  processed: boolean;
  status: string;
  kind: string;
  format: string | null;
  rejectReason: string | null;
  createdAt: Date;
}

type Num = Parameters<typeof fmtMoney>[0];

export function SignalsTable({ rows, showProvider = true }: { rows: SignalRow[]; showProvider?: boolean }) {
  if (rows.length === 0) return <Empty>No signals yet.</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">When</th>
          {showProvider && <th scope="col">Provider</th>}
          <th scope="col">Result</th>
          <th scope="col">Format</th>
          <th scope="col">Kind</th>
          <th scope="col">Symbol</th>
          <th scope="col">Action</th>
          <th scope="col">Price</th>
          <th scope="col">Stop</th>
          <th scope="col">Target</th>
          <th scope="col">Processed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr>
            <td>{fmtTime(s.createdAt)}</td>
            {showProvider && <td><a href={`/admin/signals/providers/${s.providerId}`}>{s.providerName}</a></td>}
            <td>
              <span class={`status ${s.status === 'rejected' ? 'error' : 'active'}`}>{s.status}</span>
              {s.rejectReason ? <div class="sub error-text">{s.rejectReason}</div> : null}
            </td>
            <td>{s.format ?? '—'}</td>
            <td>{s.kind}</td>
            <td>{s.symbol ?? '—'}</td>
            <td>{s.action ?? '—'}</td>
            <td class="num">{fmtMoney(s.price as Num, 4)}</td>
            <td class="num">{fmtMoney(s.stopLoss as Num, 4)}</td>
            <td class="num">{fmtMoney(s.takeProfit as Num, 4)}</td>
            <td>{s.processed ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where and how to send alerts. With the secret filled in only on the one-time page after create or rotate. */
export function WebhookDetails({ webhook }: { webhook: ProviderWebhookInfo }) {
  return (
    <>
      <dl>
        <dt>Webhook URL</dt>
        <dd><code class="wrap" id="webhook-url">{webhook.url}</code></dd>
        <dt>Authentication</dt>
        <dd>{webhook.auth === 'hmac' ? 'HMAC signature headers' : 'secret token (URL ?token= or "secret" in the message)'}</dd>
        {webhook.urlWithToken && (
          <>
            <dt>URL with token</dt>
            <dd><code class="wrap">{webhook.urlWithToken}</code></dd>
          </>
        )}
        <dt>Headers</dt>
        <dd>
          <ul>{Object.entries(webhook.headers).map(([k, v]) => <li><code>{k}</code>: {v}</li>)}</ul>
        </dd>
      </dl>
      <h3>Example TradingView alert message</h3>
      <pre class="wrap" id="tradingview-message"><code>{webhook.tradingViewMessage}</code></pre>
      <h3>Our JSON format</h3>
      <pre class="wrap"><code>{webhook.ourJsonExample}</code></pre>
      <ul class="sub">{webhook.notes.map((n) => <li>{n}</li>)}</ul>
    </>
  );
}
