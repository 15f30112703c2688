/**
 * Regular expressions as Body/Text.replaceText and findText take them. The reference pages say
 * "The search pattern is passed as a regular expression … uses Google's RE2 regular expression
 * library, which limits the supported syntax" (developers.google.com/apps-script/reference/document/body#replaceText(String,String)).
 * RE2 has no lookaround and no backreferences (github.com/google/re2/wiki/Syntax): they are
 * refused here as Google refuses them. The replacement follows java.util.regex.Matcher: `$n`
 * inserts group n, `\x` a literal x, any other `$` is an error — "unverified": the reference page
 * says only "the text to use as replacement"; scripts that pass money amounts (« 12 $ ») or paths
 * with backslashes are what this rule catches, so the emulator is the strict side.
 */
import { GoogleException } from '../../runtime';

/** Error texts; "unverified" (no public report quotes them verbatim). */
export const RE2_ERRORS = {
  unsupported: (pattern: string) => `Invalid regular expression pattern ${pattern}`,
  illegalGroup: 'Illegal group reference',
  trailingBackslash: 'character to be escaped is missing',
  noGroup: (n: number) => `No group ${n}`,
} as const;

/** Lookahead, lookbehind and backreferences: JS has them, RE2 does not. */
const UNSUPPORTED = /\(\?[=!<]|\\[1-9]|\\k</;

/** A global JS RegExp equivalent to the RE2 pattern, or Google's error. */
export function re2(pattern: string): RegExp {
  if (UNSUPPORTED.test(stripClasses(pattern))) throw new GoogleException(RE2_ERRORS.unsupported(pattern));
  try {
    return new RegExp(pattern, 'g');
  } catch {
    throw new GoogleException(RE2_ERRORS.unsupported(pattern));
  }
}

/** Removes escaped characters and character classes before looking for unsupported syntax. */
function stripClasses(pattern: string): string {
  return pattern.replace(/\\\\/g, '').replace(/\[(?:\\.|[^\]\\])*\]/g, '[]');
}

/** Java's Matcher.appendReplacement semantics for one match. */
export function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      i += 1;
      if (i >= replacement.length) throw new GoogleException(RE2_ERRORS.trailingBackslash);
      out += replacement[i];
    } else if (c === '$') {
      const digit = replacement[i + 1];
      if (digit === undefined || !/[0-9]/.test(digit)) throw new GoogleException(RE2_ERRORS.illegalGroup);
      const n = Number(digit);
      if (n >= match.length) throw new GoogleException(RE2_ERRORS.noGroup(n));
      out += match[n] ?? '';
      i += 1;
    } else out += c;
  }
  return out;
}
