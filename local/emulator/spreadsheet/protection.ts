/**
 * Protection of a range or a sheet, enforced per user: the user typing (EmuSpreadsheetApp._userEdit
 * with `as`) and the account a script runs as (Session's effective user, `Ctx.user`), following
 * developers.google.com/apps-script/reference/spreadsheet/protection:
 * - "The owner of the spreadsheet is always able to edit protected ranges and sheets" (canEdit);
 * - a warning-only protection lets everyone edit (with a warning in the UI) and blocks no script;
 * - otherwise only the listed editors edit, and, when `canDomainEdit()`, every user of the domain
 *   that owns the spreadsheet (the emulated owner's domain, `example.org`, is taken as a Workspace
 *   domain);
 * - a script writing as another user throws Google's text, « You are trying to edit a protected
 *   cell or object. Please contact the spreadsheet owner to remove protection if you need to
 *   edit. » (as reported from the Sheets API, github.com/theoephraim/node-google-spreadsheet/pull/20);
 * - "Neither the owner of the spreadsheet nor the current user can be removed" from the editors
 *   (removeEditor; quoted from memory of the reference page, unverified here): the page's own
 *   example `protection.removeEditors(protection.getEditors())` keeps them without an error.
 */
import type { Rect } from './a1';
import type { Ctx } from './context';
import { charge } from './context';
import { type EmuEnumValue, enumValue, ProtectionType } from './enums';
import { fail, MSG } from './errors';
import type { ProtectionState } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';

/** The account a script of this spreadsheet runs as (the owner when the emulator says nothing). */
export function scriptUser(ctx: Ctx): string {
  return ctx.user?.() || OWNER_EMAIL;
}

/** The domain of an e-mail address, lower case ('' when none). */
function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

/** Whether `email` may edit what `p` protects (owner, warning-only, listed editor, domain edit). */
function mayEdit(p: ProtectionState, email: string): boolean {
  if (email === OWNER_EMAIL || p.warningOnly) return true;
  if (p.editors.includes(email)) return true;
  return p.domainEdit && domainOf(email) !== '' && domainOf(email) === domainOf(OWNER_EMAIL);
}

/**
 * The editors a new protection starts with: the user creating it (a script's effective user),
 * who stays an editor (Range.protect: the permissions first mirror the spreadsheet's, and the
 * current user cannot be removed). The owner is implicit.
 */
export function initialEditors(ctx: Ctx): string[] {
  const me = scriptUser(ctx);
  return me === OWNER_EMAIL ? [] : [me];
}

/** The e-mail of the emulated owner (the account running the add-on). */
export const OWNER_EMAIL = 'owner@example.org';

/** A minimal Base.User. */
export class EmuUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

function emailOf(x: unknown): string {
  return x instanceof EmuUser ? x.getEmail() : String(x);
}

/** Protection (a live view by id). */
export class EmuProtection {
  constructor(
    private readonly ctx: Ctx,
    private readonly id: number,
  ) {}

  private get p(): ProtectionState {
    const p = this.ctx.wb.state.protections.find((x) => x.id === this.id);
    // Unverified wording.
    if (!p) fail('This protection has been removed.');
    return p;
  }
  private charge(method: string): void {
    charge(this.ctx, 'Protection', method);
  }
  /**
   * Changing a protection needs the right to edit it (the reference's examples test canEdit()
   * before remove()). Google's wording for a refusal is unverified; the protected-cell text is used.
   */
  private requireEditor(): ProtectionState {
    const p = this.p;
    if (!mayEdit({ ...p, warningOnly: false }, scriptUser(this.ctx))) fail(MSG.protectedCell);
    return p;
  }

  getProtectionType(): EmuEnumValue {
    return enumValue(ProtectionType, this.p.type);
  }
  getDescription(): string {
    return this.p.description;
  }
  setDescription(description: string): EmuProtection {
    this.charge('setDescription');
    this.requireEditor().description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): EmuProtection {
    this.charge('setWarningOnly');
    this.requireEditor().warningOnly = !!warningOnly;
    return this;
  }
  getEditors(): EmuUser[] {
    return [OWNER_EMAIL, ...this.p.editors].map((e) => new EmuUser(e));
  }
  addEditor(emailAddress: string | EmuUser): EmuProtection {
    this.charge('addEditor');
    const p = this.requireEditor();
    const e = emailOf(emailAddress);
    if (e !== OWNER_EMAIL && !p.editors.includes(e)) p.editors.push(e);
    return this;
  }
  addEditors(emailAddresses: (string | EmuUser)[]): EmuProtection {
    this.charge('addEditors');
    const p = this.requireEditor();
    for (const e of emailAddresses.map(emailOf))
      if (e !== OWNER_EMAIL && !p.editors.includes(e)) p.editors.push(e);
    return this;
  }
  /** Neither the owner nor the current user (the script's effective user) is removed. */
  removeEditor(emailAddress: string | EmuUser): EmuProtection {
    this.charge('removeEditor');
    const p = this.requireEditor();
    const e = emailOf(emailAddress);
    const me = scriptUser(this.ctx);
    p.editors = p.editors.filter((x) => x !== e || x === me);
    return this;
  }
  removeEditors(emailAddresses: (string | EmuUser)[]): EmuProtection {
    this.charge('removeEditors');
    const p = this.requireEditor();
    const gone = new Set(emailAddresses.map(emailOf));
    const me = scriptUser(this.ctx);
    p.editors = p.editors.filter((x) => !gone.has(x) || x === me);
    return this;
  }
  /** Whether every user of the domain that owns the spreadsheet may edit. */
  canDomainEdit(): boolean {
    return this.p.domainEdit;
  }
  setDomainEdit(editable: boolean): EmuProtection {
    this.charge('setDomainEdit');
    this.requireEditor().domainEdit = !!editable;
    return this;
  }
  /**
   * Whether the user the script runs as may edit the protected range or sheet ("The owner of
   * the spreadsheet is always able to edit protected ranges and sheets").
   */
  canEdit(): boolean {
    this.charge('canEdit');
    return mayEdit({ ...this.p, warningOnly: false }, scriptUser(this.ctx));
  }
  getRange(): EmuRange {
    const p = this.p;
    const sheet = new EmuSheet(this.ctx, p.sheetId);
    if (p.rect) return sheet._rangeUncharged(p.rect.row, p.rect.col, p.rect.numRows, p.rect.numCols);
    const s = this.ctx.wb.sheet(p.sheetId);
    return sheet._rangeUncharged(1, 1, s.maxRows, s.maxCols);
  }
  setRange(range: EmuRange): EmuProtection {
    this.charge('setRange');
    this.requireEditor();
    this.p.sheetId = range.sheetId;
    this.p.rect = { ...range.rect };
    return this;
  }
  getUnprotectedRanges(): EmuRange[] {
    const p = this.p;
    return p.unprotected.map((r) =>
      new EmuSheet(this.ctx, p.sheetId)._rangeUncharged(r.row, r.col, r.numRows, r.numCols),
    );
  }
  /** Only meaningful for sheet protections. */
  setUnprotectedRanges(ranges: EmuRange[]): EmuProtection {
    this.charge('setUnprotectedRanges');
    this.requireEditor();
    this.p.unprotected = ranges.map((r) => ({ ...r.rect }));
    return this;
  }
  remove(): void {
    this.charge('remove');
    this.requireEditor();
    this.ctx.wb.state.protections = this.ctx.wb.state.protections.filter((x) => x.id !== this.id);
  }
}

function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.numRows && col >= rect.col && col < rect.col + rect.numCols;
}

/** Whether `email` may edit a cell (owners and listed editors may; warning-only never blocks). */
export function canUserEdit(ctx: Ctx, sheetId: number, row: number, col: number, email: string): boolean {
  if (email === OWNER_EMAIL) return true;
  return ctx.wb.state.protections.every((p) => {
    if (p.sheetId !== sheetId || mayEdit(p, email)) return true;
    if (p.type === 'SHEET') return p.unprotected.some((r) => inside(r, row, col));
    return !(p.rect && inside(p.rect, row, col));
  });
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

/** Whether every cell of `rect` lies in one of `ranges` (the unprotected parts of a sheet). */
function covered(rect: Rect, ranges: readonly Rect[]): boolean {
  if (ranges.length === 0) return false;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      if (!ranges.some((u) => inside(u, r, c))) return false;
    }
  }
  return true;
}

/**
 * Throws Google's protected-cell error when the script's user may not change `rect` of the sheet
 * (values, formulas, formats, notes, validation, clearing; rows and columns inserted or deleted
 * pass the rows/columns they touch). A sheet protection blocks every cell outside its
 * unprotected ranges; a range protection the cells it covers.
 */
export function requireScriptMayEdit(ctx: Ctx, sheetId: number, rect: Rect): void {
  const email = scriptUser(ctx);
  if (email === OWNER_EMAIL) return;
  for (const p of ctx.wb.state.protections) {
    if (p.sheetId !== sheetId || mayEdit(p, email)) continue;
    if (p.type === 'SHEET' ? !covered(rect, p.unprotected) : p.rect && intersects(p.rect, rect)) {
      fail(MSG.protectedCell);
    }
  }
}
