/** The build refuses what Apps Script would not run: renamed, non-function or missing globals. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appsScriptGlobals } = require('../../local/build/apps-script-plugins.cjs');

async function build(files: Record<string, string>, forbidden: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-plugin-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const bundle = await rollup({
    input: join(dir, 'main.js'),
    plugins: [appsScriptGlobals({ forbidden })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  return output[0].code;
}

describe('appsScriptGlobals rollup plugin', () => {
  test('turns exported functions into plain top-level declarations', async () => {
    const code = await build({
      'main.js': "import { helper } from './lib.js';\nexport function onOpen() { return helper(); }\n",
      'lib.js': 'export function helper() { return 1; }\n',
    });
    expect(code).toContain('function onOpen()');
    expect(code).not.toMatch(/\bexport\b|\bimport\b/);
  });

  test('fails when a global is not a function declaration', async () => {
    await expect(build({ 'main.js': 'export const onOpen = () => 1;\n' })).rejects.toThrow(
      /must be a top-level function declaration/,
    );
  });

  test('fails when a global is exported under another name than its function', async () => {
    await expect(
      build({ 'main.js': 'function openMenu() { return 2; }\nexport { openMenu as onOpen };\n' }),
    ).rejects.toThrow(/bound to openMenu/);
  });

  test('fails when dev-only code reached the bundle', async () => {
    await expect(
      build({ 'main.js': "export function onOpen() { return 'HyperFormula'; }\n" }, ['HyperFormula']),
    ).rejects.toThrow(/dev-only code/);
  });
});

test('only the exports are top-level functions: internal helpers cannot be called from the browser', async () => {
  const code = await build({
    'main.js':
      "import { helper } from './lib.js';\nexport function saveRecord(request) { return helper(request); }\n",
    'lib.js': 'export function helper(x) { return [x]; }\n',
  });
  const acorn = require('acorn');
  const program = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script' });
  const topLevel = program.body
    .filter((n: { type: string }) => n.type === 'FunctionDeclaration')
    .map((n: { id: { name: string } }) => n.id.name);
  expect(topLevel).toEqual(['saveRecord']);
  const run = new Function(`${code}; return saveRecord(41);`);
  expect(run()).toEqual([41]);
});
