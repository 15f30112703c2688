import { Runtime } from '../../../local/emulator/runtime';
import { HtmlServiceEmulator } from '../../../local/emulator/services';

const files = { Sidebar: '<h1>Pilote</h1>', 'Page.html': '<p><?= name ?></p>' };
const html = (globals: Record<string, unknown> = {}) =>
  new HtmlServiceEmulator(new Runtime(), { files, globals });

describe('HtmlService', () => {
  test('createHtmlOutputFromFile resolves a name without .html, and with it', () => {
    const h = html();
    expect(h.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<h1>Pilote</h1>');
    expect(h.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<h1>Pilote</h1>');
  });

  test('a missing file throws Google’s text (names are case-sensitive)', () => {
    expect(() => html().createHtmlOutputFromFile('sidebar')).toThrow('No HTML file named sidebar was found.');
  });

  test('HtmlOutput setters chain and are read back', () => {
    const out = html()
      .createHtmlOutput('<b>a</b>')
      .setTitle('Pilote')
      .setWidth(400)
      .setHeight(300)
      .append('<i>b</i>')
      .setSandboxMode(html().SandboxMode.IFRAME)
      .setXFrameOptionsMode(html().XFrameOptionsMode.ALLOWALL);
    expect(out.getTitle()).toBe('Pilote');
    expect(out.getWidth()).toBe(400);
    expect(out.getHeight()).toBe(300);
    expect(out.getContent()).toBe('<b>a</b><i>b</i>');
    expect(out._describe().xFrameOptionsMode).toBe('ALLOWALL');
  });

  test('appendUntrusted escapes', () => {
    expect(html().createHtmlOutput().appendUntrusted('<x>').getContent()).toBe('&lt;x&gt;');
  });

  test('addMetaTag accepts only the names Google allows', () => {
    const out = html().createHtmlOutput();
    out.addMetaTag('viewport', 'width=device-width');
    expect(out.getMetaTags()[0].getContent()).toBe('width=device-width');
    expect(() => out.addMetaTag('description', 'x')).toThrow('Invalid argument: name');
  });

  test('a template prints its fields with <?= ?> escaped in text', () => {
    const t = html().createTemplateFromFile('Page') as unknown as {
      name: string;
      evaluate(): { getContent(): string };
    };
    t.name = '<script>alert(1)</script>';
    expect(t.evaluate().getContent()).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  test('<?!= ?> prints raw; <? ?> runs code such as loops', () => {
    const t = html().createTemplate('<? for (const i of items) { ?><li><?!= i ?></li><? } ?>') as unknown as {
      items: string[];
      evaluate(): { getContent(): string };
    };
    t.items = ['<b>1</b>', '2'];
    expect(t.evaluate().getContent()).toBe('<li><b>1</b></li><li>2</li>');
  });

  test('<?= ?> inside an attribute escapes quotes', () => {
    const t = html().createTemplate('<input value="<?= v ?>">') as unknown as {
      v: string;
      evaluate(): { getContent(): string };
    };
    t.v = '" onfocus="x';
    expect(t.evaluate().getContent()).toBe('<input value="&quot; onfocus=&quot;x">');
  });

  test('<?= ?> inside <script> prints a JS literal that cannot close the script', () => {
    const t = html().createTemplate('<script>var d = <?= data ?>;</script>') as unknown as {
      data: unknown;
      evaluate(): { getContent(): string };
    };
    t.data = { s: '</script>' };
    expect(t.evaluate().getContent()).toBe('<script>var d = {"s":"\\u003c/script\\u003e"};</script>');
  });

  test('scriptlets see the globals given at construction (include pattern)', () => {
    const h = html({ include: (n: string) => `[${n}]` });
    expect(h.createTemplate('<?!= include("css") ?>').evaluate().getContent()).toBe('[css]');
  });
});
