/**
 * The formula engine bridge: one HyperFormula instance per spreadsheet, one HF sheet per sheet,
 * kept in step with every write and structural change. TODAY() and NOW() read the emulator's
 * virtual clock in the spreadsheet's time zone instead of the machine's clock.
 */
import {
  type CellValue,
  DetailedCellError,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
} from 'hyperformula';
import { instantToSerial } from './locale';
import type { Literal } from './model';
import { registerSheetsFunctions } from './sheets-functions';

/** The clock that TODAY()/NOW() read while the engine evaluates (set around every engine call). */
let activeClock: { now: () => number; timeZone: string } | null = null;

/** TODAY/NOW bound to the emulator clock; falls back to the real clock outside the emulator. */
class VirtualClockPlugin extends FunctionPlugin {
  today(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('TODAY'), () =>
      Math.floor(nowSerial()),
    );
  }
  now(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('NOW'), () => nowSerial());
  }
}
VirtualClockPlugin.implementedFunctions = {
  TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' as never },
  NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' as never },
};

function nowSerial(): number {
  const clock = activeClock ?? {
    now: () => Date.now(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  return instantToSerial(clock.now(), clock.timeZone);
}

// HyperFormula's function registry is global: replace its TODAY/NOW once, before any instance.
HyperFormula.registerFunction('TODAY', VirtualClockPlugin);
HyperFormula.registerFunction('NOW', VirtualClockPlugin);
// Sheets' semantics where HyperFormula differs (ROUND, INT, DATE, EOMONTH, SUMIFS, COUNTIFS).
registerSheetsFunctions();

/** Google's error value strings, from HyperFormula's. */
const ERROR_MAP: Record<string, string> = {
  '#DIV/0!': '#DIV/0!',
  '#N/A': '#N/A',
  '#NAME?': '#NAME?',
  '#NUM!': '#NUM!',
  '#REF!': '#REF!',
  '#VALUE!': '#VALUE!',
  '#ERROR!': '#ERROR!',
  '#NULL!': '#NULL!',
  // Circular dependencies show #REF! in Sheets ("Circular dependency detected").
  '#CYCLE!': '#REF!',
  '#SPILL!': '#REF!',
  '#LIC!': '#ERROR!',
};

/** A computed value: a literal, null for empty, or an error string such as '#DIV/0!'. */
export interface Computed {
  value: Literal | null;
  error: boolean;
  /** HyperFormula's detailed type (NUMBER_DATE...), used for automatic formats of formula results. */
  detailedType: string;
}

/**
 * One HyperFormula workbook mirroring one spreadsheet.
 *
 * Built lazily: the spreadsheet's state is the source of truth, and HyperFormula is only built
 * from it (by `load`, given by the workbook) the first time a formula's value or text is needed or
 * a structural change has to move formulas. Restoring a snapshot (every test, every playground
 * start) rebuilt 3,000 formulas over 1,000-row ranges — seconds — for calls that often read and
 * write only typed values. Until it is built, writes of typed values, new sheets, named ranges and
 * the time zone only live in the state, which the build reads. Once built, changes are applied
 * with evaluation suspended and evaluated together by the next read (`settle`).
 */
export class FormulaEngine {
  private hfInstance: HyperFormula | null = null;
  private readonly ids = new Map<number, number>();
  private lastDay = 0;
  private building = false;

  constructor(
    private readonly clock: () => number,
    private timeZone: string,
    private readonly load: (engine: FormulaEngine) => void,
  ) {}

  /** Whether HyperFormula has been built (tests and measurements). */
  get built(): boolean {
    return this.hfInstance !== null;
  }

  /** Builds HyperFormula from the state now if it is not built yet. */
  ensureBuilt(): void {
    if (this.hfInstance || this.building) return;
    this.building = true;
    try {
      this.hfInstance = HyperFormula.buildEmpty({
        licenseKey: 'gpl-v3',
        maxRows: 10_000_000,
        maxColumns: 18_278,
        smartRounding: false,
        functionArgSeparator: ',',
        decimalSeparator: '.',
        thousandSeparator: '',
        useColumnIndex: true,
        // Text comparisons (=, MATCH, criteria) ignore case but not accents: "é" is not "e" in
        // Sheets (unverified: no help page states it; HyperFormula's default ignores accents).
        caseSensitive: false,
        accentSensitive: true,
        // Sheets has no undo through the API; HyperFormula's undo stack made bulk writes quadratic.
        undoLimit: 0,
      });
      // Evaluation stays suspended after the build: the first read evaluates everything once.
      this.hfInstance.suspendEvaluation();
      this.suspended = true;
      this.load(this);
    } finally {
      this.building = false;
    }
  }

  /**
   * Whether HyperFormula's evaluation is suspended: changes (writes, rows, names) are applied to
   * its graph at once and evaluated together by the next read (`settle`), as one batch. A call
   * that writes several ranges then reads a formula recomputes the dependents once, not per write.
   */
  private suspended = false;

  /** Applies a change to the built engine with evaluation suspended. */
  private change<T>(fn: (hf: HyperFormula) => T): T {
    const hf = this.hf;
    if (!this.suspended) {
      hf.suspendEvaluation();
      this.suspended = true;
    }
    return fn(hf);
  }

  /** Evaluates what changed since the last read (with the virtual clock visible to TODAY()). */
  private settle(): void {
    this.ensureBuilt();
    if (!this.suspended) return;
    this.suspended = false;
    const hf = this.hf;
    this.run(() => hf.resumeEvaluation());
  }

  /** Rows and columns move formulas: the workbook builds the engine before it changes its state. */
  private mustBeBuilt(): void {
    if (!this.hfInstance) throw new Error('emulator: formula engine not built before a structural change');
  }

  private get hf(): HyperFormula {
    this.ensureBuilt();
    return this.hfInstance as HyperFormula;
  }

  /** Changes the zone TODAY() uses (Spreadsheet.setSpreadsheetTimeZone). */
  setTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
    if (!this.hfInstance) return;
    this.settle();
    this.run(() => this.hf.rebuildAndRecalculate());
  }

  private today(): number {
    return Math.floor(instantToSerial(this.clock(), this.timeZone));
  }

  /** Runs `fn` with the virtual clock visible to TODAY()/NOW(). */
  private run<T>(fn: () => T): T {
    const previous = activeClock;
    activeClock = { now: this.clock, timeZone: this.timeZone };
    try {
      const out = fn();
      this.lastDay = this.today();
      return out;
    } finally {
      activeClock = previous;
    }
  }

  private hfId(sheetId: number): number {
    this.ensureBuilt();
    const id = this.ids.get(sheetId);
    if (id === undefined) throw new Error(`emulator: sheet ${sheetId} is not in the formula engine`);
    return id;
  }

  addSheet(sheetId: number, name: string): void {
    if (!this.hfInstance) return;
    this.change((hf) => {
      const hfName = hf.addSheet(name);
      this.ids.set(sheetId, hf.getSheetId(hfName) as number);
    });
  }

  removeSheet(sheetId: number): void {
    this.change((hf) => hf.removeSheet(this.hfId(sheetId)));
    this.ids.delete(sheetId);
  }

  renameSheet(sheetId: number, name: string): void {
    this.change((hf) => hf.renameSheet(this.hfId(sheetId), name));
  }

  /** Writes many cells at once (1-based coordinates); content is a literal, a formula or null. */
  setCells(
    sheetId: number,
    cells: { row: number; col: number; content: Literal | null; formula?: string }[],
  ): void {
    if (!this.hfInstance && !cells.some((c) => c.formula !== undefined)) return;
    const sheet = this.hfId(sheetId);
    for (const c of cells) if (c.formula !== undefined) this.registerNamesUsedBy(c.formula);
    const toRaw = (c: (typeof cells)[number]): RawCellContent => {
      if (c.formula !== undefined) return c.formula;
      if (typeof c.content === 'string') return `'${c.content}`;
      return c.content;
    };
    // One call per rectangle: HyperFormula's per-call bookkeeping made cell-by-cell writes slow.
    const rect = boundingRect(cells);
    if (rect && rect.rows * rect.cols === cells.length) {
      const matrix: RawCellContent[][] = Array.from({ length: rect.rows }, () =>
        new Array(rect.cols).fill(null),
      );
      const seen = new Set<number>();
      for (const c of cells) {
        const key = (c.row - rect.row) * rect.cols + (c.col - rect.col);
        seen.add(key);
        matrix[c.row - rect.row][c.col - rect.col] = toRaw(c);
      }
      if (seen.size === cells.length) {
        this.change((hf) => hf.setCellContents({ sheet, row: rect.row - 1, col: rect.col - 1 }, matrix));
        return;
      }
    }
    const writeEach = () => {
      for (const c of cells) this.hf.setCellContents({ sheet, row: c.row - 1, col: c.col - 1 }, [[toRaw(c)]]);
    };
    this.change(writeEach);
  }

  addRows(sheetId: number, beforeRow: number, count: number): void {
    this.mustBeBuilt();
    this.change((hf) => hf.addRows(this.hfId(sheetId), [beforeRow - 1, count]));
  }

  removeRows(sheetId: number, row: number, count: number): void {
    this.mustBeBuilt();
    this.change((hf) => hf.removeRows(this.hfId(sheetId), [row - 1, count]));
  }

  addColumns(sheetId: number, beforeCol: number, count: number): void {
    this.mustBeBuilt();
    this.change((hf) => hf.addColumns(this.hfId(sheetId), [beforeCol - 1, count]));
  }

  removeColumns(sheetId: number, col: number, count: number): void {
    this.mustBeBuilt();
    this.change((hf) => hf.removeColumns(this.hfId(sheetId), [col - 1, count]));
  }

  /** Moves `count` columns starting at `col` so that they land before column `target` (HF semantics). */
  moveColumns(sheetId: number, col: number, count: number, target: number): void {
    this.mustBeBuilt();
    this.change((hf) => hf.moveColumns(this.hfId(sheetId), col - 1, count, target - 1));
  }

  /**
   * Defines or redefines a workbook-level named range. HyperFormula builds a vertex for every
   * cell of a named range, so a name is handed to it only once a formula uses it (an add-on may
   * name whole tables that no formula reads): same results, a fraction of the memory.
   */
  setName(name: string, expression: string): void {
    if (!this.hfInstance) return;
    this.declaredNames.set(name.toUpperCase(), { name, expression });
    if (this.hf.getNamedExpression(name)) this.change((hf) => hf.changeNamedExpression(name, expression));
    else if (this.mentionedNames.has(name.toUpperCase())) {
      // Formulas written before the name existed show #NAME? until it appears, as on Sheets.
      this.settle();
      this.run(() => {
        this.hf.addNamedExpression(name, expression);
        this.hf.rebuildAndRecalculate();
      });
    }
  }

  /** Every identifier some formula has mentioned (upper case), declared as a name or not. */
  private readonly mentionedNames = new Set<string>();

  removeName(name: string): void {
    if (!this.hfInstance) return;
    this.declaredNames.delete(name.toUpperCase());
    if (this.hf.getNamedExpression(name)) this.change((hf) => hf.removeNamedExpression(name));
  }

  private readonly declaredNames = new Map<string, { name: string; expression: string }>();

  /** Registers in HyperFormula the declared names that `formula` mentions (outside strings). */
  private registerNamesUsedBy(formula: string): void {
    const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, '');
    for (const word of code.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? []) {
      this.mentionedNames.add(word.toUpperCase());
      const declared = this.declaredNames.get(word.toUpperCase());
      if (declared && !this.hf.getNamedExpression(declared.name)) {
        this.change((hf) => hf.addNamedExpression(declared.name, declared.expression));
      }
    }
  }

  /** Recomputes volatile functions when the virtual day changed since the last evaluation. */
  private refreshIfDayChanged(): void {
    this.settle();
    if (this.today() === this.lastDay) return;
    // HyperFormula recomputes its volatile cells (TODAY, NOW...) and what depends on them on every
    // evaluation it resumes, changes or not: the new day costs those cells only, where rebuilding
    // the whole graph (rebuildAndRecalculate) cost seconds per day the clock moved.
    this.run(() => {
      this.hf.suspendEvaluation();
      this.hf.resumeEvaluation();
    });
  }

  /** The computed value of a cell (1-based). */
  value(sheetId: number, row: number, col: number): Computed {
    this.refreshIfDayChanged();
    const address = { sheet: this.hfId(sheetId), row: row - 1, col: col - 1 };
    const v: CellValue = this.hf.getCellValue(address);
    if (v instanceof DetailedCellError)
      return { value: ERROR_MAP[v.value] ?? '#ERROR!', error: true, detailedType: 'ERROR' };
    return {
      value: v as Literal | null,
      error: false,
      detailedType: String(this.hf.getCellValueDetailedType(address)),
    };
  }

  /** The engine's (normalised) formula text of a cell, or undefined. */
  formula(sheetId: number, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet: this.hfId(sheetId), row: row - 1, col: col - 1 });
  }

  /**
   * Evaluates a formula that lives in no cell, in the context of a sheet, with the current values
   * and the virtual clock (conditional-format rules). Pass only absolute references: HyperFormula
   * anchors relative ones at A1. An array result counts by its first cell.
   */
  calculate(sheetId: number, formula: string): Computed {
    this.refreshIfDayChanged();
    const out = this.run(() => this.hf.calculateFormula(formula, this.hfId(sheetId)));
    const v = Array.isArray(out) ? (out[0]?.[0] ?? null) : out;
    if (v instanceof DetailedCellError)
      return { value: ERROR_MAP[v.value] ?? '#ERROR!', error: true, detailedType: 'ERROR' };
    return { value: v as Literal | null, error: false, detailedType: 'UNKNOWN' };
  }

  /** Whether a formula text parses (used for conditional-format and validation formulas). */
  validate(formula: string): boolean {
    return this.hf.validateFormula(formula);
  }

  destroy(): void {
    this.hfInstance?.destroy();
    this.hfInstance = null;
  }
}

/** The smallest rectangle holding every cell (1-based), or null for none. */
function boundingRect(
  cells: readonly { row: number; col: number }[],
): { row: number; col: number; rows: number; cols: number } | null {
  if (cells.length === 0) return null;
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}
