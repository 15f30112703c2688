/**
 * Every document type of the catalogue, on the demo workbook: the default template passes
 * checkTemplate against the type's fields, the plan has no problem, nothing of the template
 * language is left, every repeated row is there (one per item), numbers, amounts and dates read
 * in French. A new type added to DOCUMENT_TYPES goes through the same tests.
 */
import {
  DOCUMENT_TYPES,
  type DocRecord,
  type DocumentInput,
  type DocumentTypeKey,
  templateNodes,
} from '../../src/domain/documents/catalog';
import { checkTemplate } from '../../src/domain/documents/template';
import { requireSheet } from '../../src/schema';
import { VENUE_SETTINGS } from '../../src/schema/sheets/settings';
import { demoInput, demoInputRecords, demoInputWithBalancedAction, YEAR } from './documents-input';
import { render, repeatedRows } from './documents-render';

const records = demoInputRecords();
const idOf = (sheet: string, test: (r: Record<string, unknown>) => boolean): string => {
  const found = records[sheet].find(test);
  if (!found) throw new Error(`no demo ${sheet} for the test`);
  return String(found.id);
};

/** The subject a coordinator would choose for each type on the demo. */
const INPUTS: Record<DocumentTypeKey, () => DocumentInput> = {
  activityReport: () => demoInput(2026),
  progressReport: () => demoInput({ from: '2026-01-01', to: '2026-08-31' }),
  grantRequest: () => demoInputWithBalancedAction(),
  financialReport: () =>
    demoInput(idOf('grants', (g) => typeof g.action === 'string' && g.status === 'Versée')),
  specification: () => demoInput(idOf('actions', (a) => a.title === 'Cuisine anti-gaspi')),
  territoryDiagnostic: () => demoInput(null),
  evaluation: () => demoInput(2026),
  meetingMinutes: () => demoInput(idOf('meetings', (m) => m.type === 'Conseil d’administration')),
  safetyRegister: () => demoInput(null),
  communicationPlan: () => demoInput(YEAR),
};

const TYPES = Object.values(DOCUMENT_TYPES);

test('the catalogue has the nine types of issue 11, each under its own key', () => {
  expect(Object.keys(DOCUMENT_TYPES).sort()).toEqual(Object.keys(INPUTS).sort());
  for (const [key, type] of Object.entries(DOCUMENT_TYPES)) expect(type.key).toBe(key);
});

describe.each(TYPES.map((t) => [t.key, t] as const))('%s', (key, type) => {
  test('its default template passes checkTemplate against its fields; it reads only schema sheets and settings', () => {
    expect(checkTemplate(templateNodes(type.template), type.fields)).toEqual([]);
    for (const sheet of type.sources) expect(() => requireSheet(sheet)).not.toThrow();
    const settingKeys = VENUE_SETTINGS.map((s) => s.key);
    for (const s of type.settings) expect([key, s, settingKeys.includes(s)]).toEqual([key, s, true]);
    expect(type.title).toMatch(/^[A-ZÉ]/);
    expect(type.titleEn).toMatch(/^[A-Z]/);
  });

  test('on the demo workbook: no problem, no template language left, every repeated row, French formats', () => {
    const input = INPUTS[key]();
    const built = type.build(input);
    if (!built.ok) throw new Error(`${key} refused: ${built.code} ${JSON.stringify(built.params)}`);
    expect(built.name).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const r = render(type, built.data);
    expect(r.plan.problems).toEqual([]);
    expect(r.text).not.toContain('{{');
    expect(r.text).not.toContain('}}');
    // ISO dates and JavaScript's own renderings never reach the document.
    expect(r.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(r.text).not.toMatch(/undefined|null|NaN|\[object/);
    expect(r.text).not.toMatch(/\d\.\d{2}\b/);
    // A year is never written with a thousands separator; a conditional paragraph never leaves an empty one.
    expect(r.text).not.toMatch(/\b2\u202f0\d\d\b/);
    expect(r.blocks.filter((b) => b.trim() === '')).toEqual([]);
    // The generation date, in long French form.
    expect(r.text).toContain('1er septembre 2026');
    const rows = repeatedRows(r, built.data);
    for (const row of rows) expect([row.list, row.rows]).toEqual([row.list, row.items]);
    expect(rows.reduce((n, x) => n + x.items, 0)).toBeGreaterThan(0);
  });
});

test('templateNodes: headings, paragraphs and list items read back as text, tables as their cells (copied)', () => {
  const rows = [
    ['A', 'B'],
    ['{{x}}', 'y'],
  ];
  const nodes = templateNodes([
    { kind: 'heading', level: 2, text: 'Titre {{x}}' },
    { kind: 'paragraph', text: 'P' },
    { kind: 'listItem', level: 1, text: '• L' },
    { kind: 'table', rows },
  ]);
  expect(nodes).toEqual([
    { kind: 'text', text: 'Titre {{x}}' },
    { kind: 'text', text: 'P' },
    { kind: 'text', text: '• L' },
    { kind: 'table', rows },
  ]);
  if (nodes[3].kind === 'table') expect(nodes[3].rows[1]).not.toBe(rows[1]);
});

test('values holding $, \\, {{ or regex characters reach the document as they are', () => {
  const input = demoInput(null);
  const hostile = 'Budget {{totalCharges}} à $1 et \\n (.*)+? {{#each x}}';
  const meeting: DocRecord = {
    ...input.records.meetings[0],
    decisions: hostile,
    title: '$& «\u00a0AG\u00a0»',
  };
  const built = DOCUMENT_TYPES.meetingMinutes.build({
    ...input,
    subject: String(meeting.id),
    records: { ...input.records, meetings: [meeting] },
  });
  if (!built.ok) throw new Error(built.code);
  const r = render(DOCUMENT_TYPES.meetingMinutes, built.data);
  expect(r.plan.problems).toEqual([]);
  expect(r.blocks).toContain(hostile);
  expect(r.blocks).toContain('Compte rendu — $& «\u00a0AG\u00a0»');
});
