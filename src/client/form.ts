/**
 * A record form: create (no record) or edit (a record), generated from the table's form
 * description. An edit sends only the changed fields. Each submission carries a request id kept
 * until it gets a success or a field error: clicking again after a network or server error
 * resends the same submission, so a save that failed after writing is not written twice; the
 * submit button stays disabled while it is in flight (a double click writes one row). Server
 * errors land on their fields, focus moves to the first one.
 */
import { type Locale, t } from '../shared/i18n';
import type { FormData, FormDescription, FormValue, RecordView } from '../shared/rpc';
import { el, replaceChildren } from './dom';
import { buildField, type FieldControl } from './fields';
import { call, ServerError } from './rpc';

/** 128 random bits as hex: the id of one submission. */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += (b < 16 ? '0' : '') + b.toString(16);
  return out;
}

/** One submission: what is sent (`id`, `values`, `requestId`) and the screen it was made from. */
interface Submission {
  requestId: string;
  id: string | null;
  values: Record<string, string | boolean>;
  /** Every field as shown when it was made: what the server holds once it lands. */
  shown: Map<string, string | boolean>;
}

/** Renders the form of `form` into `root`, for `data.record` when editing. */
export function renderRecordForm(
  root: HTMLElement,
  form: FormDescription,
  data: FormData,
  locale: Locale,
  onSaved: (record: RecordView) => void,
): void {
  let record = data.record;
  const controls: FieldControl[] = form.fields.map((field) =>
    buildField(field, locale, data.refOptions[field.key] ?? []),
  );
  const title = el('h2', { tabindex: '-1' });
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'form-status' });
  const alert = el('p', { class: 'error', role: 'alert', 'data-testid': 'form-error' });
  const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'submit' });
  const formEl = el(
    'form',
    { novalidate: '', 'data-testid': 'record-form', 'data-sheet': form.key },
    el('p', { class: 'help' }, t(locale, 'form.requiredNote')),
    ...controls.map((c) => c.block),
    alert,
    el('div', { class: 'actions' }, submit),
    status,
  );
  let baseline = new Map<string, string | boolean>();
  let saving = false;
  /**
   * The submission sent and not yet answered by a success or a field error. While it is set, a
   * click resends it unchanged, whatever the user edited since: it may already be written (a
   * failure after the write, a lost answer), and only its own request id lets the server answer
   * from the stored record instead of writing it twice. The edits follow once it is answered.
   */
  let pending: Submission | null = null;

  const showMode = () => {
    title.textContent = record
      ? t(locale, 'form.editTitle', { id: record.id, label: record.label })
      : t(locale, 'form.newTitle', { name: form.name });
    submit.textContent = t(locale, record ? 'form.update' : 'form.create');
    formEl.setAttribute('data-id', record?.id ?? '');
    for (const control of controls) control.write(record ? (record.values[control.field.key] ?? null) : null);
    baseline = new Map(controls.map((c) => [c.field.key, c.read()]));
  };

  const clearErrors = () => {
    alert.textContent = '';
    for (const control of controls) control.showError(null);
  };

  /** The values the screen shows now, by field key. */
  const screen = () => new Map(controls.map((c) => [c.field.key, c.read()]));

  /** What `shown` changes against `base`: the fields to send (all non-empty ones when creating). */
  const changes = (shown: Map<string, string | boolean>, base: Map<string, string | boolean> | null) => {
    const values: Record<string, string | boolean> = {};
    for (const [key, value] of shown) {
      if (base ? value !== base.get(key) : value !== '') values[key] = value;
    }
    return values;
  };

  /** Sends `submission`; on success, sends what the screen showed at the click beyond it. */
  const send = (submission: Submission, clicked: Map<string, string | boolean>) => {
    const created = !record;
    status.textContent = t(locale, 'form.saving');
    call('saveRecord', {
      sheet: form.key,
      id: submission.id,
      values: submission.values,
      requestId: submission.requestId,
    })
      .then((saved) => {
        pending = null;
        // The server now holds the screen as it was when this submission was first sent.
        baseline = submission.shown;
        const merged: Record<string, FormValue> = { ...(record?.values ?? {}) };
        for (const [key, value] of submission.shown) merged[key] = value;
        const label = String(merged[form.labelField] ?? '') || saved.id;
        record = { sheet: form.key, id: saved.id, row: saved.row, label, values: merged };
        // Keep what the user typed on screen.
        title.textContent = t(locale, 'form.editTitle', { id: saved.id, label });
        submit.textContent = t(locale, 'form.update');
        formEl.setAttribute('data-id', saved.id);
        onSaved(record);
        // A retry resent the first submission as it was; what the user changed since then
        // (shown at the click) follows as an update of the record that now exists.
        const rest = changes(clicked, baseline);
        if (Object.keys(rest).length > 0) {
          pending = { requestId: newRequestId(), id: saved.id, values: rest, shown: clicked };
          send(pending, clicked);
          return;
        }
        status.textContent = saved.duplicate
          ? t(locale, 'form.duplicate', { id: saved.id })
          : t(locale, created ? 'form.created' : 'form.updated', { id: saved.id, row: saved.row });
        done();
      })
      .catch((error: unknown) => {
        status.textContent = '';
        const rpc = error instanceof ServerError ? error.rpc : null;
        // A refused field: nothing was written and the user will change the input, so the next
        // click is a new submission. Any other failure may have come after the write: the next
        // click resends this very submission (same request id), which the server recognises.
        if (rpc && (rpc.field || (rpc.fields?.length ?? 0) > 0)) pending = null;
        showServerError(error, controls, alert, locale);
        if (pending)
          alert.textContent = [
            alert.textContent,
            t(locale, 'form.retrySafe', { action: submit.textContent ?? '' }),
          ]
            .filter(Boolean)
            .join(' ');
        done();
      });
  };

  const done = () => {
    saving = false;
    submit.disabled = false;
    formEl.removeAttribute('aria-busy');
  };

  formEl.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    clearErrors();
    status.textContent = '';
    // A picker holding an impossible date sends nothing: its empty value would read as
    // « obligatoire », or clear the stored date on an edit.
    const refused = controls.filter((c) => c.problem?.());
    if (refused.length > 0) {
      for (const control of refused) control.showError(control.problem?.() ?? null);
      alert.textContent = refused.map((c) => c.problem?.()).join(' ');
      refused[0].focusTarget.focus();
      return;
    }
    const clicked = screen();
    if (!pending) {
      const values = changes(clicked, record ? baseline : null);
      if (record && Object.keys(values).length === 0) {
        status.textContent = t(locale, 'form.unchanged');
        return;
      }
      pending = { requestId: newRequestId(), id: record?.id ?? null, values, shown: clicked };
    }
    saving = true;
    submit.disabled = true;
    formEl.setAttribute('aria-busy', 'true');
    send(pending, clicked);
  });

  replaceChildren(root, title, formEl);
  showMode();
  title.focus();
}

function showServerError(error: unknown, controls: FieldControl[], alert: HTMLElement, locale: Locale): void {
  // A failure outside the server's boundary carries Google's raw text: the user reads ours.
  const rpc = error instanceof ServerError && !error.transport ? error.rpc : null;
  if (error instanceof ServerError && error.transport) console.error(error.message);
  alert.textContent = rpc ? rpc.message : t(locale, 'error.internal');
  const byField = new Map((rpc?.fields ?? []).map((f) => [f.field, f.message]));
  if (rpc?.field && !byField.has(rpc.field)) byField.set(rpc.field, rpc.message);
  let first: FieldControl | null = null;
  const orphans: string[] = [];
  for (const [key, message] of byField) {
    const control = controls.find((c) => c.field.key === key);
    if (!control) orphans.push(message);
  }
  for (const control of controls) {
    const message = byField.get(control.field.key);
    if (message === undefined) continue;
    control.showError(message);
    first = first ?? control;
  }
  if (orphans.length > 0) alert.textContent = [alert.textContent, ...orphans].join(' ');
  (first?.focusTarget ?? alert).focus();
}
