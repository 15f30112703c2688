/** Ui emulator (SpreadsheetApp.getUi()): menus, sidebar, dialogs, scripted alerts and prompts. */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';
import { HtmlOutput } from './html-output';
import { makeEnum } from './shared';

/** Building a menu is local; showing anything is a round trip to the user's editor. */
const COST: Record<string, CostKind> = {
  createMenu: 'local',
  createAddonMenu: 'local',
  addItem: 'local',
  addSeparator: 'local',
  addSubMenu: 'local',
  addToUi: 'ui',
  showSidebar: 'ui',
  showModalDialog: 'ui',
  showModelessDialog: 'ui',
  alert: 'ui',
  prompt: 'ui',
  getResponseText: 'local',
  getSelectedButton: 'local',
};

/** `Ui.Button`. */
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
/** `Ui.ButtonSet`. */
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
type ButtonName = keyof typeof Button;

/** The buttons each set shows; CLOSE (the dialog's ×) is always possible. */
const BUTTONS: Record<keyof typeof ButtonSet, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

/**
 * Editor add-on docs: "sidebars have a fixed width" — 300 px in the Ui reference; setWidth is
 * ignored for a sidebar. Text when no UI exists (triggers, web app), as users report it.
 */
export const UI_LIMITS = {
  sidebarWidth: 300,
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
} as const;

/** A menu item as data: an item, a separator or a sub-menu. */
export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; entries: MenuEntry[] };

/** An alert or prompt waiting for the user's answer. */
export interface Question {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
}

/** What the emulated user saw. */
export type Shown =
  | { kind: 'sidebar'; title: string; html: string; width: number }
  | { kind: 'modal' | 'modeless'; title: string; html: string; width: number | null; height: number | null }
  | { kind: 'alert'; title: string | null; prompt: string; buttons: string; answer: string }
  | { kind: 'prompt'; title: string | null; prompt: string; buttons: string; answer: string; text: string };

/** `GoogleAppsScript.Base.Menu`. */
export class Menu {
  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly ui: UiEmulator,
    private readonly runtime: Runtime,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this.runtime.charge('Menu', 'addItem', COST.addItem);
    this.entries.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.runtime.charge('Menu', 'addSeparator', COST.addSeparator);
    this.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.runtime.charge('Menu', 'addSubMenu', COST.addSubMenu);
    this.entries.push({ kind: 'submenu', caption: menu.caption, entries: menu.entries });
    return this;
  }

  addToUi(): void {
    this.runtime.charge('Menu', 'addToUi', COST.addToUi);
    this.ui._install(this);
  }
}

/** `GoogleAppsScript.Base.PromptResponse`. */
export class PromptResponse {
  constructor(
    private readonly runtime: Runtime,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}

  getResponseText(): string {
    this.runtime.charge('PromptResponse', 'getResponseText', COST.getResponseText);
    return this.text;
  }

  getSelectedButton(): ButtonName {
    this.runtime.charge('PromptResponse', 'getSelectedButton', COST.getSelectedButton);
    return this.button;
  }
}

/** Options of {@link UiEmulator}. */
export interface UiOptions {
  /** The add-on's name: the caption of `createAddonMenu()`. */
  addonName?: string;
}

/**
 * `Ui`. Records menus, the open sidebar/dialog and every alert. Alerts and prompts block on
 * Google until the user answers, so each needs an answer scripted with {@link _answerNext}.
 */
export class UiEmulator {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  /** Menus in the menu bar by caption (the add-on menu under its name). */
  readonly menus = new Map<string, { addon: boolean; entries: MenuEntry[] }>();
  /** Everything shown, oldest first. */
  readonly shown: Shown[] = [];
  private answers: { button: ButtonName; text: string; thinkMs: number }[] = [];
  /**
   * Playground: asks a real user when no answer is scripted; blocks the execution until the
   * user answers (as the script waits on Google) and charges the wait as `thinkMs`.
   */
  _askUser: ((question: Question) => { button: string; text: string; thinkMs: number }) | null = null;
  private available = true;
  private readonly addonName: string;

  constructor(
    private readonly runtime: Runtime,
    options: UiOptions = {},
  ) {
    this.addonName = options.addonName ?? 'Pilote';
  }

  createMenu(caption: string): Menu {
    this.charge('createMenu');
    return new Menu(this, this.runtime, String(caption), false);
  }

  createAddonMenu(): Menu {
    this.charge('createAddonMenu');
    return new Menu(this, this.runtime, this.addonName, true);
  }

  /** The sidebar is always 300 px wide on Google, whatever setWidth said. */
  showSidebar(userInterface: HtmlOutput): void {
    this.charge('showSidebar');
    const page = html(userInterface)._describe();
    this.shown.push({
      kind: 'sidebar',
      title: page.title,
      html: page.content,
      width: UI_LIMITS.sidebarWidth,
    });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.charge('showModalDialog');
    this.dialog('modal', userInterface, title);
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.charge('showModelessDialog');
    this.dialog('modeless', userInterface, title);
  }

  alert(prompt: string): ButtonName;
  alert(title: string, prompt: string, buttons: string): ButtonName;
  alert(a: string, b?: string, c?: string): ButtonName {
    this.charge('alert');
    const [title, prompt, buttons] = b === undefined ? [null, a, ButtonSet.OK] : [a, b, c ?? ButtonSet.OK];
    const answer = this.answer(buttons, prompt, { kind: 'alert', title, prompt: String(prompt), buttons });
    this.shown.push({ kind: 'alert', title, prompt: String(prompt), buttons, answer: answer.button });
    return answer.button;
  }

  prompt(prompt: string): PromptResponse;
  prompt(title: string, prompt: string, buttons: string): PromptResponse;
  prompt(a: string, b?: string, c?: string): PromptResponse {
    this.charge('prompt');
    const [title, prompt, buttons] = b === undefined ? [null, a, ButtonSet.OK] : [a, b, c ?? ButtonSet.OK];
    const answer = this.answer(buttons, prompt, { kind: 'prompt', title, prompt: String(prompt), buttons });
    this.shown.push({
      kind: 'prompt',
      title,
      prompt: String(prompt),
      buttons,
      answer: answer.button,
      text: answer.text,
    });
    return new PromptResponse(this.runtime, answer.text, answer.button);
  }

  /** Test helper: the user's next answer to an alert or prompt, after `thinkMs` virtual ms. */
  _answerNext(button: ButtonName, text = '', thinkMs = 0): void {
    this.answers.push({ button, text, thinkMs });
  }

  /** Test helper: forgets answers scripted but not used. */
  _clearAnswers(): void {
    this.answers = [];
  }

  /** Runner helper: false in contexts without a UI (time triggers, web app); every call then throws. */
  _setAvailable(available: boolean): void {
    this.available = available;
  }

  snapshot(): UiSnapshot {
    return snapshotUi(this);
  }

  restore(s: UiSnapshot): void {
    restoreUi(this, s);
  }

  /** Test helper: the last sidebar shown, or null. */
  _lastSidebar(): Extract<Shown, { kind: 'sidebar' }> | null {
    const s = [...this.shown].reverse().find((x) => x.kind === 'sidebar');
    return (s as Extract<Shown, { kind: 'sidebar' }>) ?? null;
  }

  /** @internal Called by Menu.addToUi: a menu with the same caption is replaced. */
  _install(menu: Menu): void {
    this.assertAvailable();
    this.menus.set(menu.caption, { addon: menu.addon, entries: menu.entries });
  }

  private charge(method: string): void {
    this.assertAvailable();
    this.runtime.charge('Ui', method, COST[method]);
  }

  private assertAvailable(): void {
    if (!this.available) throw new GoogleException(UI_LIMITS.noUi);
  }

  private dialog(kind: 'modal' | 'modeless', out: HtmlOutput, title: string): void {
    const page = html(out)._describe();
    this.shown.push({
      kind,
      title: String(title),
      html: page.content,
      width: page.width,
      height: page.height,
    });
  }

  private answer(buttons: string, prompt: string, question: Question): { button: ButtonName; text: string } {
    const next =
      this.answers.shift() ??
      (this._askUser && BUTTONS[buttons as keyof typeof ButtonSet]
        ? (this._askUser(question) as { button: ButtonName; text: string; thinkMs: number })
        : undefined);
    if (!next) {
      throw new Error(
        `emulator: a dialog asked "${prompt}" but no answer was scripted (Google would wait for the user)`,
      );
    }
    const allowed = BUTTONS[buttons as keyof typeof ButtonSet];
    if (!allowed) throw new GoogleException(`Invalid argument: buttons`);
    if (!allowed.includes(next.button)) {
      throw new Error(`emulator: scripted answer ${next.button} is not a button of ButtonSet.${buttons}`);
    }
    if (next.thinkMs > 0) this.runtime.sleep(next.thinkMs);
    return next;
  }
}

function html(out: HtmlOutput): HtmlOutput {
  if (!(out instanceof HtmlOutput)) throw new GoogleException('Invalid argument: userInterface');
  return out;
}

/** JSON form of what the user saw, for the playground. */
export interface UiSnapshot {
  menus: [string, { addon: boolean; entries: MenuEntry[] }][];
  shown: Shown[];
}

/** Snapshot of a {@link UiEmulator} (menus and everything shown). */
export function snapshotUi(ui: UiEmulator): UiSnapshot {
  return JSON.parse(JSON.stringify({ menus: [...ui.menus], shown: ui.shown })) as UiSnapshot;
}

/** Restores what {@link snapshotUi} saved into `ui`. */
export function restoreUi(ui: UiEmulator, s: UiSnapshot): void {
  ui.menus.clear();
  for (const [k, v] of s.menus) ui.menus.set(k, v);
  ui.shown.splice(0, ui.shown.length, ...s.shown);
}
