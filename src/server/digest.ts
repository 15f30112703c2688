/**
 * The « À faire » panel and the opt-in daily digest.
 *
 * - `todoList`: the due items (src/domain/reminders) of today, grouped, for the sidebar's panel,
 *   loaded when the panel is opened (the sidebar still opens in one call).
 * - Opting in (`setDigestSubscription(true)`): only a coordinator listed in « Paramètres du
 *   lieu » « E-mails des coordinateur·ices » may; their address joins one list in the document
 *   properties, and ONE time-driven trigger (everyDays(1).atHour(7), the script's time zone) is
 *   installed for the whole document if none is recorded. Installable triggers belong to the
 *   user who creates them and `ScriptApp.getProjectTriggers()` lists only the current user's
 *   (developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()), so the
 *   trigger's id and owner are recorded in the document properties: a second coordinator opting
 *   in finds it there and creates nothing.
 * - Opting out removes the address; the last one out removes the trigger when they own it, else
 *   the trigger removes itself at its next run (it runs as its owner and finds nobody to write to).
 * - The trigger (`sendDailyDigest`), under the document lock: reads the due items once, sends each
 *   opted-in coordinator still listed ONE e-mail (HTML and plain text, French), journals each
 *   send (summary: recipient and count only), and records the day sent, so a second firing the
 *   same day sends nothing. No e-mail when nothing is due or nobody is subscribed; when
 *   `MailApp.getRemainingDailyQuota()` is below the number of recipients it sends nothing, logs
 *   and journals why.
 */
import { CLOSED_NEXT_STEP_STATUSES } from '../domain/people/next-steps';
import { formatMessage, type Locale, t } from '../shared/i18n';
import { requireSheet } from '../schema';
import {
  DUE_GROUPS,
  type DueGroup,
  type DueItem,
  type DueKind,
  dueItems,
  type NextStep,
  nextStepsFromMeetings,
  type SafetyDue,
  safetyDueFromSchedule,
} from '../domain/reminders/due-items';
import { appendJournal } from './adapters/journal';
import { type OutgoingMail, remainingMailQuota, sendMail } from './adapters/mail-gateway';
import { readSettingValues, readTypedColumns } from './adapters/reminder-sources';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError } from './errors';
import { withDocumentLock } from './lock';

/** The global function the trigger calls (src/server/main.ts). */
export const DIGEST_TRIGGER_HANDLER = 'dailyDigestTrigger';
/** The hour (script time zone) the digest goes out; Google picks a minute within it. */
export const DIGEST_HOUR = 7;

/**
 * The e-mail's and the journal's texts: French only (the digest is written in French whatever
 * the recipient's locale), kept here rather than in the catalogues that the sidebar page carries.
 */
const MAIL_TEXT = {
  subject: 'Pilote — à faire au {date}',
  intro: '{venue}\u00a0: {count, plural, one {# chose à faire} other {# choses à faire}} au {date}.',
  footer:
    'Vous recevez ce message parce que vous avez demandé le récapitulatif quotidien dans Pilote. Pour l’arrêter\u00a0: Extensions → Pilote → Recevoir le récapitulatif quotidien.',
  journalSent:
    'Récapitulatif quotidien envoyé à {email}\u00a0: {count, plural, one {# élément} other {# éléments}}',
  journalQuota:
    'Récapitulatif quotidien non envoyé\u00a0: il reste {left, number} envoi(s) d’e-mail aujourd’hui pour {needed, number} destinataire(s).',
} as const;

const fr = (pattern: string, params: Record<string, string | number>): string =>
  formatMessage(pattern, params, 'fr');

const RECIPIENTS_KEY = 'pilote.digest.recipients';
const TRIGGER_KEY = 'pilote.digest.trigger';
const SENT_KEY = 'pilote.digest.lastSent';

/** One item as the panel shows it. */
export interface TodoItemView {
  kind: DueKind;
  kindLabel: string;
  title: string;
  /** dd/mm/yyyy, or '' without a date. */
  date: string;
  /** « dans 3 jours », « en retard de 2 jours », « sans date ». */
  when: string;
  late: boolean;
  sheet: string;
  sheetName: string;
  recordId: string;
  row: number | null;
}

/** The panel's content. */
export interface TodoList {
  /** dd/mm/yyyy. */
  today: string;
  count: number;
  groups: { group: DueGroup; label: string; items: TodoItemView[] }[];
  /** Whether the current user receives the digest. */
  subscribed: boolean;
}

/** What (un)subscribing did. */
export interface DigestState {
  subscribed: boolean;
  triggerCreated: boolean;
  triggerRemoved: boolean;
  message: string;
}

/** What one run of the trigger did. */
export interface DigestReport {
  sent: string[];
  items: number;
  skipped: 'alreadySent' | 'nobody' | 'nothingDue' | 'quota' | null;
}

/** The safety checks owed: « Échéancier de sécurité » rolled by the register's typed dates. */
export function safetySource(workbook: WorkbookSession, today: string): SafetyDue[] {
  return safetyDueFromSchedule(
    readTypedColumns(workbook, 'safetySchedule'),
    readTypedColumns(workbook, 'safetyChecks'),
    today,
  );
}

/**
 * The meeting next steps: the open lines of « Suites à donner » with a due date, and the dated
 * lines still typed in the free text of « Réunions » (workbooks from before schema 4).
 */
export function nextStepSource(workbook: WorkbookSession): NextStep[] {
  const fromTable: NextStep[] = [];
  for (const r of readTypedColumns(workbook, 'nextSteps')) {
    const due = r.values.dueDate;
    if (typeof due !== 'string' || CLOSED_NEXT_STEP_STATUSES.includes(String(r.values.status ?? '')))
      continue;
    const owner = String(r.values.owner ?? '');
    fromTable.push({
      recordId: r.id,
      row: r.row ?? null,
      sheet: 'nextSteps',
      meeting: String(r.values.meeting ?? ''),
      text: owner === '' ? String(r.values.action ?? '') : `${String(r.values.action ?? '')} (${owner})`,
      due: due.slice(0, 10),
    });
  }
  return [...fromTable, ...nextStepsFromMeetings(readTypedColumns(workbook, 'meetings'))];
}

/** Today's date in the spreadsheet's time zone, ISO. */
function todayIso(workbook: WorkbookSession): string {
  return Utilities.formatDate(new Date(), workbook.timeZone(), 'yyyy-MM-dd');
}

/** Every item due today: one narrow read per source table, no formula read. */
export function readDueItems(workbook: WorkbookSession, today: string = todayIso(workbook)): DueItem[] {
  return dueItems(
    {
      safety: safetySource(workbook, today),
      grants: readTypedColumns(workbook, 'grants'),
      maintenance: readTypedColumns(workbook, 'maintenance'),
      bookings: readTypedColumns(workbook, 'bookings'),
      actions: readTypedColumns(workbook, 'actions'),
      structures: readTypedColumns(workbook, 'structures'),
      nextSteps: nextStepSource(workbook),
    },
    today,
  );
}

const frDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function view(item: DueItem, locale: Locale): TodoItemView {
  const sheet = requireSheet(item.sheet);
  const when =
    item.days === null
      ? t(locale, 'todo.noDate')
      : item.days < 0
        ? t(locale, 'todo.late', { days: -item.days })
        : t(locale, 'todo.when', { days: item.days });
  return {
    kind: item.kind,
    kindLabel: t(locale, `todo.kind.${item.kind}`),
    title: item.title,
    date: item.date === null ? '' : frDate(item.date),
    when,
    late: item.days !== null && item.days < 0,
    sheet: item.sheet,
    sheetName: locale === 'en' ? (sheet.nameEn ?? sheet.name) : sheet.name,
    recordId: item.recordId,
    row: item.row,
  };
}

function grouped(items: readonly DueItem[], locale: Locale): TodoList['groups'] {
  return DUE_GROUPS.map((group) => ({
    group,
    label: t(locale, `todo.group.${group}`),
    items: items.filter((i) => i.group === group).map((i) => view(i, locale)),
  })).filter((g) => g.items.length > 0);
}

/** Document properties: the subscribers (lower-case e-mails). */
function recipients(props: GoogleAppsScript.Properties.Properties): string[] {
  try {
    const list = JSON.parse(props.getProperty(RECIPIENTS_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch (_e) {
    return [];
  }
}

function coordinators(workbook: WorkbookSession): string[] {
  const raw = readSettingValues(workbook, ['coordinatorEmails']).coordinatorEmails;
  return String(raw ?? '')
    .split(/[,;\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/** Whether the current user receives the digest (one properties read). */
export function isSubscribed(): boolean {
  const me = Session.getActiveUser().getEmail().toLowerCase();
  return me !== '' && recipients(PropertiesService.getDocumentProperties()).includes(me);
}

/** The « À faire » panel for `locale`. */
export function todoList(locale: Locale): TodoList {
  const workbook = new WorkbookSession();
  const today = todayIso(workbook);
  const items = readDueItems(workbook, today);
  const subscribed = isSubscribed();
  return { today: frDate(today), count: items.length, groups: grouped(items, locale), subscribed };
}

interface StoredTrigger {
  id: string;
  owner: string;
}

function storedTrigger(props: GoogleAppsScript.Properties.Properties): StoredTrigger | null {
  try {
    const v = JSON.parse(props.getProperty(TRIGGER_KEY) ?? 'null') as StoredTrigger | null;
    return v && typeof v.id === 'string' && typeof v.owner === 'string' ? v : null;
  } catch (_e) {
    return null;
  }
}

function myDigestTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((tr) => tr.getHandlerFunction() === DIGEST_TRIGGER_HANDLER);
}

/**
 * Subscribes (`on`) or unsubscribes the current user. A user not listed as a coordinator gets
 * `digest.notCoordinator` and nothing changes.
 */
export function setDigestSubscription(on: boolean, locale: Locale): DigestState {
  const me = Session.getActiveUser().getEmail().toLowerCase();
  if (me === '') throw new PiloteError('digest.noEmail');
  return withDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    const list = recipients(props);
    let triggerCreated = false;
    let triggerRemoved = false;
    if (on) {
      if (!coordinators(new WorkbookSession()).includes(me))
        throw new PiloteError('digest.notCoordinator', { email: me });
      if (!list.includes(me)) list.push(me);
      props.setProperty(RECIPIENTS_KEY, JSON.stringify(list));
      const stored = storedTrigger(props);
      // Someone else's trigger cannot be listed: trust the record. Ours is checked (deleted by hand?).
      if (!stored || stored.owner === me) {
        const mine = myDigestTriggers();
        const kept = mine.find((tr) => tr.getUniqueId() === stored?.id) ?? mine[0];
        const trigger =
          kept ??
          ScriptApp.newTrigger(DIGEST_TRIGGER_HANDLER).timeBased().everyDays(1).atHour(DIGEST_HOUR).create();
        triggerCreated = kept === undefined;
        if (!stored || stored.id !== trigger.getUniqueId())
          props.setProperty(TRIGGER_KEY, JSON.stringify({ id: trigger.getUniqueId(), owner: me }));
      }
      return {
        subscribed: true,
        triggerCreated,
        triggerRemoved,
        message: t(locale, 'digest.on', { email: me }),
      };
    }
    const rest = list.filter((x) => x !== me);
    if (rest.length !== list.length) props.setProperty(RECIPIENTS_KEY, JSON.stringify(rest));
    const stored = storedTrigger(props);
    if (rest.length === 0 && (!stored || stored.owner === me)) {
      for (const tr of myDigestTriggers()) {
        ScriptApp.deleteTrigger(tr);
        triggerRemoved = true;
      }
      if (stored) props.deleteProperty(TRIGGER_KEY);
    }
    return { subscribed: false, triggerCreated, triggerRemoved, message: t(locale, 'digest.off') };
  });
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The digest's subject, plain text and HTML (French). */
export function composeDigest(
  venue: string,
  today: string,
  items: readonly DueItem[],
): Omit<OutgoingMail, 'to'> {
  const locale: Locale = 'fr';
  const date = frDate(today);
  const groups = grouped(items, locale);
  const intro = fr(MAIL_TEXT.intro, { venue, count: items.length, date });
  const line = (i: TodoItemView) =>
    `${i.date === '' ? i.when : `${i.date} (${i.when})`} — ${i.kindLabel} : ${i.title} [${i.sheetName} ${i.recordId}]`;
  const body = [
    intro,
    '',
    ...groups.flatMap((g) => [g.label, ...g.items.map((i) => `- ${line(i)}`), '']),
    MAIL_TEXT.footer,
  ].join('\n');
  const htmlBody = [
    `<p>${escapeHtml(intro)}</p>`,
    ...groups.map(
      (g) =>
        `<h3>${escapeHtml(g.label)}</h3><ul>${g.items
          .map(
            (i) =>
              `<li${i.late ? ' style="color:#c62828"' : ''}><strong>${escapeHtml(i.date === '' ? i.when : i.date)}</strong>${
                i.date === '' ? '' : ` (${escapeHtml(i.when)})`
              } — ${escapeHtml(i.kindLabel)}\u00a0: ${escapeHtml(i.title)} <small>${escapeHtml(i.sheetName)} ${escapeHtml(i.recordId)}</small></li>`,
          )
          .join('')}</ul>`,
    ),
    `<p><small>${escapeHtml(MAIL_TEXT.footer)}</small></p>`,
  ].join('');
  return { subject: fr(MAIL_TEXT.subject, { date }), body, htmlBody };
}

/** The trigger's work (see the file's comment). */
export function sendDailyDigest(): DigestReport {
  return withDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    const list = recipients(props);
    const report = (skipped: DigestReport['skipped'], items = 0, sent: string[] = []): DigestReport => ({
      sent,
      items,
      skipped,
    });
    if (list.length === 0) {
      // Nobody left: the trigger removes itself (it runs as its owner, who may delete it).
      for (const tr of myDigestTriggers()) ScriptApp.deleteTrigger(tr);
      props.deleteProperty(TRIGGER_KEY);
      return report('nobody');
    }
    const workbook = new WorkbookSession();
    const today = todayIso(workbook);
    if (props.getProperty(SENT_KEY) === today) return report('alreadySent');
    const settings = readSettingValues(workbook, ['venueName', 'coordinatorEmails']);
    const allowed = new Set(
      String(settings.coordinatorEmails ?? '')
        .split(/[,;\s]+/)
        .map((s) => s.trim().toLowerCase()),
    );
    // Someone no longer listed as a coordinator stays subscribed but receives nothing.
    const to = list.filter((x) => allowed.has(x));
    if (to.length === 0) return report('nobody');
    const items = readDueItems(workbook, today);
    if (items.length === 0) return report('nothingDue');
    const left = remainingMailQuota();
    const user = Session.getEffectiveUser().getEmail();
    if (left < to.length) {
      const summary = fr(MAIL_TEXT.journalQuota, { left, needed: to.length });
      console.warn(summary);
      appendJournal(workbook, { at: new Date(), user, action: 'Erreur', sheet: '', recordId: '', summary });
      return report('quota', items.length);
    }
    const mail = composeDigest(String(settings.venueName ?? ''), today, items);
    const sent: string[] = [];
    for (const address of to) {
      try {
        sendMail({ ...mail, to: address });
      } catch (e) {
        // One refused address (invalid, quota reached meanwhile) does not stop the others.
        console.error(`digest to ${address}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      sent.push(address);
      appendJournal(workbook, {
        at: new Date(),
        user,
        action: 'Synchronisation',
        sheet: '',
        recordId: '',
        summary: fr(MAIL_TEXT.journalSent, { email: address, count: items.length }),
      });
    }
    props.setProperty(SENT_KEY, today);
    return report(null, items.length, sent);
  });
}
