/** HtmlService emulator: HtmlOutput and HtmlTemplate from strings or the project's HTML files. */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';
import { HtmlOutput, SandboxMode, XFrameOptionsMode } from './html-output';
import { HtmlTemplate } from './html-template';

/** The project's files are bundled with the script: no round trip. */
const COST: Record<string, CostKind> = {
  createHtmlOutput: 'local',
  createHtmlOutputFromFile: 'local',
  createTemplate: 'local',
  createTemplateFromFile: 'local',
};

/** Google's text when a file is missing (seen in RayBB/easy-gmail-scheduler#4 and others). */
export const noHtmlFile = (name: string): string => `No HTML file named ${name} was found.`;

/** Options of {@link HtmlServiceEmulator}. */
export interface HtmlServiceOptions {
  /** The project's HTML files by name, without `.html` (a `.html` suffix is stripped). */
  files?: Record<string, string>;
  /** What template scriptlets see besides the template's fields (the script's globals). */
  globals?: Record<string, unknown>;
}

/** `HtmlService`. Stateless: the files are configuration. */
export class HtmlServiceEmulator {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  private readonly files = new Map<string, string>();
  private readonly globals: Record<string, unknown>;

  constructor(
    private readonly runtime: Runtime,
    options: HtmlServiceOptions = {},
  ) {
    for (const [name, html] of Object.entries(options.files ?? {}))
      this.files.set(name.replace(/\.html$/, ''), html);
    this.globals = options.globals ?? {};
  }

  createHtmlOutput(html = ''): HtmlOutput {
    this.runtime.charge('HtmlService', 'createHtmlOutput', COST.createHtmlOutput);
    return new HtmlOutput(this.runtime, String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    this.runtime.charge('HtmlService', 'createHtmlOutputFromFile', COST.createHtmlOutputFromFile);
    return new HtmlOutput(this.runtime, this.file(filename));
  }

  createTemplate(html: string): HtmlTemplate {
    this.runtime.charge('HtmlService', 'createTemplate', COST.createTemplate);
    return new HtmlTemplate(this.runtime, String(html), this.globals);
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    this.runtime.charge('HtmlService', 'createTemplateFromFile', COST.createTemplateFromFile);
    return new HtmlTemplate(this.runtime, this.file(filename), this.globals);
  }

  /** Case-sensitive; `Sidebar` and `Sidebar.html` both name the file Sidebar, as on Google. */
  private file(filename: string): string {
    const html = this.files.get(String(filename).replace(/\.html$/, ''));
    if (html === undefined) throw new GoogleException(noHtmlFile(String(filename)));
    return html;
  }
}
