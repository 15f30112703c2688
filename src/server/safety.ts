/**
 * Use cases of the safety register (issue 12): the schedule proposed from the venue's equipment,
 * the maintenance ticket a non-conforming check opens (and its lifted observations close), and a
 * ticket's cost posted once to « Opérations ».
 */
import * as v from 'valibot';
import {
  obligationKey,
  type SafetyObligation,
  safetyObligations,
  type VenueProfile,
} from '../domain/safety/obligations';
import { FIRST_DATA_ROW, requireSheet } from '../schema';
import { contiguousBlocks } from '../schema/layout';
import type { CellValue } from '../schema/types';
import { t } from '../shared/i18n';
import { extendFormulas, formulaEnd, workbookEnvironment } from './adapters/formula-writer';
import { appendJournal, journalHasRequest } from './adapters/journal';
import { SettingsRepository } from './adapters/settings-repository';
import { growTable } from './adapters/table-growth';
import { type StoredRecord, TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError } from './errors';
import { userLocale } from './locale';
import { withDocumentLock } from './lock';

const scheduleSheet = requireSheet('safetySchedule');
const registerSheet = requireSheet('safetyChecks');
const maintenanceSheet = requireSheet('maintenance');
const operationsSheet = requireSheet('operations');
const accountsSheet = requireSheet('accounts');

/** The account a maintenance cost is posted to: 615 « Entretien et réparation » of the chart setup writes. */
export const MAINTENANCE_ACCOUNT_NUMBER = '615';

const bool = (value: CellValue | undefined): boolean => value === true;
const text = (value: CellValue | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

/** The venue profile the planning reads, from « Paramètres du lieu » (one read). */
export function readVenueProfile(workbook: WorkbookSession): VenueProfile {
  const s = new SettingsRepository(workbook).read();
  return {
    erpCategory: text(s.erpCategory),
    erpType: text(s.erpType),
    sleepingQuarters: bool(s.sleepingQuarters),
    hasKitchen: bool(s.hasKitchen),
    hasLift: bool(s.hasLift),
    hasGas: bool(s.hasGas),
    ssiCategory: text(s.ssiCategory),
    smokeExtraction: text(s.smokeExtraction),
    fixedFireMeans: bool(s.fixedFireMeans),
    hasEmployees: bool(s.hasEmployees),
  };
}

/** A schedule row as written: what `safetyObligations` says, in the sheet's columns. */
export function scheduleRecord(o: SafetyObligation): Record<string, CellValue> {
  return {
    checkType: o.checkType,
    installation: o.installation === '' ? null : o.installation,
    periodicityMonths: o.periodicityMonths,
    providerKind: o.providerKind,
    regulation: o.regulation,
    basis: o.basis === 'obligation' ? 'Obligation' : 'Bonne pratique',
    toVerify: o.toVerify,
    notes: null,
  };
}

/**
 * Adds to « Échéancier de sécurité » the checks the venue owes and the schedule lacks (by check
 * type and installation): rows people typed or edited are never changed or removed. One read of
 * the settings and of the schedule, one block write. The number of rows added.
 */
export function proposeMissingChecks(workbook: WorkbookSession, now: Date = new Date()): number {
  if (!workbook.findTableRange(scheduleSheet)) return 0;
  const repository = new TableRepository(workbook, scheduleSheet);
  const present = new Set(
    repository
      .list()
      .map((r) => obligationKey(String(r.values.checkType ?? ''), text(r.values.installation))),
  );
  const missing = safetyObligations(readVenueProfile(workbook)).filter(
    (o) => !present.has(obligationKey(o.checkType, o.installation)),
  );
  if (missing.length === 0) return 0;
  if (repository.needsRoomFor(missing.length)) growTable(workbook, scheduleSheet, repository);
  const { firstRow, ids } = repository.insertMany(missing.map(scheduleRecord), now);
  const lastRow = firstRow + ids.length - 1;
  if (lastRow >= formulaEnd(workbook, scheduleSheet)) {
    extendFormulas(
      workbook,
      scheduleSheet,
      repository.sheetHandle(),
      repository.layout(),
      lastRow + 1,
      workbookEnvironment(workbook),
    );
  }
  return ids.length;
}

/**
 * Empties « Échéancier de sécurité » (the written columns of its records; formulas stay): the
 * demo loader replaces the rows setup proposed from default settings by the demo venue's. The
 * number of rows cleared.
 */
export function clearSchedule(workbook: WorkbookSession): number {
  if (!workbook.findTableRange(scheduleSheet)) return 0;
  const repository = new TableRepository(workbook, scheduleSheet);
  const last = repository.lastUsedRow();
  if (last < FIRST_DATA_ROW) return 0;
  const layout = repository.layout();
  const left = workbook.tableRange(scheduleSheet).getColumn();
  const written = scheduleSheet.columns.filter((c) => c.type !== 'formula').map((c) => c.key);
  for (const block of contiguousBlocks(layout, written)) {
    repository
      .sheetHandle()
      .getRange(FIRST_DATA_ROW, left + block.start, last - FIRST_DATA_ROW + 1, block.keys.length)
      .clearContent();
  }
  return last - FIRST_DATA_ROW + 1;
}

/** What « Proposer les vérifications » did. */
export interface ProposalSummary {
  message: string;
  added: number;
}

/** Menu and sidebar: proposes the missing checks after the settings changed; one journal line when any. */
export function proposeSafetyChecks(): ProposalSummary {
  return withDocumentLock(() => {
    const workbook = new WorkbookSession();
    workbook.assertWritable();
    if (!workbook.findTableRange(scheduleSheet)) throw new PiloteError('error.workbookNotSetUp');
    const now = new Date();
    const added = proposeMissingChecks(workbook, now);
    const message = t(userLocale(), 'safety.proposed', { n: added });
    if (added > 0) {
      appendJournal(workbook, {
        at: now,
        user: Session.getActiveUser().getEmail(),
        action: 'Création',
        sheet: scheduleSheet.name,
        recordId: '',
        summary: message,
      });
    }
    return { message, added };
  });
}

// ---------------------------------------------------------------------------------------------
// A check that is not conforming opens a ticket; lifted observations close it.

const TITLE_MAX = 160;

/** Whether a register entry calls for a maintenance ticket: « Non conforme » or observations, not lifted. */
export function needsTicket(values: Record<string, CellValue>): boolean {
  if (text(values.observationsLiftedOn)) return false;
  return values.result === 'Non conforme' || text(values.observations) !== null;
}

/** The ticket's title: the check type and the observations (or « non conforme »), cut to 160 characters. */
export function ticketTitle(values: Record<string, CellValue>): string {
  const observations = text(values.observations)?.replace(/\s+/g, ' ').trim();
  const title = `${String(values.checkType ?? '')}\u00a0: ${observations ?? 'non conforme'}`;
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1)}…`;
}

/**
 * After a register entry is saved (same lock as the save): opens its ticket in « Maintenance »
 * when it needs one and has none (found by its `safetyCheckId`: a second save opens nothing), or
 * closes its open ticket once the observations are lifted (status Terminée, done on the lifting
 * date). Reads the entry's row and searches the link column once; writes one row at most. The
 * words to add to the save's journal line, or '' when nothing changed.
 */
export function afterSafetyCheckSaved(workbook: WorkbookSession, checkId: string, now: Date): string {
  if (!workbook.findTableRange(maintenanceSheet)) return '';
  const entry = new TableRepository(workbook, registerSheet).recordsWhere('id', checkId)[0];
  if (!entry) return '';
  const values = entry.values;
  const tickets = new TableRepository(workbook, maintenanceSheet);
  if (tickets.layout().indexOf('safetyCheckId') < 0) return '';
  const linked = tickets.recordsWhere('safetyCheckId', checkId)[0];
  const locale = userLocale();
  const lifted = text(values.observationsLiftedOn);
  if (linked) {
    const open = linked.values.status !== 'Terminée' && linked.values.status !== 'Abandonnée';
    if (!lifted || !open) return '';
    tickets.update(linked.id, { status: 'Terminée', doneOn: lifted }, { now, requestId: null });
    return t(locale, 'safety.ticketClosed', { id: linked.id });
  }
  if (!needsTicket(values)) return '';
  if (tickets.needsRoomFor(1)) growTable(workbook, maintenanceSheet, tickets);
  const saved = tickets.insert(ticketRecord(checkId, values), { now, requestId: null });
  return t(locale, 'safety.ticketOpened', { id: saved.id });
}

/** The ticket a register entry opens: high priority when « Non conforme ». */
export function ticketRecord(checkId: string, values: Record<string, CellValue>): Record<string, CellValue> {
  return {
    title: ticketTitle(values),
    equipment: text(values.installation),
    reportedOn: text(values.date),
    reportedBy: text(values.inspector),
    priority: values.result === 'Non conforme' ? 'Haute' : 'Normale',
    status: 'Signalée',
    notes: text(values.observations),
    safetyCheckId: checkId,
  };
}

// ---------------------------------------------------------------------------------------------
// A ticket's cost posted to « Opérations », once.

const PostCostRequestSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^MAI-\d{1,9}$/)),
  requestId: v.pipe(v.string(), v.minLength(8), v.maxLength(64), v.regex(/^[A-Za-z0-9_-]+$/)),
});

/** What posting a cost answered. */
export interface PostedCost {
  message: string;
  maintenanceId: string;
  operationId: string;
  duplicate: boolean;
}

/**
 * « Passer en charge dans les opérations »: one operation for the ticket's cost (account 615,
 * dated the day it was done, else today), carrying the ticket's id; the ticket gets the
 * operation's id. A ticket already posted is refused naming its operation; the same request sent
 * again answers what the first one did, and an operation written before an interruption is linked
 * instead of posted twice.
 */
export function postMaintenanceCost(request: unknown): PostedCost {
  return postCost(request);
}

/** Menu: posts the cost of the « Maintenance » row under the active cell (a new request each click). */
export function postSelectedMaintenanceCost(): PostedCost {
  const workbook = new WorkbookSession();
  const active = workbook.spreadsheet.getActiveRange();
  const table = workbook.findTableRange(maintenanceSheet);
  if (!active || !table || active.getSheet().getSheetId() !== table.getSheet().getSheetId())
    throw new PiloteError('maintenance.selectTicket');
  const tickets = new TableRepository(workbook, maintenanceSheet);
  const idAt = tickets.layout().indexOf('id');
  const id =
    idAt < 0
      ? ''
      : String(
          table
            .getSheet()
            .getRange(active.getRow(), table.getColumn() + idAt)
            .getValue(),
        );
  if (!/^MAI-\d+$/.test(id)) throw new PiloteError('maintenance.selectTicket');
  return postCost({ id, requestId: Utilities.getUuid().replace(/-/g, '') });
}

function postCost(request: unknown): PostedCost {
  const parsed = v.safeParse(PostCostRequestSchema, request);
  if (!parsed.success) throw new PiloteError('maintenance.badRequest');
  const { id, requestId } = parsed.output;
  return withDocumentLock(() => {
    const workbook = new WorkbookSession();
    workbook.assertWritable();
    const now = new Date();
    const locale = userLocale();
    const tickets = new TableRepository(workbook, maintenanceSheet);
    const ticket = tickets.recordsWhere('id', id)[0];
    if (!ticket) throw new PiloteError('error.recordNotFound', { id, sheet: maintenanceSheet.name });
    const operations = new TableRepository(workbook, operationsSheet);
    if (operations.layout().indexOf('maintenanceId') < 0) throw new PiloteError('error.workbookNotSetUp');
    const linkedId = text(ticket.values.operationId);
    const retried = operations.findByRequest(requestId);
    if (retried) {
      if (!linkedId) tickets.update(id, { operationId: retried.id }, { now, requestId: null });
      if (!linkedId || linkedId === retried.id) {
        if (!journalHasRequest(workbook, requestId)) journal(workbook, now, id, retried.id, requestId);
        const message = t(locale, 'maintenance.posted', { id, operation: retried.id });
        return { message, maintenanceId: id, operationId: retried.id, duplicate: true };
      }
    }
    if (linkedId) throw new PiloteError('maintenance.alreadyPosted', { id, operation: linkedId });
    const earlier = operations.recordsWhere('maintenanceId', id)[0];
    if (earlier) {
      // Posted before an interruption left the ticket unlinked: link it, post nothing.
      tickets.update(id, { operationId: earlier.id }, { now, requestId: null });
      throw new PiloteError('maintenance.alreadyPosted', { id, operation: earlier.id });
    }
    const cost = ticket.values.cost;
    if (typeof cost !== 'number' || !(cost > 0)) throw new PiloteError('maintenance.noCost', { id });
    const account = maintenanceAccount(workbook);
    const date = text(ticket.values.doneOn) ?? Utilities.formatDate(now, workbook.timeZone(), 'yyyy-MM-dd');
    if (operations.needsRoomFor(1)) growTable(workbook, operationsSheet, operations);
    const saved = operations.insert(
      {
        date,
        account,
        label: `Maintenance ${id}\u00a0: ${String(ticket.values.title ?? '')}`.slice(0, 200),
        amount: cost,
        payee: text(ticket.values.assignee),
        maintenanceId: id,
      },
      { now, requestId },
    );
    keepOperationFormulas(workbook, operations, saved.row);
    tickets.update(id, { operationId: saved.id }, { now, requestId: null });
    journal(workbook, now, id, saved.id, requestId);
    const message = t(locale, 'maintenance.posted', { id, operation: saved.id });
    return { message, maintenanceId: id, operationId: saved.id, duplicate: false };
  });
}

function journal(
  workbook: WorkbookSession,
  now: Date,
  id: string,
  operation: string,
  requestId: string,
): void {
  appendJournal(workbook, {
    at: now,
    user: Session.getActiveUser().getEmail(),
    action: 'Création',
    sheet: operationsSheet.name,
    recordId: operation,
    summary: t(userLocale(), 'maintenance.posted', { id, operation }),
    requestId,
  });
}

/** The title of account 615 in « Comptes » (`615 Entretien et réparation`), or a clear error. */
function maintenanceAccount(workbook: WorkbookSession): string {
  const found = new TableRepository(workbook, accountsSheet).recordsWhere(
    'number',
    MAINTENANCE_ACCOUNT_NUMBER,
  );
  const record: StoredRecord | undefined = found[0];
  const label = record ? text(record.values.label) : null;
  if (!label) throw new PiloteError('maintenance.noAccount', { account: MAINTENANCE_ACCOUNT_NUMBER });
  return `${MAINTENANCE_ACCOUNT_NUMBER} ${label}`;
}

function keepOperationFormulas(workbook: WorkbookSession, repository: TableRepository, row: number): void {
  if (!operationsSheet.columns.some((c) => c.type === 'formula')) return;
  if (row < formulaEnd(workbook, operationsSheet)) return;
  extendFormulas(
    workbook,
    operationsSheet,
    repository.sheetHandle(),
    repository.layout(),
    row + 1,
    workbookEnvironment(workbook),
  );
}
