/**
 * What the documents service needs of a document type, exactly as the catalog's interface
 * (src/domain/documents/catalog.ts, written by the document models): the service imports these
 * names from here so that, once the catalog is in main, this file becomes a re-export of it.
 */
import type { CellValue } from '../../domain/value-types';
import type { FieldSpecs, TemplateData } from '../../domain/documents/template';

export type DocumentTypeKey =
  | 'activityReport'
  | 'progressReport'
  | 'grantRequest'
  | 'financialReport'
  | 'specification'
  | 'territoryDiagnostic'
  | 'evaluation'
  | 'meetingMinutes'
  | 'safetyRegister';

/** One record: column key → parsed value (ISO dates as 'yyyy-MM-dd', numbers, texts). */
export type DocRecord = Readonly<Record<string, CellValue | undefined>>;

export interface DocumentInput {
  records: Readonly<Record<string, readonly DocRecord[]>>;
  settings: Readonly<Record<string, CellValue | undefined>>;
  /** A year (2026), a period {from,to}, a record id (action, grant, meeting), or null. */
  subject: number | { from: string; to: string } | string | null;
  /** ISO date, the spreadsheet's time zone. */
  today: string;
}

export type DefaultTemplateBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'listItem'; level: number; text: string }
  | { kind: 'table'; rows: string[][] };

export type BuildResult =
  | { ok: true; data: TemplateData; name: string }
  | { ok: false; code: string; params: Record<string, string | number> };

export interface DocumentType {
  key: DocumentTypeKey;
  title: string;
  titleEn: string;
  subject: 'year' | 'period' | 'action' | 'grant' | 'meeting' | 'none';
  sources: readonly string[];
  settings: readonly string[];
  fields: FieldSpecs;
  template: readonly DefaultTemplateBlock[];
  build(input: DocumentInput): BuildResult;
}
