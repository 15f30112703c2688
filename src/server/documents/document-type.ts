/**
 * What the documents service needs of a document type: the catalog's interface
 * (src/domain/documents/catalog.ts), re-exported so the service's modules name one place.
 */
export type {
  BuildResult,
  DefaultTemplateBlock,
  DocRecord,
  DocumentInput,
  DocumentType,
  DocumentTypeKey,
} from '../../domain/documents/catalog';
