/**
 * Errors the user may see. A `PiloteError` carries a message key and its parameters; it is
 * localised only at the API boundary, where the user's locale is known.
 */
import type { MessageKey, MessageParams } from '../shared/i18n';

export class PiloteError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'PiloteError';
  }
}

/** A refused field, before localisation. */
export interface FieldProblem {
  field: string;
  code: string;
  params: MessageParams;
}

/** Input refused field by field; nothing was written. */
export class ValidationError extends PiloteError {
  constructor(readonly problems: FieldProblem[]) {
    super('error.validation', { n: problems.length });
    this.name = 'ValidationError';
  }
}
