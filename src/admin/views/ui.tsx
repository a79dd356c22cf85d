/** Small building blocks for console pages: notices, fields, pagination, CSRF input. */
import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../../services/core/errors.ts';

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'ok' | 'error'; children?: Child }) {
  return (
    <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Issues({ issues }: { issues: FieldIssue[] }) {
  if (!issues.length) return null;
  return (
    <ul class="issues">
      {issues.map((i) => (
        <li>
          {i.field ? <strong>{i.field}: </strong> : null}
          {i.message}
        </li>
      ))}
    </ul>
  );
}

/** Fields take an id when one page repeats a form (several journeys each with an "add a step" form). */
export function Field(props: { label: string; name: string; id?: string; type?: string; value?: string | number | null; required?: boolean; hint?: string; autocomplete?: string; inputmode?: string; min?: string; pattern?: string }) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? undefined}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode as 'numeric' | undefined}
        min={props.min}
        pattern={props.pattern}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      {props.hint && (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
    </p>
  );
}

export function TextArea(props: { label: string; name: string; id?: string; value?: string | null; required?: boolean; rows?: number }) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      <textarea id={id} name={props.name} required={props.required} rows={props.rows ?? 4}>
        {props.value ?? ''}
      </textarea>
    </p>
  );
}

export function Select(props: { label: string; name: string; id?: string; options: readonly (string | [string, string])[]; value?: string | null; blank?: string }) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => {
          const [value, text] = typeof o === 'string' ? [o, o] : o;
          return (
            <option value={value} selected={props.value === value}>
              {text}
            </option>
          );
        })}
      </select>
    </p>
  );
}

export function Checkbox(props: { label: string; name: string; checked?: boolean }) {
  const id = `f-${props.name}`;
  return (
    <p class="field check">
      <input id={id} type="checkbox" name={props.name} checked={props.checked} />
      <label for={id}>{props.label}</label>
    </p>
  );
}

/** Previous/next links that keep the current filters. */
export function Pagination({ page, pages, total, query }: { page: number; pages: number; total: number; query: Record<string, string | undefined> }) {
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== 'page') params.set(k, v);
    params.set('page', String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav class="pager" aria-label="Pages">
      {page > 1 ? <a href={link(page - 1)} rel="prev">← Previous</a> : <span />}
      <span>
        Page {page} of {pages} · {total} in all
      </span>
      {page < pages ? <a href={link(page + 1)} rel="next">Next →</a> : <span />}
    </nav>
  );
}

export function Empty({ children }: { children?: Child }) {
  return <p class="empty">{children}</p>;
}
