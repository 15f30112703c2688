/**
 * The structural edits the template engine plans (src/domain/documents/template.ts), carried out by
 * a script on a template Doc: copy a paragraph and insert it, copy a table row and append it, edit
 * text at offsets, remove the template elements. Values holding `$`, `\` and `{{` go in as they are,
 * and the service calls stay the same however many placeholders there are.
 */
import { scriptHarness } from './docs-harness';

const SCRIPT = `
function template() {
  var doc = DocumentApp.create('Modèle');
  var body = doc.getBody();
  body.getChild(0).asParagraph().setText('Rapport {{annee}}').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph('Action : {{nom}}');
  var t = body.appendTable([['Ligne', 'Montant'], ['{{ligne}}', '{{montant}}']]);
  body.appendParagraph('Fin');
  var id = doc.getId();
  doc.saveAndClose();
  return id;
}
function fill(id, year, actions, lines) {
  var body = DocumentApp.openById(id).getBody();
  var title = body.getChild(0).editAsText();
  var at = title.getText().indexOf('{{annee}}');
  title.deleteText(at, at + '{{annee}}'.length - 1);
  title.insertText(at, year);
  var model = body.getChild(1).asParagraph();
  for (var i = 0; i < actions.length; i++) {
    var copy = model.copy();
    var text = copy.editAsText();
    var start = copy.getText().indexOf('{{nom}}');
    text.deleteText(start, start + 6);
    text.insertText(start, actions[i]);
    body.insertParagraph(1 + i, copy);
  }
  model.removeFromParent();
  var table = body.getTables()[0];
  var rowModel = table.getRow(1);
  for (var j = 0; j < lines.length; j++) {
    var row = table.appendTableRow(rowModel.copy());
    row.getCell(0).editAsText().deleteText(0, 8).insertText(0, lines[j][0]);
    row.getCell(1).editAsText().deleteText(0, 10).insertText(0, lines[j][1]);
  }
  table.removeRow(1);
  return body.getText();
}
`;

describe('template edits as structural edits', () => {
  test('values with $, \\\\ and {{ survive; the template elements are gone (the empty paragraph appendTable added stays)', () => {
    const { runner } = scriptHarness(SCRIPT);
    const id = (runner.call('template') as { value: string }).value;
    const out = runner.call(
      'fill',
      id,
      '2026',
      ['Café $1 \\\\ {{x}}', 'Atelier'],
      [['60 — Achats', '1\u00a0000,00\u00a0€']],
    );
    expect(out).toMatchObject({
      ok: true,
      value:
        'Rapport 2026\nAction : Café $1 \\\\ {{x}}\nAction : Atelier\nLigne\tMontant\n60 — Achats\t1\u00a0000,00\u00a0€\n\nFin',
    });
  });

  test('service calls do not grow with the number of repeated elements', () => {
    const { runner } = scriptHarness(SCRIPT);
    const id = (runner.call('template') as { value: string }).value;
    const few = runner.call('fill', id, '2026', ['a'], [['l', '1']]);
    const id2 = (runner.call('template') as { value: string }).value;
    const many = runner.call(
      'fill',
      id2,
      '2026',
      Array.from({ length: 80 }, (_, i) => `action ${i}`),
      Array.from({ length: 80 }, (_, i) => [`ligne ${i}`, `${i},00 €`]),
    );
    if (!few.ok || !many.ok) throw new Error('fill failed');
    expect(many.stats.calls).toBe(few.stats.calls);
    expect(many.stats.byMethod).toEqual({
      'DocumentApp.openById': 1,
      'Document.saveAndClose (pending edits)': 1,
      'Document.saveAndClose': 1,
    });
  });
});
