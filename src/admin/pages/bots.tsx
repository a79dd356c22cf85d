/** Bots: every bot with status and P&L; pause or stop on the owner's behalf; recent executions. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listBots } from '../../services/admin-bots/list-bots.ts';
import { listRecentExecutions } from '../../services/admin-bots/list-recent-executions.ts';
import { adminPauseBot } from '../../services/admin-bots/admin-pause-bot.ts';
import { adminStopBot } from '../../services/admin-bots/admin-stop-bot.ts';
import { BOT_STATUSES, BOT_TYPES } from '../../shared/enums.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtMoney, fmtSigned, fmtTime } from '../views/format.ts';
import { Csrf, Empty, Field, Pagination, Select } from '../views/ui.tsx';

export function registerBotPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/bots', async (c) => {
    const q = c.req.query();
    const ctx = adminCtx(c, env);
    const [result, recent] = await Promise.all([listBots({ ctx, input: q }), listRecentExecutions({ ctx, input: { errorsOnly: q.errors === '1' } })]);
    const csrf = c.get('csrfToken');
    return page(c, 'Bots', <>
      <DoneNotice c={c} />
      <form method="get" action="/admin/bots" class="filters">
        <Field label="Search" name="q" type="search" value={q.q} hint="Bot name, pair or owner email" />
        <Select label="Status" name="status" options={BOT_STATUSES} value={q.status} blank="Any" />
        <Select label="Type" name="type" options={BOT_TYPES} value={q.type} blank="Any" />
        <button type="submit">Filter</button>
      </form>
      {result.rows.length === 0 ? <Empty>No bots match.</Empty> : (
        <table>
          <thead><tr><th scope="col">Bot</th><th scope="col">Owner</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Trades (W/L)</th><th scope="col">P&amp;L</th><th scope="col">Actions</th></tr></thead>
          <tbody>{result.rows.map((b) => (
            <tr>
              <td>{b.name}<div class="sub">{b.exchange} {b.tradingPair ?? ''}{b.paperTrading ? ' · paper' : ' · live'}</div></td>
              <td><a href={`/admin/users/${b.userId}`}>{b.userEmail ?? b.userId}</a></td>
              <td>{b.type}</td>
              <td><span class={`status ${b.status}`}>{b.status}</span>{b.errorMessage ? <div class="sub error-text">{b.errorMessage}</div> : null}</td>
              <td class="num">{b.totalTrades} ({b.winningTrades}/{b.losingTrades})</td>
              <td class="num">{fmtSigned(b.profit)}<div class="sub">{fmtMoney(b.profitPercentage)}%</div></td>
              <td class="actions-cell">
                {b.status === 'active' && (
                  <form method="post" action={`/admin/bots/${b.id}/pause`} class="inline"><Csrf token={csrf} /><button type="submit" class="secondary" aria-label={`Pause ${b.name}`}>Pause</button></form>
                )}
                {b.status !== 'inactive' && (
                  <>
                    <form method="post" action={`/admin/bots/${b.id}/stop`} class="inline"><Csrf token={csrf} /><button type="submit" class="danger" aria-label={`Stop ${b.name} and keep its positions`}>Stop, keep positions</button></form>
                    <form method="post" action={`/admin/bots/${b.id}/stop`} class="inline"><Csrf token={csrf} /><input type="hidden" name="closePositions" value="1" /><button type="submit" class="danger" aria-label={`Stop ${b.name} and close its positions at market`}>Stop, close positions</button></form>
                  </>
                )}
              </td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <Pagination page={result.page} pages={result.pages} total={result.total} query={q} />
      <section class="card">
        <h2>Recent executions {q.errors === '1' ? '(errors only)' : ''}</h2>
        <p><a href={q.errors === '1' ? '/admin/bots' : '/admin/bots?errors=1'}>{q.errors === '1' ? 'Show all' : 'Show errors only'}</a></p>
        {recent.length === 0 ? <Empty>No executions yet.</Empty> : (
          <table>
            <thead><tr><th scope="col">When</th><th scope="col">Bot</th><th scope="col">Signal</th><th scope="col">Price</th><th scope="col">Result</th></tr></thead>
            <tbody>{recent.map((e) => <tr><td>{fmtTime(e.timestamp)}</td><td>{e.botName}</td><td>{e.signal}</td><td class="num">{fmtMoney(e.price, 4)}</td><td>{e.status === 'error' ? <span class="error-text">{e.error ?? 'error'}</span> : e.reason}</td></tr>)}</tbody>
          </table>
        )}
      </section>
    </>, { current: '/admin/bots' });
  });

  app.post('/bots/:id/pause', async (c) => {
    const f = await form(c);
    await adminPauseBot({ ctx: adminCtx(c, env), input: { botId: c.req.param('id'), reason: f.reason } });
    return done(c, '/admin/bots', 'paused');
  });
  app.post('/bots/:id/stop', async (c) => {
    const f = await form(c);
    await adminStopBot({ ctx: adminCtx(c, env), input: { botId: c.req.param('id'), reason: f.reason, closePositions: f.closePositions } });
    return done(c, '/admin/bots', 'stopped');
  });
}
