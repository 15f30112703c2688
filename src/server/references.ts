/**
 * References checked on the server (it never trusts the client): a reference value, each item
 * of a multiple one, must be a label of its target table. Refused items become field errors and
 * nothing is written; accepted ones are stored as the target's exact label.
 */
import { parseReference } from '../domain/values';
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
    const result = parseReference(
      column,
      String(values[column.key]),
      labels.get(targetKey(ref.sheet, ref.column)) ?? [],
    );
    if (result.ok) {
      checked[column.key] = result.value;
      continue;
    }
    const target = SHEETS.find((s) => s.key === ref.sheet);
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
