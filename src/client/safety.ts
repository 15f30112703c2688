/**
 * Safety actions of the sidebar: « Proposer les vérifications de sécurité » (adds to the schedule
 * the checks the venue's equipment calls for) and, on a maintenance ticket's form that has a cost
 * and no operation yet, « Passer en charge dans les opérations ». The cost's request id is kept
 * per ticket until the server answers (even across re-opening the form): a click after a network
 * error resends the same request, which the server answers without posting twice.
 */
import { type Locale, t } from '../shared/i18n';
import type { RecordView } from '../shared/rpc';
import { el } from './dom';
import { newRequestId } from './form';
import { call, ServerError } from './rpc';

const message = (locale: Locale, error: unknown) =>
  error instanceof ServerError && !error.transport ? error.message : t(locale, 'error.internal');

/** « Proposer les vérifications de sécurité » and its answer. */
export function renderSafetyProposal(locale: Locale): HTMLElement {
  const button = el(
    'button',
    { type: 'button', 'data-testid': 'safety-propose' },
    t(locale, 'menu.proposeChecks'),
  );
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'safety-status' });
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = t(locale, 'sidebar.loading');
    call('proposeSafetyCheckList')
      .then((answer) => {
        status.textContent = answer.message;
      })
      .catch((error: unknown) => {
        status.textContent = message(locale, error);
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return el('div', { class: 'safety-actions', 'data-testid': 'safety' }, button, status);
}

/** Ticket id → the request id of a posting not yet answered. */
const pendingPosts = new Map<string, string>();

/** The cost button for a maintenance ticket that has a cost and no operation, else null. */
export function renderMaintenanceCostAction(locale: Locale, record: RecordView): HTMLElement | null {
  const cost = record.values.cost;
  const hasCost = typeof cost === 'number' ? cost > 0 : typeof cost === 'string' && cost.trim() !== '';
  const operation = record.values.operationId;
  if (!hasCost || (operation !== null && operation !== undefined && String(operation).trim() !== ''))
    return null;
  const id = record.id;
  const label = t(locale, 'menu.postMaintenanceCost');
  const button = el('button', { type: 'button', 'data-testid': 'maintenance-post' }, label);
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'maintenance-post-status' });
  button.addEventListener('click', () => {
    const requestId = pendingPosts.get(id) ?? newRequestId();
    pendingPosts.set(id, requestId);
    button.disabled = true;
    status.textContent = t(locale, 'sidebar.loading');
    call('postMaintenanceCostToOperations', { id, requestId })
      .then((answer) => {
        pendingPosts.delete(id);
        status.textContent = answer.message;
        button.hidden = true;
      })
      .catch((error: unknown) => {
        // A refusal (no cost, already posted) will not pass by resending: the next click is new.
        // A lost answer or an internal error may come after the write: the next click resends.
        const unsure =
          !(error instanceof ServerError) || error.transport || error.rpc.code === 'error.internal';
        if (!unsure) pendingPosts.delete(id);
        status.textContent = unsure
          ? `${message(locale, error)} ${t(locale, 'form.retrySafe', { action: label })}`
          : message(locale, error);
        button.disabled = false;
      });
  });
  return el('div', { class: 'actions maintenance-post' }, button, status);
}
