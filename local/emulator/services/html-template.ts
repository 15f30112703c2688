/** HtmlTemplate: Apps Script scriptlets (<? ?>, <?= ?>, <?!= ?>) with contextual escaping. */
import type { CostKind, Runtime } from '../runtime';
import { escapeHtml, HtmlOutput } from './html-output';

/** Evaluating a template runs inside the script: no round trip. */
const COST: Record<string, CostKind> = {
  evaluate: 'local',
  getCode: 'local',
  getRawContent: 'local',
};

/** Where a printing scriptlet sits in the page, which decides how `<?= ?>` escapes. */
type Context = 'text' | 'attribute' | 'script';

/** Context from the static HTML before the scriptlet (a modest reading of Google's escaper). */
function contextOf(before: string): Context {
  const lower = before.toLowerCase();
  if (lower.lastIndexOf('<script') > lower.lastIndexOf('</script')) return 'script';
  const lt = before.lastIndexOf('<');
  if (lt > before.lastIndexOf('>') && /^<[a-zA-Z]/.test(before.slice(lt))) return 'attribute';
  return 'text';
}

/** JS-context printing: a JS literal that cannot close the script element. */
function jsLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) return 'undefined';
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** @internal Printer the compiled template calls. */
export function printEscaped(context: Context, value: unknown): string {
  if (context === 'script') return jsLiteral(value);
  return escapeHtml(value === null || value === undefined ? '' : String(value));
}

/** Compiles a template to the body of a function `(__scope, __print) => string`. */
export function compileTemplate(source: string): string {
  const parts = source.split(/(<\?!?=?[\s\S]*?\?>)/);
  const lines = ['let __html = "";', 'with (__scope) {'];
  let staticSoFar = '';
  for (const part of parts) {
    if (part.startsWith('<?!=')) lines.push(`__html += String(${part.slice(4, -2)});`);
    else if (part.startsWith('<?=')) {
      const ctx = contextOf(staticSoFar);
      lines.push(`__html += __print(${JSON.stringify(ctx)}, (${part.slice(3, -2)}));`);
    } else if (part.startsWith('<?')) lines.push(part.slice(2, -2));
    else if (part) {
      staticSoFar += part;
      lines.push(`__html += ${JSON.stringify(part)};`);
    }
  }
  lines.push('}', 'return __html;');
  return lines.join('\n');
}

/** `GoogleAppsScript.HTML.HtmlTemplate`: assign fields on it, then `evaluate()`. */
export class HtmlTemplate {
  readonly #runtime: Runtime;
  readonly #source: string;
  readonly #globals: Record<string, unknown>;

  constructor(runtime: Runtime, source: string, globals: Record<string, unknown> = {}) {
    this.#runtime = runtime;
    this.#source = source;
    this.#globals = globals;
  }

  /** Runs the scriptlets with the template's own fields (and the script's globals) in scope. */
  evaluate(): HtmlOutput {
    this.#runtime.charge('HtmlTemplate', 'evaluate', COST.evaluate);
    const scope: Record<string, unknown> = Object.assign(Object.create(null), this.#globals, { ...this });
    const run = new Function('__scope', '__print', compileTemplate(this.#source)) as (
      scope: Record<string, unknown>,
      print: typeof printEscaped,
    ) => string;
    return new HtmlOutput(this.#runtime, run(scope, printEscaped));
  }

  getCode(): string {
    this.#runtime.charge('HtmlTemplate', 'getCode', COST.getCode);
    return compileTemplate(this.#source);
  }

  getRawContent(): string {
    this.#runtime.charge('HtmlTemplate', 'getRawContent', COST.getRawContent);
    return this.#source;
  }
}
