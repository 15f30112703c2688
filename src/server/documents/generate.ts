/**
 * Generating a document: the type's data from the workbook, its template (the user's own Doc
 * named in « Paramètres du lieu », else Pilote's default, made at first use), the plan checked
 * (every unknown placeholder reported with its place, nothing made), then the Doc written with
 * structural edits, and its link written to « Documents » and to the source record.
 *
 * Regenerating finds the previous document by its « Documents » row (kind + subject), never by
 * name: it is updated in place, or a dated new version is made when the user asks. A document
 * whose text or styles changed since Pilote wrote it (its fingerprints differ from the ones
 * Pilote kept, ./fingerprint.ts) is not overwritten unless the request says `overwrite: true`:
 * the answer asks first, saying whether the text or only the styles changed.
 */
import * as v from 'valibot';
import { planDocument, type TemplateNode } from '../../domain/documents/template';
import { requireSheet } from '../../schema';
import type { CellValue } from '../../schema/types';
import { type Locale, type MessageKey, t } from '../../shared/i18n';
import { describeIssues } from '../../shared/requests';
import {
  createDocument,
  createTemplateDocument,
  defaultTemplateId,
  documentStyles,
  type OpenedTemplate,
  openDocumentOrNull,
  openTemplate,
  readStamp,
  rememberDefaultTemplate,
  writePlan,
  writeStamp,
} from '../adapters/docs-gateway';
import { appsScriptWallClock } from '../adapters/cell-codec';
import { ensureFolderPath, savePdf, shareAsReader } from '../adapters/drive-gateway';
import { SettingsRepository } from '../adapters/settings-repository';
import { growTable } from '../adapters/table-growth';
import { type StoredRecord, TableRepository } from '../adapters/table-repository';
import { WorkbookSession } from '../adapters/workbook';
import { PiloteError } from '../errors';
import { userLocale } from '../locale';
import { withDocumentLock } from '../lock';
import type { DocRecord, DocumentInput, DocumentType } from './document-type';
import { editSince, textFingerprint } from './fingerprint';
import { describeProblems } from './problems';
import { documentType, OUTPUT_RULES } from './registry';

const ISO_DATE = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const GenerateRequestSchema = v.strictObject({
  type: v.pipe(v.string(), v.maxLength(40)),
  subject: v.nullable(
    v.union([
      v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2999)),
      v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
      v.strictObject({ from: ISO_DATE, to: ISO_DATE }),
    ]),
  ),
  /** `update` (default): the same document is rewritten; `newVersion`: a dated copy beside it. */
  mode: v.optional(v.picklist(['update', 'newVersion']), 'update'),
  /** Rewrite a document the user has edited since Pilote wrote it. */
  overwrite: v.optional(v.boolean(), false),
  /** Also save a PDF beside the document (replaced on regeneration). */
  pdf: v.optional(v.boolean(), false),
});

export interface GeneratedDocument {
  status: 'created' | 'updated' | 'newVersion';
  documentId: string;
  url: string;
  name: string;
  /** The PDF's link, when asked. */
  pdfUrl?: string;
  /** The « Documents » record. */
  recordId: string;
  message: string;
}

export interface EditedDocument {
  status: 'editedByUser';
  /** What changed since Pilote wrote it: the text, or only the styles. */
  edited: 'text' | 'style';
  documentId: string;
  url: string;
  name: string;
  message: string;
}

export type GenerateAnswer = GeneratedDocument | EditedDocument;

/** Drive folders: the templates, and the documents by year and type (« Pilote — Documents/2026/Compte rendu de réunion »). */
export const TEMPLATES_FOLDER = 'Pilote — Modèles';
export const OUTPUT_FOLDER = 'Pilote — Documents';

/**
 * The year a document belongs to: the one its type names (a meeting's date, a grant's financial
 * year), its year, its period's start, else today's.
 */
function subjectYear(subject: DocumentInput['subject'], today: string, named?: number): number {
  if (named !== undefined && Number.isInteger(named)) return named;
  if (typeof subject === 'number') return subject;
  if (subject && typeof subject === 'object') return Number(subject.from.slice(0, 4));
  return Number(today.slice(0, 4));
}

/** A key for the subject, stored in « Documents » to find the document again. */
function subjectKey(type: DocumentType, subject: DocumentInput['subject']): string {
  if (typeof subject === 'string' && OUTPUT_RULES[type.key].source) return subject;
  if (subject === null) return type.key;
  if (typeof subject === 'object') return `${type.key}:${subject.from}/${subject.to}`;
  return `${type.key}:${subject}`;
}

function checkSubject(type: DocumentType, subject: DocumentInput['subject']): void {
  const ok =
    type.subject === 'year'
      ? typeof subject === 'number'
      : type.subject === 'period'
        ? subject !== null && typeof subject === 'object' && subject.from <= subject.to
        : type.subject === 'none'
          ? subject === null
          : typeof subject === 'string';
  if (!ok) throw new PiloteError('error.documentSubject', { type: type.title, expected: type.subject });
}

/** A Doc id from what the user typed: the id itself, or any docs.google.com/document/d/<id> link. */
export function templateDocId(value: string): string | null {
  const text = value.trim();
  const inUrl = /\/document\/d\/([A-Za-z0-9_-]{10,})/.exec(text);
  if (inUrl) return inUrl[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(text) ? text : null;
}

function isoToday(workbook: WorkbookSession): string {
  return Utilities.formatDate(new Date(), workbook.timeZone(), 'yyyy-MM-dd');
}

/** The template to use: the user's Doc when the setting names one, else Pilote's default (made if missing). */
function loadTemplate(
  type: DocumentType,
  settings: Record<string, CellValue>,
  locale: Locale,
): OpenedTemplate {
  const own = String(settings[OUTPUT_RULES[type.key].templateSetting] ?? '').trim();
  if (own !== '') {
    const id = templateDocId(own);
    if (id && openDocumentOrNull(id)) return openTemplate(id);
    throw new PiloteError('error.templateMissing', { type: type.title, value: own.slice(0, 80) });
  }
  const known = defaultTemplateId(type.key);
  if (known && openDocumentOrNull(known)) return openTemplate(known);
  const folder = ensureFolderPath('templates', [TEMPLATES_FOLDER]);
  const id = createTemplateDocument(
    t(locale, 'documents.templateName', { type: type.title }),
    type.template,
    folder,
  );
  rememberDefaultTemplate(type.key, id);
  return openTemplate(id);
}

function recordsOf(workbook: WorkbookSession, keys: readonly string[]): Record<string, DocRecord[]> {
  const out: Record<string, DocRecord[]> = {};
  for (const key of keys)
    out[key] = new TableRepository(workbook, requireSheet(key)).list().map((r) => r.values);
  return out;
}

/** Generates (or regenerates) one document; see the file's comment. */
export function generateDocument(request: unknown): GenerateAnswer {
  const parsed = v.safeParse(GenerateRequestSchema, request);
  if (!parsed.success)
    throw new PiloteError('error.invalidArgument', { detail: describeIssues(parsed.issues) });
  const { subject, mode, overwrite, pdf } = parsed.output;
  const type = documentType(parsed.output.type);
  if (!type) throw new PiloteError('error.unknownDocumentType', { type: parsed.output.type.slice(0, 40) });
  checkSubject(type, subject);
  const locale = userLocale();
  return withDocumentLock(() => {
    const workbook = new WorkbookSession();
    const settings = new SettingsRepository(workbook).read();
    const input: DocumentInput = {
      records: recordsOf(workbook, type.sources),
      settings,
      subject,
      today: isoToday(workbook),
    };
    const built = type.build(input);
    if (!built.ok) throw new PiloteError(built.code as MessageKey, built.params);

    const template = loadTemplate(type, settings, locale);
    const plan = planDocument(template.nodes, type.fields, built.data);
    if (plan.problems.length > 0) throw templateProblems(template.nodes, plan.problems, type, locale);

    const rules = OUTPUT_RULES[type.key];
    const key = subjectKey(type, subject);
    const documents = new TableRepository(workbook, requireSheet('documents'));
    const previous = findPrevious(documents.list(), rules.kind, key);
    const previousDoc =
      previous && mode === 'update' ? openDocumentOrNull(String(previous.values.fileId)) : null;

    const folderPath = [OUTPUT_FOLDER, String(subjectYear(subject, input.today, built.year)), type.title];
    let doc: GoogleAppsScript.Document.Document;
    let previousStamp: ReturnType<typeof readStamp> = null;
    let status: GeneratedDocument['status'];
    let name = built.name;
    if (previousDoc) {
      const stamp = readStamp(previousDoc.getId());
      previousStamp = stamp;
      const edited = overwrite
        ? null
        : editSince(stamp, previousDoc.getBody().getText(), () => documentStyles(previousDoc));
      if (edited) {
        return {
          status: 'editedByUser',
          edited,
          documentId: previousDoc.getId(),
          url: previousDoc.getUrl(),
          name: previousDoc.getName(),
          message: t(locale, edited === 'style' ? 'documents.restyledByUser' : 'documents.editedByUser', {
            name: previousDoc.getName(),
          }),
        };
      }
      doc = previousDoc;
      if (doc.getName() !== name) doc.setName(name);
      status = 'updated';
    } else {
      if (previous && mode === 'newVersion')
        name = t(locale, 'documents.versionName', { name, date: frenchDate(input.today) });
      const folder = ensureFolderPath('output', folderPath);
      doc = createDocument(name, folder);
      status = previous && mode === 'newVersion' ? 'newVersion' : 'created';
    }
    writePlan(doc, template, plan.nodes);
    const id = doc.getId();
    const url = doc.getUrl();
    doc.saveAndClose();
    // The fingerprints are taken on the saved document, opened again (one open): what the next
    // run will compare against is what Docs stored, whatever it normalised on saving (unverified
    // whether it normalises anything; the open costs 300 ms modelled).
    const saved = openDocumentOrNull(id);
    const fingerprints = saved
      ? {
          fingerprint: textFingerprint(saved.getBody().getText()),
          style: textFingerprint(documentStyles(saved)),
        }
      : null;
    const now = new Date();
    const pdfFile = pdf
      ? savePdf(id, name, ensureFolderPath('output', folderPath), previousStamp?.pdfId ?? null)
      : null;
    const pdfId = pdfFile?.id ?? previousStamp?.pdfId;
    // A document Drive does not give back at once is stamped as unknown: the next run asks.
    writeStamp(id, {
      ...(fingerprints ?? { fingerprint: '' }),
      at: now.toISOString(),
      ...(pdfId ? { pdfId } : {}),
    });

    // Read access for the people a setting names (the communication service): listed first, so
    // making the document again adds no second permission for the same address.
    if (rules.readersSetting) {
      const readers = String(settings[rules.readersSetting] ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
      shareAsReader(id, readers);
    }

    const row: Record<string, CellValue> = {
      title: name,
      kind: rules.kind,
      sourceSheet: rules.source ? requireSheet(rules.source.sheet).name : type.title,
      sourceRecordId: key,
      generatedAt: appsScriptWallClock(now, workbook.timeZone()).slice(0, 16),
      generatedBy: Session.getActiveUser().getEmail(),
      link: url,
      fileId: id,
    };
    if (pdfFile) row.pdfLink = pdfFile.url;
    const stampW = { now, requestId: null };
    let recordId: string;
    if (status === 'updated' && previous) {
      recordId = documents.update(previous.id, row, stampW).id;
    } else {
      if (documents.needsRoomFor(1)) growTable(workbook, requireSheet('documents'), documents);
      recordId = documents.insert({ ...row, status: 'Brouillon' }, stampW).id;
    }
    if (rules.source && typeof subject === 'string') {
      new TableRepository(workbook, requireSheet(rules.source.sheet)).update(
        subject,
        { [rules.source.linkColumn]: url },
        stampW,
      );
    }
    const messageKey =
      status === 'created'
        ? 'documents.created'
        : status === 'updated'
          ? 'documents.updated'
          : 'documents.newVersion';
    const answer: GeneratedDocument = {
      status,
      documentId: id,
      url,
      name,
      recordId,
      message: t(locale, messageKey, { name }),
    };
    if (pdfFile) answer.pdfUrl = pdfFile.url;
    return answer;
  });
}

/** The latest « Documents » row of this kind and subject that names a Drive file. */
function findPrevious(rows: readonly StoredRecord[], kind: string, key: string): StoredRecord | null {
  let found: StoredRecord | null = null;
  for (const r of rows) {
    if (r.values.kind === kind && r.values.sourceRecordId === key && String(r.values.fileId ?? '') !== '')
      found = r;
  }
  return found;
}

function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function templateProblems(
  nodes: readonly TemplateNode[],
  problems: Parameters<typeof describeProblems>[1],
  type: DocumentType,
  locale: Locale,
): PiloteError {
  const lines = describeProblems(nodes, problems, locale);
  return new PiloteError('error.templateProblems', {
    template: type.title,
    n: lines.length,
    list: lines.join(' ; '),
  });
}
