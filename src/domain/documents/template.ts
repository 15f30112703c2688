/**
 * The template language of Pilote's documents, on plain text: placeholders `{{champ}}` and
 * `{{champ|format}}`, repeated blocks `{{#each liste}}…{{/each}}`, conditional blocks
 * `{{#if champ}}…{{else}}…{{/if}}` and `{{#unless champ}}…{{/unless}}`.
 *
 * A document is seen as a list of nodes (paragraphs and list items as text, tables as rows of
 * cells). `planDocument` checks every placeholder against the document type's fields and returns
 * a plan: which source node to copy, in which order, and the literal text edits to make in each
 * copy. The Docs adapter carries the plan out with structural edits (copy an element, delete and
 * insert text at offsets), never with `replaceText`, whose pattern is a regular expression:
 * a value holding `$`, `\` or `{{` is inserted as it is, and never read again as a template.
 *
 * Block markers may stand alone in a paragraph (the paragraphs between them repeat, or are kept
 * or dropped, and the marker paragraphs go), inside one table row (`{{#each lignes}}` in the row:
 * the row repeats once per item), or inside one paragraph (the text between them repeats).
 */
import { FRENCH_MONTHS } from '../date-input';

/** What a field holds, to check placeholders and pick a default format. */
export type FieldKind = 'text' | 'number' | 'integer' | 'money' | 'percent' | 'date' | 'boolean';
export type FieldSpec = FieldKind | { list: FieldSpecs; label?: string } | { object: FieldSpecs };
export interface FieldSpecs {
  readonly [name: string]: FieldSpec;
}

/** Data given to a template: scalars, ISO dates as `yyyy-MM-dd` strings, lists, objects. */
export type TemplateScalar = string | number | boolean | null | undefined;
export type TemplateValue = TemplateScalar | TemplateData | readonly (TemplateData | TemplateScalar)[];
export interface TemplateData {
  readonly [name: string]: TemplateValue;
}

/** Formats a placeholder may ask for after `|`. */
export const FORMATS = [
  'texte',
  'nombre',
  'entier',
  'montant',
  'pourcentage',
  'date',
  'date longue',
  'majuscules',
] as const;
export type FormatName = (typeof FORMATS)[number];

/** Where a node stands in the template, for messages: a body node, or a cell of a table row. */
export interface NodePlace {
  node: number;
  row?: number;
  cell?: number;
}

export interface TemplateProblem {
  code: 'unknownField' | 'unknownFormat' | 'notAList' | 'unclosed' | 'unexpectedClose' | 'malformed';
  /** The placeholder as written, e.g. `{{montnat|montant}}`. */
  placeholder: string;
  place: NodePlace;
  /** A field of the same scope whose name is close, for « vouliez-vous dire … ? ». */
  suggestion?: string;
}

/** A paragraph or list item (its whole text), or a table (each cell's text). */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'table'; rows: readonly (readonly string[])[] };

/** Replace [start, end) of a node's text by `text` (offsets in the source text). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type PlannedNode =
  | { kind: 'text'; source: number; edits: TextEdit[] }
  | { kind: 'table'; source: number; rows: { source: number; cells: TextEdit[][] }[] };

export interface DocumentPlan {
  nodes: PlannedNode[];
  problems: TemplateProblem[];
}

type Token =
  | { kind: 'field'; path: string; format?: string; start: number; end: number; raw: string }
  | { kind: 'open'; block: 'each' | 'if' | 'unless'; path: string; start: number; end: number; raw: string }
  | { kind: 'else'; start: number; end: number; raw: string }
  | { kind: 'close'; block: 'each' | 'if' | 'unless'; start: number; end: number; raw: string }
  | { kind: 'bad'; start: number; end: number; raw: string; code: 'unclosed' | 'malformed' };

const PATH = '[@A-Za-zÀ-ÖØ-öø-ÿ_][\\wÀ-ÖØ-öø-ÿ.@]*|\\.';

/** The `{{…}}` of a text, in order; a `{{` never closed is a `bad` token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    const start = text.indexOf('{{', i);
    if (start < 0) return tokens;
    const close = text.indexOf('}}', start + 2);
    const nextOpen = text.indexOf('{{', start + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const end = nextOpen >= 0 ? nextOpen : text.length;
      tokens.push({ kind: 'bad', code: 'unclosed', start, end, raw: text.slice(start, end) });
      i = end;
      continue;
    }
    const end = close + 2;
    const raw = text.slice(start, end);
    tokens.push(parseToken(text.slice(start + 2, close).trim(), start, end, raw));
    i = end;
  }
}

function parseToken(inner: string, start: number, end: number, raw: string): Token {
  const open = new RegExp(`^#(each|if|unless)\\s+(${PATH})$`).exec(inner);
  if (open)
    return { kind: 'open', block: open[1] as 'each' | 'if' | 'unless', path: open[2], start, end, raw };
  const close = /^\/(each|if|unless)$/.exec(inner);
  if (close) return { kind: 'close', block: close[1] as 'each' | 'if' | 'unless', start, end, raw };
  if (inner === 'else') return { kind: 'else', start, end, raw };
  const field = new RegExp(`^(${PATH})\\s*(?:\\|\\s*([^|{}]+?)\\s*)?$`).exec(inner);
  if (field) return { kind: 'field', path: field[1], format: field[2], start, end, raw };
  return { kind: 'bad', code: 'malformed', start, end, raw };
}

/** A scope: the fields visible (innermost first) and, at run time, their values. */
interface Scope {
  specs: FieldSpecs;
  data: TemplateData | null;
  /** The item of an `each` over scalars, reachable as `.`. */
  item?: { spec: FieldSpec; value: TemplateValue };
  index?: number;
  count?: number;
  parent: Scope | null;
}

const LOOP_FIELDS: FieldSpecs = { '@numero': 'integer', '@premier': 'boolean', '@dernier': 'boolean' };

function resolveSpec(path: string, scope: Scope): FieldSpec | null {
  if (path === '.') return scope.item?.spec ?? null;
  const [head, ...rest] = path.split('.');
  for (let s: Scope | null = scope; s; s = s.parent) {
    const spec = head.startsWith('@')
      ? s.index !== undefined
        ? LOOP_FIELDS[head]
        : undefined
      : s.specs[head];
    if (spec === undefined) continue;
    let current: FieldSpec = spec;
    for (const part of rest) {
      if (typeof current !== 'object' || !('object' in current)) return null;
      const next: FieldSpec | undefined = current.object[part];
      if (next === undefined) return null;
      current = next;
    }
    return current;
  }
  return null;
}

function resolveValue(path: string, scope: Scope): TemplateValue {
  if (path === '.') return scope.item?.value;
  const [head, ...rest] = path.split('.');
  for (let s: Scope | null = scope; s; s = s.parent) {
    if (head.startsWith('@')) {
      if (s.index === undefined || s.count === undefined) continue;
      if (head === '@numero') return s.index + 1;
      if (head === '@premier') return s.index === 0;
      if (head === '@dernier') return s.index === s.count - 1;
    }
    if (!s.data || !(head in s.specs)) continue;
    let current: TemplateValue = s.data[head];
    for (const part of rest) {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      current = (current as TemplateData)[part];
    }
    return current;
  }
  return undefined;
}

/** Every field a placeholder may name in this scope, the fields of objects as `objet.champ`. */
function names(scope: Scope): string[] {
  const all: string[] = [];
  const add = (specs: FieldSpecs, prefix: string) => {
    for (const [name, spec] of Object.entries(specs)) {
      all.push(prefix + name);
      if (typeof spec === 'object' && 'object' in spec) add(spec.object, `${prefix}${name}.`);
    }
  };
  for (let s: Scope | null = scope; s; s = s.parent) add(s.specs, '');
  return all;
}

/**
 * The closest known name within two edits (accents and case ignored), for a misspelt field: the
 * whole path first (`reunion.titr` → `reunion.titre`), else its first name (`partenaires.nom`
 * outside its list → `partenaires`).
 */
function suggest(path: string, scope: Scope): string | undefined {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const closest = (target: string): string | undefined => {
    let best: { name: string; d: number } | undefined;
    for (const name of names(scope)) {
      const d = editDistance(fold(target), fold(name));
      if (d <= 2 && (!best || d < best.d)) best = { name, d };
    }
    return best?.name;
  };
  return closest(path) ?? closest(path.split('.')[0]);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}

function isList(spec: FieldSpec | null): spec is { list: FieldSpecs } {
  return spec !== null && typeof spec === 'object' && 'list' in spec;
}

function truthy(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== '' && value !== 0 && value !== false;
}

function childScope(
  parent: Scope,
  spec: { list: FieldSpecs },
  items: readonly TemplateData[] | null,
  index?: number,
): Scope {
  const item = items && index !== undefined ? items[index] : undefined;
  const scalarItem = item !== undefined && (typeof item !== 'object' || item === null);
  // A list declared with no fields holds scalars, reachable as `.` (checked with no data too).
  const scalars = Object.keys(spec.list).length === 0;
  return {
    specs: spec.list,
    data: item !== undefined && !scalarItem ? item : null,
    item: scalarItem || (scalars && !items) ? { spec: 'text', value: item } : undefined,
    index,
    count: items?.length,
    parent,
  };
}

function listItems(value: TemplateValue): readonly TemplateData[] {
  return Array.isArray(value) ? value : [];
}

// ——— formatting ———

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Half away from zero on the decimal representation (1,005 → 1,01), as an accountant expects. */
export function roundHalfAway(n: number, decimals: number): number {
  const shifted = Number(`${Math.abs(n).toPrecision(15)}e${decimals}`);
  return (Math.sign(n) * Math.round(shifted)) / 10 ** decimals;
}

function group(n: number, decimals: number): string {
  const fixed = roundHalfAway(n, decimals).toFixed(decimals);
  const negative = fixed.startsWith('-') && Number(fixed) !== 0;
  const [int, frac] = fixed.replace('-', '').split('.');
  return `${negative ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP)}${frac ? `,${frac}` : ''}`;
}

/** A value as French text: `1 234,50 €`, `12,5 %`, `29/03/2026`, `29 mars 2026`. */
export function formatValue(value: TemplateValue, format: FormatName): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'object') return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  switch (format) {
    case 'montant':
      return typeof value === 'number' ? `${group(value, 2)}${NBSP}€` : String(value);
    case 'pourcentage':
      return typeof value === 'number'
        ? `${group(value * 100, 1).replace(/,0$/, '')}${NBSP}%`
        : String(value);
    case 'nombre':
      return typeof value === 'number' ? group(value, 2).replace(/,?0+$/, '') : String(value);
    case 'entier':
      return typeof value === 'number' ? group(value, 0) : String(value);
    case 'date':
    case 'date longue': {
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
      if (!m) return String(value);
      if (format === 'date') return `${m[3]}/${m[2]}/${m[1]}`;
      const day = Number(m[3]);
      return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[Number(m[2]) - 1]} ${m[1]}`;
    }
    case 'majuscules':
      return String(value).toLocaleUpperCase('fr');
    default:
      // « texte »: the value as written, no grouping (a year stays 2026), a French decimal comma.
      return typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  }
}

function defaultFormat(spec: FieldSpec | null): FormatName {
  switch (spec) {
    case 'money':
      return 'montant';
    case 'percent':
      return 'pourcentage';
    case 'date':
      return 'date';
    case 'integer':
      return 'entier';
    case 'number':
      return 'nombre';
    default:
      return 'texte';
  }
}

// ——— checking and rendering text ———

interface TextContext {
  place: NodePlace;
  problems: TemplateProblem[] | null;
}

/**
 * Renders the tokens [from, to) of `text` in `scope`: the edits that turn the template text into
 * the document's text. With `problems`, also checks every placeholder (checking walks every
 * branch and every list once, with no data, so a placeholder in an empty list is still checked).
 */
function renderTokens(
  text: string,
  tokens: readonly Token[],
  scope: Scope,
  ctx: TextContext,
  checkOnly: boolean,
): TextEdit[] {
  const edits: TextEdit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === 'bad') {
      ctx.problems?.push({ code: t.code, placeholder: t.raw, place: ctx.place });
      i += 1;
      continue;
    }
    if (t.kind === 'field') {
      const spec = resolveSpec(t.path, scope);
      if (spec === null) {
        ctx.problems?.push({
          code: 'unknownField',
          placeholder: t.raw,
          place: ctx.place,
          suggestion: suggest(t.path, scope),
        });
      } else if (t.format !== undefined && !(FORMATS as readonly string[]).includes(t.format)) {
        ctx.problems?.push({ code: 'unknownFormat', placeholder: t.raw, place: ctx.place });
      }
      const format = (t.format as FormatName | undefined) ?? defaultFormat(spec);
      edits.push({
        start: t.start,
        end: t.end,
        text: checkOnly ? '' : formatValue(resolveValue(t.path, scope), format),
      });
      i += 1;
      continue;
    }
    if (t.kind === 'close' || t.kind === 'else') {
      ctx.problems?.push({ code: 'unexpectedClose', placeholder: t.raw, place: ctx.place });
      i += 1;
      continue;
    }
    // An inline block: find its matching close within this text.
    const closeAt = matchingClose(tokens, i);
    if (closeAt < 0) {
      ctx.problems?.push({ code: 'unclosed', placeholder: t.raw, place: ctx.place });
      i += 1;
      continue;
    }
    const elseAt = t.block === 'each' ? -1 : elseOf(tokens, i, closeAt);
    const inner = (from: number, to: number) => tokens.slice(from, to);
    const pieces: string[] = [];
    const spec = resolveSpec(t.path, scope);
    if (spec === null)
      ctx.problems?.push({
        code: 'unknownField',
        placeholder: t.raw,
        place: ctx.place,
        suggestion: suggest(t.path, scope),
      });
    if (t.block === 'each') {
      if (spec !== null && !isList(spec))
        ctx.problems?.push({ code: 'notAList', placeholder: t.raw, place: ctx.place });
      const body = inner(i + 1, closeAt);
      const bodyStart = t.end;
      const bodyEnd = tokens[closeAt].start;
      if (isList(spec)) {
        const items = checkOnly ? [null] : listItems(resolveValue(t.path, scope));
        items.forEach((_, k) => {
          const s = childScope(
            scope,
            spec,
            checkOnly ? null : (items as readonly TemplateData[]),
            checkOnly ? undefined : k,
          );
          if (checkOnly) s.index = 0;
          pieces.push(
            applyEdits(
              text,
              bodyStart,
              bodyEnd,
              renderTokens(text, body, s, checkOnly ? ctx : { ...ctx, problems: null }, checkOnly),
            ),
          );
        });
      }
    } else {
      const yes =
        t.block === 'if' ? truthy(resolveValue(t.path, scope)) : !truthy(resolveValue(t.path, scope));
      const thenEnd = elseAt >= 0 ? elseAt : closeAt;
      const branches: [number, number, number, number][] = [[i + 1, thenEnd, t.end, tokens[thenEnd].start]];
      if (elseAt >= 0) branches.push([elseAt + 1, closeAt, tokens[elseAt].end, tokens[closeAt].start]);
      branches.forEach(([from, to, s0, s1], b) => {
        const chosen = (b === 0) === yes;
        if (!checkOnly && !chosen) return;
        const rendered = applyEdits(
          text,
          s0,
          s1,
          renderTokens(text, inner(from, to), scope, checkOnly ? ctx : { ...ctx, problems: null }, checkOnly),
        );
        if (chosen) pieces.push(rendered);
      });
    }
    edits.push({ start: t.start, end: tokens[closeAt].end, text: checkOnly ? '' : pieces.join('') });
    i = closeAt + 1;
  }
  return edits;
}

function matchingClose(tokens: readonly Token[], openAt: number): number {
  let depth = 0;
  for (let k = openAt; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (t.kind === 'open') depth += 1;
    if (t.kind === 'close') {
      depth -= 1;
      if (depth === 0) {
        const open = tokens[openAt];
        return open.kind === 'open' && open.block === t.block ? k : -1;
      }
    }
  }
  return -1;
}

function elseOf(tokens: readonly Token[], openAt: number, closeAt: number): number {
  let depth = 0;
  for (let k = openAt + 1; k < closeAt; k += 1) {
    const t = tokens[k];
    if (t.kind === 'open') depth += 1;
    if (t.kind === 'close') depth -= 1;
    if (t.kind === 'else' && depth === 0) return k;
  }
  return -1;
}

/** The text [from, to) of `text` with `edits` (inside it) applied. */
function applyEdits(text: string, from: number, to: number, edits: readonly TextEdit[]): string {
  let out = '';
  let at = from;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at, to);
}

/** The text of a node once its edits are made (what the document will read). */
export function editedText(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, 0, text.length, edits);
}

// ——— blocks over nodes ———

/** A marker standing alone in a text node: `{{#each x}}`, `{{/each}}`, `{{else}}`… */
function standaloneMarker(node: TemplateNode): Token | null {
  if (node.kind !== 'text') return null;
  const tokens = tokenize(node.text);
  if (tokens.length !== 1) return null;
  const t = tokens[0];
  if (t.kind !== 'open' && t.kind !== 'close' && t.kind !== 'else') return null;
  return node.text.slice(0, t.start).trim() === '' && node.text.slice(t.end).trim() === '' ? t : null;
}

/** The open token of a repeated table row (`{{#each x}}` whose `{{/each}}` is in the same row). */
function rowLoop(
  cells: readonly string[],
): { open: Token & { kind: 'open' }; cell: number; closeCell: number } | null {
  for (let c = 0; c < cells.length; c += 1) {
    const tokens = tokenize(cells[c]);
    const at = tokens.findIndex((t) => t.kind === 'open' && t.block === 'each');
    const open = tokens[at];
    if (open?.kind !== 'open') continue;
    // Inline within one cell is an inline block, not a row loop.
    if (matchingClose(tokens, at) >= 0) return null;
    for (let d = cells.length - 1; d > c; d -= 1) {
      if (tokenize(cells[d]).some((t) => t.kind === 'close' && t.block === 'each'))
        return { open, cell: c, closeCell: d };
    }
    return null;
  }
  return null;
}

/** The edits that remove a row loop's own markers from one cell of the row. */
function rowMarkerEdits(
  text: string,
  loop: { open: Token; cell: number; closeCell: number },
  cell: number,
): TextEdit[] {
  const removed: TextEdit[] = [];
  if (cell === loop.cell) removed.push({ start: loop.open.start, end: loop.open.end, text: '' });
  if (cell === loop.closeCell) {
    const close = [...tokenize(text)].reverse().find((t) => t.kind === 'close' && t.block === 'each');
    if (close) removed.push({ start: close.start, end: close.end, text: '' });
  }
  return removed;
}

/** Renders one cell (or text node) with its tokens, minus markers already handled. */
function renderText(
  text: string,
  scope: Scope,
  ctx: TextContext,
  checkOnly: boolean,
  skip: readonly TextEdit[] = [],
): TextEdit[] {
  const tokens = tokenize(text).filter((t) => !skip.some((s) => s.start === t.start));
  const edits = [...renderTokens(text, tokens, scope, ctx, checkOnly), ...skip];
  return edits.sort((a, b) => a.start - b.start);
}

function planTable(
  node: { kind: 'table'; rows: readonly (readonly string[])[] },
  source: number,
  scope: Scope,
  problems: TemplateProblem[] | null,
  checkOnly: boolean,
): PlannedNode {
  const rows: { source: number; cells: TextEdit[][] }[] = [];
  node.rows.forEach((cells, r) => {
    const loop = rowLoop(cells);
    const cellCtx = (c: number): TextContext => ({ place: { node: source, row: r, cell: c }, problems });
    if (!loop) {
      rows.push({ source: r, cells: cells.map((text, c) => renderText(text, scope, cellCtx(c), checkOnly)) });
      return;
    }
    const spec = resolveSpec(loop.open.path, scope);
    if (!isList(spec)) {
      problems?.push({
        code: spec === null ? 'unknownField' : 'notAList',
        placeholder: loop.open.raw,
        place: { node: source, row: r, cell: loop.cell },
        suggestion: spec === null ? suggest(loop.open.path, scope) : undefined,
      });
      return;
    }
    const items = checkOnly ? [null] : listItems(resolveValue(loop.open.path, scope));
    items.forEach((_, k) => {
      const s = childScope(
        scope,
        spec,
        checkOnly ? null : (items as readonly TemplateData[]),
        checkOnly ? undefined : k,
      );
      if (checkOnly) s.index = 0;
      rows.push({
        source: r,
        cells: cells.map((text, c) =>
          renderText(text, s, cellCtx(c), checkOnly, rowMarkerEdits(text, loop, c)),
        ),
      });
    });
  });
  return { kind: 'table', source, rows };
}

function planRange(
  nodes: readonly TemplateNode[],
  from: number,
  to: number,
  scope: Scope,
  out: PlannedNode[],
  problems: TemplateProblem[] | null,
  checkOnly: boolean,
): void {
  let i = from;
  while (i < to) {
    const node = nodes[i];
    const marker = standaloneMarker(node);
    if (marker && marker.kind === 'open') {
      const closeAt = matchingNodeClose(nodes, i, to);
      if (closeAt < 0) {
        problems?.push({ code: 'unclosed', placeholder: marker.raw, place: { node: i } });
        i += 1;
        continue;
      }
      const spec = resolveSpec(marker.path, scope);
      if (spec === null)
        problems?.push({
          code: 'unknownField',
          placeholder: marker.raw,
          place: { node: i },
          suggestion: suggest(marker.path, scope),
        });
      if (marker.block === 'each') {
        if (spec !== null && !isList(spec))
          problems?.push({ code: 'notAList', placeholder: marker.raw, place: { node: i } });
        if (isList(spec)) {
          const items = checkOnly ? [null] : listItems(resolveValue(marker.path, scope));
          items.forEach((_, k) => {
            const s = childScope(
              scope,
              spec,
              checkOnly ? null : (items as readonly TemplateData[]),
              checkOnly ? undefined : k,
            );
            if (checkOnly) s.index = 0;
            planRange(nodes, i + 1, closeAt, s, out, problems, checkOnly);
          });
        }
      } else {
        const elseAt = nodeElse(nodes, i, closeAt);
        const yes =
          marker.block === 'if'
            ? truthy(resolveValue(marker.path, scope))
            : !truthy(resolveValue(marker.path, scope));
        const thenEnd = elseAt >= 0 ? elseAt : closeAt;
        if (checkOnly || yes) planRange(nodes, i + 1, thenEnd, scope, out, problems, checkOnly);
        if (elseAt >= 0 && (checkOnly || !yes))
          planRange(nodes, elseAt + 1, closeAt, scope, out, problems, checkOnly);
      }
      i = closeAt + 1;
      continue;
    }
    if (marker) {
      problems?.push({ code: 'unexpectedClose', placeholder: marker.raw, place: { node: i } });
      i += 1;
      continue;
    }
    if (node.kind === 'table') out.push(planTable(node, i, scope, problems, checkOnly));
    else
      out.push({
        kind: 'text',
        source: i,
        edits: renderText(node.text, scope, { place: { node: i }, problems }, checkOnly),
      });
    i += 1;
  }
}

function matchingNodeClose(nodes: readonly TemplateNode[], openAt: number, to: number): number {
  let depth = 0;
  const open = standaloneMarker(nodes[openAt]);
  for (let k = openAt; k < to; k += 1) {
    const m = standaloneMarker(nodes[k]);
    if (m?.kind === 'open') depth += 1;
    if (m?.kind === 'close') {
      depth -= 1;
      if (depth === 0) return open?.kind === 'open' && open.block === m.block ? k : -1;
    }
  }
  return -1;
}

function nodeElse(nodes: readonly TemplateNode[], openAt: number, closeAt: number): number {
  let depth = 0;
  for (let k = openAt + 1; k < closeAt; k += 1) {
    const m = standaloneMarker(nodes[k]);
    if (m?.kind === 'open') depth += 1;
    if (m?.kind === 'close') depth -= 1;
    if (m?.kind === 'else' && depth === 0) return k;
  }
  return -1;
}

/** Every problem of a template against a document type's fields (independent of any data). */
export function checkTemplate(nodes: readonly TemplateNode[], fields: FieldSpecs): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  planRange(nodes, 0, nodes.length, { specs: fields, data: null, parent: null }, [], problems, true);
  return problems;
}

/**
 * The plan that turns a template into a document for `data`: problems first (a template with
 * problems must not be rendered: every one is reported), then the nodes in output order.
 */
export function planDocument(
  nodes: readonly TemplateNode[],
  fields: FieldSpecs,
  data: TemplateData,
): DocumentPlan {
  const problems = checkTemplate(nodes, fields);
  const planned: PlannedNode[] = [];
  if (problems.length === 0)
    planRange(nodes, 0, nodes.length, { specs: fields, data, parent: null }, planned, null, false);
  return { nodes: planned, problems };
}
