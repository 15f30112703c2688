/**
 * The boundary every sidebar call goes through: runs the use case, turns known errors into a
 * localised `RpcResult` and unknown ones into a generic message (the stack goes to the log,
 * never to the user). No error is recognised by its text: Google localises its messages, so a
 * busy workbook arrives here as the `PiloteError('error.busy')` that lock.ts throws when
 * `tryLock` returns false.
 */
import { t } from '../shared/i18n';
import type { RpcResult } from '../shared/rpc';
import { valueMessagesEn, valueMessagesFr } from '../domain/value-messages';
import { formatMessage, type Locale } from '../shared/i18n';
import { PiloteError, ValidationError, type FieldProblem } from './errors';
import { userLocale } from './locale';

/** Runs `work` and wraps its result or error for `google.script.run`. */
export function respond<T>(work: () => T): RpcResult<T> {
  try {
    return { ok: true, data: work() };
  } catch (e) {
    const locale = userLocale();
    if (e instanceof ValidationError) {
      const fields = e.problems.map((p) => ({
        field: p.field,
        code: p.code,
        message: fieldMessage(p, locale),
      }));
      return { ok: false, error: { code: e.code, message: t(locale, e.code, e.params), fields } };
    }
    if (e instanceof PiloteError) {
      const error = { code: e.code, message: t(locale, e.code, e.params) };
      return { ok: false, error: e.field ? { ...error, field: e.field } : error };
    }
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return { ok: false, error: { code: 'error.internal', message: t(locale, 'error.internal') } };
  }
}

/** The localised message of a refused field. */
function fieldMessage(problem: FieldProblem, locale: Locale): string {
  if (problem.code === 'unknown_field') return t(locale, 'error.unknownField', problem.params);
  if (problem.code === 'error.duplicateLabel' || problem.code === 'error.ambiguousReference') {
    return t(locale, problem.code, problem.params);
  }
  const catalogue: Record<string, string> = locale === 'en' ? valueMessagesEn : valueMessagesFr;
  const pattern = catalogue[problem.code] ?? valueMessagesFr[problem.code as keyof typeof valueMessagesFr];
  return pattern ? formatMessage(pattern, problem.params, locale) : problem.code;
}
