/**
 * DocumentApp through a script, as Apps Script runs it. Each rule cites its reference page:
 * developers.google.com/apps-script/reference/document/<class>.
 */
import { scriptHarness } from './docs-harness';

const SCRIPT = `
function make() {
  var doc = DocumentApp.create('Rapport');
  var body = doc.getBody();
  body.getChild(0).asParagraph();
  body.appendParagraph('Titre').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph('Texte');
  return doc.getId();
}
function shape(id) {
  var body = DocumentApp.openById(id).getBody();
  var out = [];
  for (var i = 0; i < body.getNumChildren(); i++) {
    var c = body.getChild(i);
    out.push([String(c.getType()), c.getText()]);
  }
  return out;
}
function removeLast(id) {
  var body = DocumentApp.openById(id).getBody();
  try { body.getChild(body.getNumChildren() - 1).removeFromParent(); return 'removed'; }
  catch (e) { return e.message; }
}
function removeOnly() {
  var body = DocumentApp.create('Vide').getBody();
  try { body.removeChild(body.getChild(0)); return 'removed'; } catch (e) { return e.message; }
}
function copyInsert(id) {
  var body = DocumentApp.openById(id).getBody();
  var p = body.getChild(1);
  body.insertParagraph(1, p.copy()).editAsText().insertText(0, '>> ');
  try { body.insertParagraph(0, p); return 'inserted'; } catch (e) { return e.message; }
}
function textEdits() {
  var p = DocumentApp.create('T').getBody().appendParagraph('Bonjour {{nom}} !');
  var t = p.editAsText();
  t.deleteText(8, 14);
  t.insertText(8, 'Zoé');
  t.setBold(8, 10, true);
  var errors = [];
  try { t.deleteText(3, 40); } catch (e) { errors.push(e.message); }
  try { t.insertText(99, 'x'); } catch (e) { errors.push(e.message); }
  return [t.getText(), t.isBold(8), t.isBold(0), t.getTextAttributeIndices(), errors.length];
}
function regex() {
  var body = DocumentApp.create('R').getBody();
  body.appendParagraph('Montant : {{montant}} / {{montant}}');
  body.replaceText('\\\\{\\\\{montant\\\\}\\\\}', '12\\\\$50');
  var out = [body.getParagraphs()[1].getText()];
  body.appendParagraph('prix {{x}}');
  try { body.replaceText('\\\\{\\\\{x\\\\}\\\\}', '12 $'); } catch (e) { out.push('dollar:' + e.message); }
  out.push(body.getParagraphs()[2].getText());
  try { body.replaceText('(?=a)', 'b'); } catch (e) { out.push('lookahead:' + e.message); }
  try { body.replaceText('(a)\\\\1', 'b'); } catch (e) { out.push('backref:' + e.message); }
  body.appendParagraph('nom: Ada');
  body.replaceText('nom: (\\\\w+)', 'Nom = $1');
  out.push(body.getParagraphs()[3].getText());
  return out;
}
function tables() {
  var body = DocumentApp.create('Tab').getBody();
  var t = body.appendTable([['Ligne', 'Montant'], ['{{x}}', '{{y}}']]);
  var row = t.getRow(1).copy();
  t.appendTableRow(row);
  t.getRow(2).getCell(0).editAsText().setText('B');
  t.getCell(0, 0).setBackgroundColor('#EEEEEE');
  var errs = [];
  try { t.getRow(9); } catch (e) { errs.push(e.message); }
  try { t.appendTableRow(t.getRow(0)); } catch (e) { errs.push(e.message); }
  return [t.getNumRows(), t.getRow(2).getNumCells(), t.getText(), String(body.getChild(body.getNumChildren() - 1).getType()), t.getCell(0,0).getBackgroundColor(), errs];
}
function lists() {
  var body = DocumentApp.create('L').getBody();
  var a = body.appendListItem('un');
  var b = body.appendListItem('deux').setNestingLevel(1).setGlyphType(DocumentApp.GlyphType.NUMBER);
  body.appendParagraph('coupure');
  var c = body.appendListItem('autre liste');
  var d = body.appendListItem('trois');
  d.setListId(a);
  var bad = '';
  try { a.setNestingLevel(12); } catch (e) { bad = e.message; }
  return [a.getListId() === b.getListId(), c.getListId() === a.getListId(), d.getListId() === a.getListId(), b.getNestingLevel(), String(b.getGlyphType()), body.getListItems().length, bad !== ''];
}
function closed() {
  var doc = DocumentApp.create('C');
  var body = doc.getBody();
  doc.saveAndClose();
  try { body.appendParagraph('x'); return 'no error'; } catch (e) { return e.message; }
}
function missing() {
  try { DocumentApp.openById('nope'); return 'opened'; } catch (e) { return e.message; }
}
function childRange() {
  try { DocumentApp.create('x').getBody().getChild(5); return 'ok'; } catch (e) { return e.message; }
}
function cellText() {
  var cell = DocumentApp.create('Cell').getBody().appendTable([['x']]).getCell(0, 0);
  cell.setText('Ligne {{a}}');
  cell.appendParagraph('suite {{b}}');
  var t = cell.editAsText();
  var before = t.getText();
  t.deleteText(6, 10);
  t.insertText(6, 'A$1');
  t.setBold(0, 4, true);
  var merged = cell.editAsText().deleteText(9, 15).getText();
  return [before, merged, cell.getNumChildren(), cell.getChild(0).editAsText().isBold(0)];
}
function wrongClass() {
  var body = DocumentApp.create('W').getBody();
  var item = body.appendListItem('puce');
  try { body.insertParagraph(0, item.copy()); return 'inserted'; } catch (e) { return e.message; }
}
function find() {
  var body = DocumentApp.create('F').getBody();
  body.appendParagraph('a {{b}} c {{d}}');
  var r = body.findText('\\\\{\\\\{\\\\w+\\\\}\\\\}');
  var r2 = body.findText('\\\\{\\\\{\\\\w+\\\\}\\\\}', r);
  return [r.getStartOffset(), r.getEndOffsetInclusive(), r2.getStartOffset(), body.findText('zzz')];
}
`;

describe('DocumentApp elements (through a script)', () => {
  test('create gives one empty paragraph; headings and paragraphs append in order (document/body)', () => {
    const { runner } = scriptHarness(SCRIPT);
    const made = runner.call('make');
    expect(made.ok).toBe(true);
    const shape = runner.call('shape', made.ok ? made.value : null);
    expect(shape).toMatchObject({
      ok: true,
      value: [
        ['PARAGRAPH', ''],
        ['PARAGRAPH', 'Titre'],
        ['PARAGRAPH', 'Texte'],
      ],
    });
  });

  test("the section's last paragraph cannot be removed (document/paragraph#removeFromParent())", () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const id = (runner.call('make') as { value: string }).value;
    expect(runner.call('removeLast', id)).toMatchObject({
      value: "Can't remove the last paragraph in a document section.",
    });
    expect(runner.call('removeOnly')).toMatchObject({
      value: "Can't remove the last paragraph in a document section.",
    });
    expect(emulator.documentApp._document(id).body.children).toHaveLength(3);
  });

  test('copy() is detached and can be inserted; an attached element cannot (document/body#insertParagraph(Integer,Paragraph))', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const id = (runner.call('make') as { value: string }).value;
    expect(runner.call('copyInsert', id)).toMatchObject({ value: 'Element must be detached.' });
    const texts = emulator.documentApp
      ._document(id)
      .body.children.map((c) => (c.type === 'TABLE' ? '' : c.runs.map((r) => r.text).join('')));
    expect(texts).toEqual(['', '>> Titre', 'Titre', 'Texte']);
  });

  test('deleteText has an inclusive end, insertText inherits, out-of-range offsets throw (document/text)', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('textEdits')).toMatchObject({
      ok: true,
      value: ['Bonjour Zoé !', true, false, [0, 8, 11], 2],
    });
  });

  test('replaceText is RE2: \\$ is a literal dollar, a lone $ and lookaround/backreferences throw, $1 is a group (document/body#replaceText(String,String))', () => {
    const { runner } = scriptHarness(SCRIPT);
    const out = runner.call('regex') as { ok: boolean; value: string[] };
    expect(out.ok).toBe(true);
    expect(out.value[0]).toBe('Montant : 12$50 / 12$50');
    expect(out.value[1]).toBe('dollar:Illegal group reference');
    expect(out.value[2]).toBe('prix {{x}}');
    expect(out.value[3]).toMatch(/^lookahead:Invalid regular expression pattern/);
    expect(out.value[4]).toMatch(/^backref:Invalid regular expression pattern/);
    expect(out.value[5]).toBe('Nom = Ada');
  });

  test('tables: rows copy and append, out-of-range rows and attached rows throw, a paragraph follows the table (document/table)', () => {
    const { runner } = scriptHarness(SCRIPT);
    const out = runner.call('tables') as { ok: boolean; value: unknown[] };
    expect(out.ok).toBe(true);
    expect(out.value.slice(0, 5)).toEqual([
      3,
      2,
      'Ligne\tMontant\n{{x}}\t{{y}}\nB\t{{y}}',
      'PARAGRAPH',
      '#eeeeee',
    ]);
    expect(out.value[5]).toEqual([
      'Child index (9) must be less than the number of child elements (3).',
      'Element must be detached.',
    ]);
  });

  test('list items: consecutive items share a list, nesting and glyphs are kept, setListId joins (document/list-item)', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('lists')).toMatchObject({ value: [true, false, true, 1, 'NUMBER', 4, true] });
  });

  test('a saved and closed document cannot be edited (document/document#saveAndClose())', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('closed')).toMatchObject({
      value: 'Document is closed, its contents cannot be updated.',
    });
  });

  test('openById of an unknown id throws Google’s "Document is missing" (document/document-app#openById(String))', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('missing')).toMatchObject({
      value: "Document is missing (perhaps it was deleted, or you don't have read access?)",
    });
  });

  test('getChild past the end throws (document/body#getChild(Integer))', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('childRange')).toMatchObject({
      value: 'Child index (5) must be less than the number of child elements (1).',
    });
  });

  test('findText returns a RangeElement and continues from one (document/body#findText(String,RangeElement))', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('find')).toMatchObject({ value: [2, 6, 10, null] });
  });

  test('a cell’s text edits at offsets across its paragraphs; deleting the newline merges them (document/text#deleteText(Integer,Integer))', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('cellText')).toMatchObject({
      ok: true,
      value: ['Ligne {{a}}\nsuite {{b}}', 'Ligne A$1{{b}}', 1, true],
    });
  });

  test('a ListItem is not a Paragraph: insertParagraph refuses it with Apps Script’s signature error (document/body#insertParagraph(Integer,Paragraph))', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('wrongClass')).toMatchObject({
      value:
        "The parameters (number,DocumentApp.ListItem) don't match the method signature for DocumentApp.Body.insertParagraph.",
    });
  });

  test('test helpers and unknown members are hidden from scripts', () => {
    const { runner } = scriptHarness(
      'function f() { return DocumentApp._document("x"); }\nfunction g() { return DocumentApp.getActiveDocument(); }',
    );
    expect(runner.call('f')).toMatchObject({ ok: false });
    expect(runner.call('g')).toMatchObject({ ok: false, error: expect.stringContaining('not implemented') });
  });
});
