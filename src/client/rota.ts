/**
 * The « Aujourd’hui » section of the sidebar: today's opening and closing (asked for when the
 * user opens it, so the sidebar still opens in one call) and « Proposer le planning de la semaine
 * du … » for a chosen Monday. The proposal keeps its request id until it succeeds: a click after
 * a network error resends the same request, which the server answers without writing twice.
 */
import { type Locale, t } from '../shared/i18n';
import type { getTodayRota } from '../server/api';
import type { RpcData } from '../shared/rpc';
import { el, replaceChildren } from './dom';
import { newRequestId } from './form';
import { call, ServerError } from './rpc';

type TodayRota = RpcData<ReturnType<typeof getTodayRota>>;

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The coming Monday (today when it is a Monday), ISO, in the browser's calendar. */
function comingMonday(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const wd = (d.getDay() + 6) % 7;
  if (wd !== 0) d.setDate(d.getDate() + 7 - wd);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

function todayList(locale: Locale, rota: TodayRota): HTMLElement {
  if (rota.lines.length === 0) return el('p', { 'data-testid': 'rota-none' }, t(locale, 'rota.today.none'));
  return el(
    'ul',
    { 'data-testid': 'rota-lines' },
    ...rota.lines.map((line) => {
      const time = [line.startTime, line.endTime].filter((x) => x).join('–');
      return el(
        'li',
        { 'data-testid': 'rota-line' },
        el('strong', {}, line.shift),
        time ? ` ${time}` : '',
        ' · ',
        line.person ?? t(locale, 'rota.today.nobody'),
        line.backup ? ` (→ ${line.backup})` : '',
        line.checked.length
          ? el(
              'div',
              { class: 'help' },
              t(locale, 'rota.today.checklist', { items: line.checked.join(', ') }),
            )
          : null,
        line.notes ? el('div', { class: 'help' }, line.notes) : null,
      );
    }),
  );
}

export function renderRotaPanel(locale: Locale): HTMLElement {
  const show = el('button', { type: 'button', 'data-testid': 'rota-show' }, t(locale, 'rota.today.show'));
  const today = el('div', { 'data-testid': 'rota-today' });
  const week = el('input', { id: 'rota-week', type: 'date', value: comingMonday(new Date()) });
  const propose = el(
    'button',
    { type: 'button', 'data-testid': 'rota-propose' },
    `${t(locale, 'rota.propose.button')} ${frDate(week.value)}`,
  );
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'rota-status' });
  let pending: { requestId: string; weekOf: string } | null = null;

  week.addEventListener('change', () => {
    propose.textContent = week.value ? `${t(locale, 'rota.propose.button')} ${frDate(week.value)}` : '';
  });
  show.addEventListener('click', () => {
    show.disabled = true;
    call('getTodayRota')
      .then((rota) => replaceChildren(today, todayList(locale, rota)))
      .catch((e: unknown) => {
        replaceChildren(today, el('p', { role: 'alert' }, e instanceof ServerError ? e.message : String(e)));
      })
      .finally(() => {
        show.disabled = false;
      });
  });
  propose.addEventListener('click', () => {
    if (!week.value) return;
    if (!pending || pending.weekOf !== week.value)
      pending = { requestId: newRequestId(), weekOf: week.value };
    const request = pending;
    propose.disabled = true;
    status.textContent = t(locale, 'sidebar.loading');
    call('proposeRotaWeek', { weekOf: request.weekOf, requestId: request.requestId })
      .then((answer) => {
        pending = null;
        status.textContent = answer.message;
      })
      .catch((e: unknown) => {
        // A refusal (unreadable hours) will not pass by resending: the next click is a new request.
        if (e instanceof ServerError && !e.transport) pending = null;
        status.textContent = e instanceof ServerError ? e.message : String(e);
      })
      .finally(() => {
        propose.disabled = false;
      });
  });

  return el(
    'section',
    { class: 'rota', 'aria-labelledby': 'rota-title', 'data-testid': 'rota' },
    el('h2', { id: 'rota-title' }, t(locale, 'rota.today.title')),
    show,
    today,
    el('div', { class: 'field' }, el('label', { for: 'rota-week' }, t(locale, 'rota.propose.button')), week),
    propose,
    status,
  );
}
