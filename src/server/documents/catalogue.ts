/** What the « Documents » panel lists: each type's key, name in the user's language and subject. */
import { userLocale } from '../locale';
import type { DocumentType } from './document-type';
import { DOCUMENT_TYPES } from './registry';

export interface DocumentTypeSummary {
  key: string;
  title: string;
  subject: DocumentType['subject'];
}

export function listDocumentTypes(): DocumentTypeSummary[] {
  const en = userLocale() === 'en';
  return Object.values(DOCUMENT_TYPES)
    .filter((type): type is DocumentType => type !== undefined)
    .map((type) => ({ key: type.key, title: en ? type.titleEn : type.title, subject: type.subject }));
}
