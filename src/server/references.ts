/**
 * References checked on the server (it never trusts the client): a reference value, each item
 * of a multiple one, must be a label of its target table. Refused items become field errors and
 * nothing is written; accepted ones are stored as the target's exact label.
 */
import { choiceKey, parseReference } from '../domain/values';
import { SHEETS } from '../schema';
import type { CellValue, SheetDef } from '../schema/types';
import type { Locale } from '../shared/i18n';
import { readTargetLabels, requestTargets, targetKey } from './adapters/reference-labels';
import type { WorkbookSession } from './adapters/workbook';
import { type FieldProblem, ValidationError } from './errors';

/**
 * `values` with every reference replaced by its target's exact label; throws a
 * `ValidationError` when one is unknown. Reads each target table once, and none when the
 * record sets no reference.
 */
export function checkReferences(
  workbook: WorkbookSession,
  sheet: SheetDef,
  values: Record<string, CellValue>,
  locale: Locale,
): Record<string, CellValue> {
  const columns = sheet.columns.filter((c) => {
    const value = values[c.key];
    return c.ref !== undefined && typeof value === 'string' && value !== '';
  });
  if (columns.length === 0) return values;
  const labels = readTargetLabels(workbook, SHEETS, requestTargets(new Map(), columns));
  const checked: Record<string, CellValue> = { ...values };
  const problems: FieldProblem[] = [];
  for (const column of columns) {
    const ref = column.ref as NonNullable<typeof column.ref>;
    const target = SHEETS.find((s) => s.key === ref.sheet);
    const targetLabels = labels.get(targetKey(ref.sheet, ref.column)) ?? [];
    const twins = ambiguity(column.multiple === true, String(values[column.key]), targetLabels);
    if (twins) {
      problems.push({
        field: column.key,
        code: 'error.ambiguousReference',
        params: {
          field: locale === 'en' ? column.labelEn : column.header,
          value: twins.item.slice(0, 40),
          labels: twins.labels
            .map((l) => (locale === 'en' ? `“${l.slice(0, 40)}”` : `«\u00a0${l.slice(0, 40)}\u00a0»`))
            .join(', '),
          target: target ? (locale === 'en' ? target.nameEn : target.name) : ref.sheet,
        },
      });
      continue;
    }
    const result = parseReference(column, String(values[column.key]), targetLabels);
    if (result.ok) {
      checked[column.key] = result.value;
      continue;
    }
    problems.push({
      field: column.key,
      code: result.error.code,
      params: {
        ...result.error.params,
        field: locale === 'en' ? column.labelEn : column.header,
        target: target ? (locale === 'en' ? target.nameEn : target.name) : ref.sheet,
      },
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return checked;
}

/**
 * The first item of `text` that matches two or more labels of the target once case and accents
 * are ignored (twins typed by hand, « Salle A » and « salle a »): such a reference would resolve
 * to either record, so it is refused rather than stored as one of them.
 */
function ambiguity(
  multiple: boolean,
  text: string,
  labels: readonly string[],
): { item: string; labels: string[] } | null {
  const byKey = new Map<string, string[]>();
  for (const label of labels) {
    const key = choiceKey(label);
    const same = byKey.get(key) ?? [];
    same.push(label);
    byKey.set(key, same);
  }
  const items = multiple ? text.split(/[,;\n]/) : [text];
  for (const item of items) {
    const same = byKey.get(choiceKey(item));
    if (same && same.length > 1) return { item: item.trim(), labels: same };
  }
  return null;
}
