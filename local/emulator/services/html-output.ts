/** HtmlOutput: the page a sidebar or dialog shows, with its title, size and options. */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';
import { makeEnum } from './shared';

/** Building an HtmlOutput happens inside the script: no round trip. */
const COST: Record<string, CostKind> = {
  setTitle: 'local',
  getTitle: 'local',
  setWidth: 'local',
  getWidth: 'local',
  setHeight: 'local',
  getHeight: 'local',
  getContent: 'local',
  setContent: 'local',
  append: 'local',
  appendUntrusted: 'local',
  setSandboxMode: 'local',
  setXFrameOptionsMode: 'local',
  addMetaTag: 'local',
  getMetaTags: 'local',
};

/** `HtmlService.SandboxMode`: only IFRAME remains; the others are accepted and ignored by Google. */
export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
/** `HtmlService.XFrameOptionsMode`. */
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);

/** HtmlOutput.addMetaTag reference: only these names are allowed (error text not verified). */
const META_NAMES = ['apple-mobile-web-app-capable', 'mobile-web-app-capable', 'viewport'];

/** Escapes text for HTML, as appendUntrusted and `<?= ?>` in text do. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `GoogleAppsScript.HTML.HtmlOutput`. */
export class HtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandbox: string = SandboxMode.IFRAME;
  private xFrame: string = XFrameOptionsMode.DEFAULT;
  private readonly meta: { name: string; content: string }[] = [];

  constructor(
    private readonly runtime: Runtime,
    private content = '',
  ) {}

  private charge(method: string): void {
    this.runtime.charge('HtmlOutput', method, COST[method]);
  }

  setTitle(title: string): HtmlOutput {
    this.charge('setTitle');
    this.title = String(title);
    return this;
  }

  getTitle(): string {
    this.charge('getTitle');
    return this.title;
  }

  /** Used by dialogs; a sidebar keeps Google's fixed width whatever is set here. */
  setWidth(width: number): HtmlOutput {
    this.charge('setWidth');
    this.width = width;
    return this;
  }

  getWidth(): number | null {
    this.charge('getWidth');
    return this.width;
  }

  setHeight(height: number): HtmlOutput {
    this.charge('setHeight');
    this.height = height;
    return this;
  }

  getHeight(): number | null {
    this.charge('getHeight');
    return this.height;
  }

  getContent(): string {
    this.charge('getContent');
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.charge('setContent');
    this.content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.charge('append');
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.charge('appendUntrusted');
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  setSandboxMode(mode: string): HtmlOutput {
    this.charge('setSandboxMode');
    this.sandbox = mode;
    return this;
  }

  setXFrameOptionsMode(mode: string): HtmlOutput {
    this.charge('setXFrameOptionsMode');
    this.xFrame = mode;
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.charge('addMetaTag');
    if (!META_NAMES.includes(name)) throw new GoogleException(`Invalid argument: name`);
    this.meta.push({ name, content });
    return this;
  }

  getMetaTags(): { getName(): string; getContent(): string }[] {
    this.charge('getMetaTags');
    return this.meta.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }

  /** Test helper: everything about the page as plain data. */
  _describe(): {
    title: string;
    content: string;
    width: number | null;
    height: number | null;
    sandboxMode: string;
    xFrameOptionsMode: string;
    metaTags: { name: string; content: string }[];
  } {
    return {
      title: this.title,
      content: this.content,
      width: this.width,
      height: this.height,
      sandboxMode: this.sandbox,
      xFrameOptionsMode: this.xFrame,
      metaTags: [...this.meta],
    };
  }
}
