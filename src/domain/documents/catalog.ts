/**
 * The catalogue of Pilote's documents: for each type, its fields, its default template (in code,
 * written to a Google Doc at first use) and the function that builds its data from the records.
 * Pure: the documents service reads the records and settings once, calls `build`, and renders
 * the plan of `planDocument(templateNodes(type.template), type.fields, data)` into the Doc.
 */
import type { CellValue } from '../value-types';
import type { FieldSpecs, TemplateData, TemplateNode } from './template';
import { activityReport } from './types/activity-report';
import { communicationPlan } from './types/communication-plan';
import { evaluation } from './types/evaluation';
import { financialReport } from './types/financial-report';
import { grantRequest } from './types/grant-request';
import { meetingMinutes } from './types/meeting-minutes';
import { progressReport } from './types/progress-report';
import { safetyRegister } from './types/safety-register';
import { specification } from './types/specification';
import { territoryDiagnostic } from './types/territory-diagnostic';

export type DocumentTypeKey =
  | 'activityReport'
  | 'progressReport'
  | 'grantRequest'
  | 'financialReport'
  | 'specification'
  | 'territoryDiagnostic'
  | 'evaluation'
  | 'meetingMinutes'
  | 'safetyRegister'
  | 'communicationPlan';

/** One record: column key → parsed value (ISO dates as 'yyyy-MM-dd', numbers, texts), as TableRepository reads it. */
export type DocRecord = Readonly<Record<string, CellValue | undefined>>;

export interface DocumentInput {
  records: Readonly<Record<string /* schema sheet key */, readonly DocRecord[]>>;
  settings: Readonly<Record<string /* setting key */, CellValue | undefined>>;
  /** What the user chose: a year (2026), a period {from,to}, a record id (action, grant, meeting), or null. */
  subject: number | { from: string; to: string } | string | null;
  today: string; // ISO date, the spreadsheet's time zone
}

export type DefaultTemplateBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'listItem'; level: number; text: string }
  | { kind: 'table'; rows: string[][] /* first row = header */ };

export type BuildResult =
  | {
      ok: true;
      data: TemplateData;
      name: string;
      /** The year the document belongs to (its Drive folder), when its subject has one. */
      year?: number;
    }
  | { ok: false; code: string; params: Record<string, string | number> };

export interface DocumentType {
  key: DocumentTypeKey;
  title: string;
  titleEn: string;
  subject: 'year' | 'period' | 'action' | 'grant' | 'meeting' | 'none';
  /** Schema sheet keys whose records `build` needs (the service reads each once). */
  sources: readonly string[];
  /** Settings keys `build` needs (from « Paramètres du lieu »). */
  settings: readonly string[];
  fields: FieldSpecs;
  /** The default template, in code; every placeholder in it passes checkTemplate(…, fields). */
  template: readonly DefaultTemplateBlock[];
  /** The data, or a refusal with a message key of src/shared/messages.ts and its params. */
  build(input: DocumentInput): BuildResult;
}

export const DOCUMENT_TYPES: Readonly<Record<DocumentTypeKey, DocumentType>> = {
  activityReport,
  progressReport,
  grantRequest,
  financialReport,
  specification,
  territoryDiagnostic,
  evaluation,
  meetingMinutes,
  safetyRegister,
  communicationPlan,
};

/**
 * The nodes of a default template as the Docs adapter reads them back from the Doc: headings,
 * paragraphs and list items are text nodes (their text only), a table is its cells' texts.
 */
export function templateNodes(blocks: readonly DefaultTemplateBlock[]): TemplateNode[] {
  return blocks.map((b) =>
    b.kind === 'table' ? { kind: 'table', rows: b.rows.map((r) => [...r]) } : { kind: 'text', text: b.text },
  );
}
