/** The vocabulary of cell values: value types, the plain values a cell holds, and the rule a value obeys. */

/** What kind of value a column holds; decides parsing, number format and validation. */
export type ValueType =
  | 'id'
  | 'text'
  | 'longText'
  | 'integer'
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'duration'
  | 'boolean'
  | 'enum'
  | 'ref'
  | 'email'
  | 'phone'
  | 'url'
  | 'formula';

/**
 * A parsed cell value, JSON-safe.
 * - numbers: integer, number, money (euros), percent (fraction: 0.125 = 12,5 %),
 *   duration (fraction of a day, as Sheets stores `[h]:mm`: 1 h 30 = 0.0625);
 * - strings: text, ISO date `2026-03-29`, ISO local datetime `2026-03-29T14:30`, time `14:30`;
 * - booleans; null for an empty cell.
 */
export type CellValue = number | string | boolean | null;

/** Extra checks for French identifiers kept as text. */
export type TextRule = 'siret' | 'rna' | 'postalCode' | 'accountNumber';

/** A reference to the column of another sheet, by stable keys. */
export interface RefTarget {
  /** Key of the target sheet, e.g. 'spaces'. */
  sheet: string;
  /** Key of the target column whose values are stored, e.g. 'name'. */
  column: string;
}

/**
 * The part of a column definition that parsing needs. `ColumnDef` (src/schema) satisfies it;
 * declared here so that the domain does not depend on the schema.
 */
export interface ValueRule {
  key: string;
  /** French header, used as `{field}` in messages. */
  header: string;
  type: ValueType;
  required?: boolean;
  /** Allowed values of an enum, exactly as stored. */
  options?: readonly string[];
  ref?: RefTarget;
  /** Several values separated by commas (enum, ref, email). */
  multiple?: boolean;
  /** Bounds: for money/number/integer the value; for percent the fraction; for duration hours. */
  min?: number;
  max?: number;
  maxLength?: number;
  textRule?: TextRule;
}

/** Where and for whom a value is parsed. */
export interface ParseContext {
  locale: 'fr' | 'en';
  /** IANA time zone of the spreadsheet, e.g. 'Europe/Paris'. */
  timeZone: string;
  /**
   * Optional: the labels a reference may take (read by the caller from the target sheet).
   * When given, a reference must be one of them; otherwise only its text form is checked.
   */
  refLabels?: (target: RefTarget) => readonly string[] | undefined;
}

/** Stable codes of refused input; messages in value-messages.ts. */
export type ValueErrorCode =
  | 'required'
  | 'read_only'
  | 'invalid_type'
  | 'too_long'
  | 'line_break_not_allowed'
  | 'invalid_characters'
  | 'invalid_number'
  | 'invalid_amount'
  | 'invalid_integer'
  | 'below_min'
  | 'above_max'
  | 'invalid_date'
  | 'nonexistent_day'
  | 'nonexistent_month'
  | 'invalid_datetime'
  | 'nonexistent_local_time'
  | 'invalid_time'
  | 'invalid_duration'
  | 'invalid_boolean'
  | 'not_in_list'
  | 'unknown_reference'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_url'
  | 'invalid_id'
  | 'invalid_siret'
  | 'invalid_rna'
  | 'invalid_postal_code'
  | 'invalid_account_number';

/** A refusal: a stable snake_case code and the parameters of its message. */
export interface ValueError {
  code: ValueErrorCode;
  params: Record<string, string | number>;
}

/** The outcome of parsing one input. */
export type ParseResult = { ok: true; value: CellValue } | { ok: false; error: ValueError };
