/**
 * Protection of a range or a sheet. The script runs as the owner, who may always edit; the
 * protection matters for users typing (see EmuSpreadsheetApp._userEdit with `as`).
 */
import type { Rect } from './a1';
import type { Ctx } from './context';
import { charge } from './context';
import { type EmuEnumValue, enumValue, ProtectionType } from './enums';
import { fail } from './errors';
import type { ProtectionState } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';

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

  getProtectionType(): EmuEnumValue {
    return enumValue(ProtectionType, this.p.type);
  }
  getDescription(): string {
    return this.p.description;
  }
  setDescription(description: string): EmuProtection {
    this.charge('setDescription');
    this.p.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): EmuProtection {
    this.charge('setWarningOnly');
    this.p.warningOnly = !!warningOnly;
    return this;
  }
  getEditors(): EmuUser[] {
    return [OWNER_EMAIL, ...this.p.editors].map((e) => new EmuUser(e));
  }
  addEditor(emailAddress: string | EmuUser): EmuProtection {
    this.charge('addEditor');
    const e = emailOf(emailAddress);
    if (!this.p.editors.includes(e)) this.p.editors.push(e);
    return this;
  }
  addEditors(emailAddresses: string[]): EmuProtection {
    this.charge('addEditors');
    for (const e of emailAddresses.map(emailOf)) if (!this.p.editors.includes(e)) this.p.editors.push(e);
    return this;
  }
  /** The owner cannot be removed (Google keeps the owner as editor). */
  removeEditor(emailAddress: string | EmuUser): EmuProtection {
    this.charge('removeEditor');
    const e = emailOf(emailAddress);
    this.p.editors = this.p.editors.filter((x) => x !== e);
    return this;
  }
  removeEditors(emailAddresses: (string | EmuUser)[]): EmuProtection {
    this.charge('removeEditors');
    const gone = new Set(emailAddresses.map(emailOf));
    this.p.editors = this.p.editors.filter((x) => !gone.has(x));
    return this;
  }
  canDomainEdit(): boolean {
    return this.p.domainEdit;
  }
  setDomainEdit(editable: boolean): EmuProtection {
    this.charge('setDomainEdit');
    this.p.domainEdit = !!editable;
    return this;
  }
  /** The script runs as the owner, who can always edit. */
  canEdit(): boolean {
    this.charge('canEdit');
    return true;
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
    this.p.unprotected = ranges.map((r) => ({ ...r.rect }));
    return this;
  }
  remove(): void {
    this.charge('remove');
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
    if (p.sheetId !== sheetId || p.warningOnly || p.editors.includes(email)) return true;
    if (p.type === 'SHEET') return p.unprotected.some((r) => inside(r, row, col));
    return !(p.rect && inside(p.rect, row, col));
  });
}
