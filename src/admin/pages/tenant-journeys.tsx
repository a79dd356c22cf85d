/**
 * A community's journeys (conversational flows): each with its triggers and ordered steps, a
 * form to append a step (message, question, delay, wait for a reply), and a form to create a
 * journey with its trigger and first step.
 */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { addJourneyStep } from '../../services/journeys/add-journey-step.ts';
import { createJourney } from '../../services/journeys/create-journey.ts';
import { listJourneys } from '../../services/journeys/list-journeys.ts';
import { getTenantOverview } from '../../services/tenants/get-tenant-overview.ts';
import { JOURNEY_STEP_TYPES } from '../../shared/enums.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { describeStep } from '../views/tenant-views.tsx';
import { Csrf, Empty, Field, Select, TextArea } from '../views/ui.tsx';

const STEP_LABELS: Record<string, string> = { message: 'Message', question: 'Question (waits for the answer)', delay: 'Delay', wait_for_reply: 'Wait for a reply' };

/** The step fields of a form, as the step input schema reads them (blank fields are dropped there). */
function stepFrom(f: Record<string, string>) {
  return { type: f.stepType, text: f.text, seconds: f.seconds, key: f.key } as never;
}

function StepFields({ prefix }: { prefix: string }) {
  return (
    <>
      <Select label="Step type" name="stepType" id={`${prefix}-type`} options={JOURNEY_STEP_TYPES.map((t) => [t, STEP_LABELS[t] ?? t] as [string, string])} />
      <TextArea label="Text (message, question, or prompt)" name="text" id={`${prefix}-text`} rows={3} />
      <div class="row">
        <Field label="Delay in seconds (delay steps)" name="seconds" id={`${prefix}-seconds`} type="number" min="1" hint="3600 = 1 hour, 86400 = 1 day" />
        <Field label="Answer key (question, wait for reply)" name="key" id={`${prefix}-key`} hint="snake_case, such as email" />
      </div>
    </>
  );
}

export function registerTenantJourneyPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/tenants/:id/journeys', async (c) => {
    const ctx = adminCtx(c, env);
    const tenantId = c.req.param('id');
    const { tenant, botConnections } = await getTenantOverview({ ctx, input: { tenantId } });
    const journeys = await listJourneys({ ctx, input: { tenantId } });
    const bot = botConnections.find((b) => b.botRole === 'message_bot') ?? botConnections[0];
    const csrf = c.get('csrfToken');
    const base = `/admin/tenants/${tenant.id}/journeys`;
    return page(c, `Journeys: ${tenant.name}`, <>
      <DoneNotice c={c} />
      <p><a href={`/admin/tenants/${tenant.id}`}>← Back to the community</a></p>
      {journeys.length === 0 ? <Empty>No journeys yet.</Empty> : journeys.map((j) => (
        <section class="card" id={`journey-${j.id}`}>
          <h2>{j.name} <span class="sub">{j.isActive ? 'active' : 'inactive'}</span></h2>
          {j.description && <p>{j.description}</p>}
          <p class="sub">
            Starts on: {j.triggers.map((t) => (t.type === 'deep_link' ? `link ${bot?.botUsername ? `t.me/${bot.botUsername}?start=` : '/start '}${String(t.config.payload)}` : `keyword “${String(t.config.keyword)}” (${String(t.config.match ?? 'exact')})`)).join(', ')}
            {' · '}chats: {Object.entries(j.sessions).map(([k, n]) => `${n} ${k.replace('_', ' ')}`).join(', ') || 'none yet'}
          </p>
          <ol class="steps">{j.steps.map((s) => <li>{describeStep(s.type, s.config)}</li>)}</ol>
          <form method="post" action={`${base}/${j.id}/steps`} class="editor">
            <h3>Add a step</h3>
            <Csrf token={csrf} />
            <StepFields prefix={`step-${j.id}`} />
            <button type="submit">Add step</button>
          </form>
        </section>
      ))}
      <form method="post" action={base} class="card" id="new-journey">
        <h2>New journey</h2>
        <Csrf token={csrf} />
        <Field label="Name" name="name" required />
        <Field label="Description" name="description" />
        <div class="row">
          <Select label="Trigger" name="triggerType" options={[['deep_link', 'deep link (/start payload)'], ['keyword', 'keyword']]} />
          <Field label="Payload or keyword" name="trigger" required />
        </div>
        <h3>First step</h3>
        <StepFields prefix="first-step" />
        <button type="submit">Create journey</button>
      </form>
    </>, { current: '/admin/tenants' });
  });

  app.post('/tenants/:id/journeys', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    const trigger = f.triggerType === 'keyword' ? { type: 'keyword' as const, keyword: f.trigger ?? '' } : { type: 'deep_link' as const, payload: f.trigger ?? '' };
    await createJourney({
      ctx: adminCtx(c, env),
      input: { tenantId, name: f.name ?? '', description: f.description?.trim() ? f.description : undefined, triggers: [trigger], steps: [stepFrom(f)] },
    });
    return done(c, `/admin/tenants/${tenantId}/journeys`, 'journey_created');
  });

  app.post('/tenants/:id/journeys/:jid/steps', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    await addJourneyStep({ ctx: adminCtx(c, env), input: { tenantId, journeyId: c.req.param('jid'), step: stepFrom(f) } });
    return done(c, `/admin/tenants/${tenantId}/journeys`, 'step_added');
  });
}
