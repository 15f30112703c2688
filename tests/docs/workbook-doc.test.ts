/** docs/workbook.md and `npm run local -- schema` follow the schema. */

import { readFileSync } from 'node:fs';
import { schemaAsJson } from '../../local/docs/schema-json';
import { WORKBOOK_DOC_PATH, workbookMarkdown } from '../../local/docs/workbook-doc';
import { SCHEMA_VERSION, SHEETS, TODAY_NAME } from '../../src/schema';

describe('docs/workbook.md', () => {
  it('is the committed rendering of the schema', () => {
    const committed = readFileSync(WORKBOOK_DOC_PATH, 'utf8');
    const expected = workbookMarkdown();
    if (committed !== expected) {
      throw new Error(
        'docs/workbook.md is out of date with src/schema: run `npm run local -- docs` and commit the result.',
      );
    }
    expect(committed).toBe(expected);
  });

  it('is stable and has a section for every sheet', () => {
    const markdown = workbookMarkdown();
    expect(workbookMarkdown()).toBe(markdown);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
    expect(markdown).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    for (const sheet of SHEETS) expect(markdown).toContain(`\n## ${sheet.name}\n`);
  });
});

describe('schemaAsJson', () => {
  const json = schemaAsJson();

  it('describes every sheet and column of the schema, in order', () => {
    expect(json.version).toBe(SCHEMA_VERSION);
    expect(json.sheets.map((s) => s.key)).toEqual(SHEETS.map((s) => s.key));
    SHEETS.forEach((sheet, i) => {
      expect(json.sheets[i].name).toBe(sheet.name);
      expect(json.sheets[i].columns.map((c) => c.key)).toEqual(sheet.columns.map((c) => c.key));
      expect(json.sheets[i].conditionalFormats.map((f) => f.key)).toEqual(
        (sheet.conditionalFormats ?? []).map((f) => f.key),
      );
      expect(json.sheets[i].settings.map((s) => s.key)).toEqual((sheet.settings ?? []).map((s) => s.key));
    });
  });

  it('renders the formula of every computed column and names every setting', () => {
    for (const sheet of json.sheets) {
      for (const column of sheet.columns) {
        expect(column.formula === null).toBe(column.type !== 'formula');
        if (column.formula) expect(column.formula.startsWith('=')).toBe(true);
      }
    }
    const settings = json.sheets.find((s) => s.kind === 'settings')!.settings;
    expect(settings.find((s) => s.key === 'today')?.rangeName).toBe(TODAY_NAME);
    expect(settings.find((s) => s.key === 'volunteerHourlyValue')?.rangeName).toBe(
      'PILOTE_VOLUNTEER_HOURLY_VALUE',
    );
  });

  it('round-trips through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json);
  });
});
