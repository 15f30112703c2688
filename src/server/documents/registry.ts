/**
 * The document types the service offers, and what the service adds to each: the « Documents »
 * kind, the setting holding a user's own template, and, for a type made from one record, the
 * sheet of that record and its document-link column.
 *
 * The types are the catalog's (src/domain/documents/catalog.ts).
 */
import { DOCUMENT_TYPES as CATALOG } from '../../domain/documents/catalog';
import { hasOwn } from '../../shared/objects';
import type { DocumentType, DocumentTypeKey } from './document-type';

export const DOCUMENT_TYPES: Readonly<Partial<Record<DocumentTypeKey, DocumentType>>> = CATALOG;

export interface OutputRules {
  /** The « Type de document » of its « Documents » row (one of DOCUMENT_KINDS). */
  kind: string;
  /** The setting of « Paramètres du lieu » holding a user's own template (a Doc id or URL). */
  templateSetting: string;
  /** For a type made from one record: its sheet and the column that receives the link. */
  source?: { sheet: string; linkColumn: string };
  /** A setting of e-mails (multiple) given read access to the Doc each time it is made. */
  readersSetting?: string;
}

export const OUTPUT_RULES: Readonly<Record<DocumentTypeKey, OutputRules>> = {
  activityReport: { kind: 'Rapport d’activité', templateSetting: 'templateActivityReport' },
  progressReport: { kind: 'Autre', templateSetting: 'templateProgressReport' },
  grantRequest: {
    kind: 'Demande de subvention (CERFA 12156)',
    templateSetting: 'templateGrantRequest',
    source: { sheet: 'grants', linkColumn: 'applicationLink' },
  },
  financialReport: {
    kind: 'Compte rendu financier (CERFA 15059)',
    templateSetting: 'templateFinancialReport',
    source: { sheet: 'grants', linkColumn: 'reportLink' },
  },
  specification: { kind: 'Autre', templateSetting: 'templateSpecification' },
  territoryDiagnostic: { kind: 'Autre', templateSetting: 'templateTerritoryDiagnostic' },
  evaluation: { kind: 'Autre', templateSetting: 'templateEvaluation' },
  meetingMinutes: {
    kind: 'Compte rendu de réunion',
    templateSetting: 'templateMeetingMinutes',
    source: { sheet: 'meetings', linkColumn: 'minutesLink' },
  },
  safetyRegister: { kind: 'Extrait du registre de sécurité', templateSetting: 'templateSafetyRegister' },
  // « Autre »: a migration does not update an existing « Type de document » dropdown.
  communicationPlan: {
    kind: 'Autre',
    templateSetting: 'templateCommunicationPlan',
    readersSetting: 'communicationServiceEmail',
  },
};

export function documentType(key: string): DocumentType | null {
  return hasOwn(DOCUMENT_TYPES, key) ? (DOCUMENT_TYPES[key as DocumentTypeKey] ?? null) : null;
}
