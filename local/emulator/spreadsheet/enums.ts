/**
 * Apps Script enums as SpreadsheetApp exposes them: singleton objects compared by identity,
 * whose toString()/name() give the constant's name (e.g. String(ProtectionType.RANGE) === 'RANGE').
 */

/** One enum constant. */
export class EmuEnumValue {
  constructor(
    private readonly enumName: string,
    private readonly constName: string,
    private readonly index: number,
  ) {}
  name(): string {
    return this.constName;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.constName;
  }
  toJSON(): string {
    return this.constName;
  }
  /** For debugging only: `ProtectionType.RANGE`. */
  describe(): string {
    return `${this.enumName}.${this.constName}`;
  }
}

function makeEnum<const K extends string>(
  enumName: string,
  names: readonly K[],
): Readonly<Record<K, EmuEnumValue>> {
  const out = {} as Record<K, EmuEnumValue>;
  names.forEach((n, i) => {
    out[n] = new EmuEnumValue(enumName, n, i);
  });
  return Object.freeze(out);
}

export const DeveloperMetadataVisibility = makeEnum('DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum('DeveloperMetadataLocationType', [
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
]);
export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET']);
/** developers.google.com/apps-script/reference/spreadsheet/direction */
export const Direction = makeEnum('Direction', ['UP', 'DOWN', 'PREVIOUS', 'NEXT']);
export const DataValidationCriteria = makeEnum('DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);
export const BooleanCriteria = makeEnum('BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_LESS_THAN',
  'TEXT_CONTAINS',
  'TEXT_EQUAL_TO',
  'CUSTOM_FORMULA',
]);
export const WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']);
export const Dimension = makeEnum('Dimension', ['COLUMNS', 'ROWS']);

/** Looks up a constant of `e` by name (used when restoring stored names). */
export function enumValue<K extends string>(
  e: Readonly<Record<K, EmuEnumValue>>,
  name: string,
): EmuEnumValue {
  const v = (e as Record<string, EmuEnumValue>)[name];
  if (!v) throw new Error(`emulator: unknown enum constant ${name}`);
  return v;
}
