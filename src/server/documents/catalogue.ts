/** What the « Documents » panel lists: each type's key, name in the user's language and subject. */
import type { DocumentTypeSummary } from '../../shared/rpc';
import { userLocale } from '../locale';
import type { DocumentType } from './document-type';
import { DOCUMENT_TYPES } from './registry';

export type { DocumentTypeSummary };

export function listDocumentTypes(locale: 'fr' | 'en' = userLocale()): DocumentTypeSummary[] {
  const en = locale === 'en';
  return Object.values(DOCUMENT_TYPES)
    .filter((type): type is DocumentType => type !== undefined)
    .map((type) => ({ key: type.key, title: en ? type.titleEn : type.title, subject: type.subject }));
}
