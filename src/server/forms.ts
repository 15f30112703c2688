/**
 * The record forms of the sidebar, derived from the schema: one form per table (its editable
 * columns, labels in the user's language), grouped by domain for the navigation. No I/O.
 */
import { SHEETS } from '../schema';
import { editableColumns } from '../schema/record-input';
import type { ColumnDef, SheetDef } from '../schema/types';
import { type Locale, type MessageKey, t } from '../shared/i18n';
import type { FormCatalogue, FormDescription, FormField } from '../shared/rpc';

/** Navigation domains, in sidebar order, and the tables each gathers (by key). */
const DOMAINS: readonly { key: string; tables: readonly string[] }[] = [
  { key: 'bookings', tables: ['bookings', 'spaces'] },
  { key: 'programme', tables: ['actions', 'events', 'objectives', 'indicators'] },
  { key: 'budget', tables: ['operations', 'budget', 'accounts'] },
  { key: 'grants', tables: ['grants'] },
  { key: 'volunteering', tables: ['volunteerHours', 'volunteers', 'volunteerRates'] },
  { key: 'community', tables: ['structures', 'contacts'] },
  { key: 'meetings', tables: ['meetings', 'documents'] },
  { key: 'communication', tables: ['communication'] },
  { key: 'site', tables: ['safetyChecks', 'maintenance', 'openingRota', 'incidents'] },
  { key: 'initiatives', tables: ['inspirations'] },
  { key: 'diagnostic', tables: ['diagnostic'] },
];

/** The tables that hold records, in tab order. */
export function recordTables(): SheetDef[] {
  return SHEETS.filter((s) => s.kind === 'table');
}

/** Every table's form and the navigation, in `locale`. A table no domain names gets its own. */
export function formCatalogue(locale: Locale): FormCatalogue {
  const tables = recordTables();
  const placed = new Set(DOMAINS.flatMap((d) => d.tables));
  const domains = DOMAINS.map((d) => ({
    key: d.key,
    label: t(locale, `domain.${d.key}` as MessageKey),
    tables: d.tables.filter((key) => tables.some((s) => s.key === key)),
  }));
  for (const sheet of tables) {
    if (!placed.has(sheet.key))
      domains.push({
        key: sheet.key,
        label: locale === 'en' ? sheet.nameEn : sheet.name,
        tables: [sheet.key],
      });
  }
  const domainOf = new Map<string, string>();
  for (const d of domains) for (const key of d.tables) domainOf.set(key, d.key);
  return {
    domains: domains.filter((d) => d.tables.length > 0),
    forms: tables.map((sheet) => describeForm(sheet, locale, domainOf.get(sheet.key) ?? sheet.key)),
  };
}

function describeForm(sheet: SheetDef, locale: Locale, domain: string): FormDescription {
  return {
    key: sheet.key,
    name: locale === 'en' ? sheet.nameEn : sheet.name,
    domain,
    labelField: sheet.labelColumn ?? 'id',
    fields: editableColumns(sheet).map((c) => describeField(c, locale)),
  };
}

function describeField(column: ColumnDef, locale: Locale): FormField {
  const field: FormField = {
    key: column.key,
    label: locale === 'en' ? column.labelEn : column.header,
    type: column.type,
    required: column.required === true,
  };
  if (column.help) field.help = locale === 'en' ? (column.helpEn ?? column.help) : column.help;
  if (column.options) field.options = [...column.options];
  if (column.multiple) field.multiple = true;
  if (column.min !== undefined) field.min = column.min;
  if (column.max !== undefined) field.max = column.max;
  if (column.maxLength !== undefined) field.maxLength = column.maxLength;
  if (column.ref) field.ref = column.ref.sheet;
  return field;
}
