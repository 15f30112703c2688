/** The documents' template language on plain nodes: placeholders, formats, repeated and conditional blocks. */
import {
  checkTemplate,
  type DocumentPlan,
  editedText,
  type FieldSpecs,
  formatValue,
  planDocument,
  type TemplateData,
  type TemplateNode,
  tokenize,
} from '../../src/domain/documents/template';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

const fields: FieldSpecs = {
  lieu: 'text',
  total: 'money',
  taux: 'percent',
  date: 'date',
  participants: 'integer',
  partenaires: { list: { nom: 'text', montant: 'money' } },
  axes: { list: { titre: 'text', actions: { list: { titre: 'text', fin: 'date' } } } },
  retards: { list: { titre: 'text' } },
  tags: { list: {} },
  structure: { object: { nom: 'text', siret: 'text' } },
};

const text = (t: string): TemplateNode => ({ kind: 'text', text: t });

/** What the document reads once the plan is carried out (as the Docs adapter does). */
function render(nodes: TemplateNode[], plan: DocumentPlan): string[] {
  expect(plan.problems).toEqual([]);
  return plan.nodes.map((p) => {
    const source = nodes[p.source];
    if (p.kind === 'text' && source.kind === 'text') return editedText(source.text, p.edits);
    if (p.kind === 'table' && source.kind === 'table')
      return p.rows
        .map((r) => r.cells.map((edits, c) => editedText(source.rows[r.source][c], edits)).join(' | '))
        .join('\n');
    throw new Error('plan and node kinds differ');
  });
}

describe('formats', () => {
  it('money, percent, numbers and dates in French', () => {
    expect(formatValue(1234.5, 'montant')).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatValue(1.005, 'montant')).toBe(`1,01${NBSP}€`);
    expect(formatValue(-0.004, 'montant')).toBe(`0,00${NBSP}€`);
    expect(formatValue(-1234567.891, 'montant')).toBe(`-1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(formatValue(0.125, 'pourcentage')).toBe(`12,5${NBSP}%`);
    expect(formatValue(0.5, 'pourcentage')).toBe(`50${NBSP}%`);
    expect(formatValue(12000, 'entier')).toBe(`12${NNBSP}000`);
    expect(formatValue(2.5, 'nombre')).toBe('2,5');
    expect(formatValue('2026-03-01', 'date')).toBe('01/03/2026');
    expect(formatValue('2026-03-01', 'date longue')).toBe('1er mars 2026');
    expect(formatValue('2026-08-29', 'date longue')).toBe('29 août 2026');
    expect(formatValue(null, 'montant')).toBe('');
    expect(formatValue(2026, 'texte')).toBe('2026');
    expect(formatValue(2.5, 'texte')).toBe('2,5');
  });
});

describe('placeholders', () => {
  it('a field takes its kind’s format unless the placeholder names one', () => {
    const nodes = [text('Total : {{total}} ({{ total | entier }}), le {{date|date longue}}, {{taux}}.')];
    const plan = planDocument(nodes, fields, { total: 1500.2, date: '2026-06-30', taux: 0.4 });
    expect(render(nodes, plan)).toEqual([
      `Total : 1${NNBSP}500,20${NBSP}€ (1${NNBSP}500), le 30 juin 2026, 40${NBSP}%.`,
    ]);
  });

  it('values holding $, \\, {{ or regex characters are inserted as they are and never re-read', () => {
    const nodes = [text('Lieu : {{lieu}} — {{structure.nom}}')];
    const data = { lieu: 'La $1 \\n {{total}} (.*)+?', structure: { nom: '$& «\u00a0Ça\u00a0»' } };
    expect(render(nodes, planDocument(nodes, fields, data))).toEqual([
      'Lieu : La $1 \\n {{total}} (.*)+? — $& «\u00a0Ça\u00a0»',
    ]);
  });

  it('every unknown field, format or unclosed brace is reported with where it is; nothing is planned', () => {
    const nodes = [
      text('ok {{lieu}}'),
      text('{{montnat}} et {{total|euros}}'),
      {
        kind: 'table',
        rows: [
          ['a', '{{partenaires.nom}}'],
          ['{{#each partenaires}}{{nom}}', '{{montnt}}{{/each}}'],
        ],
      },
      text('fin {{lieu'),
    ] as TemplateNode[];
    const plan = planDocument(nodes, fields, {});
    expect(plan.nodes).toEqual([]);
    expect(plan.problems).toEqual([
      { code: 'unknownField', placeholder: '{{montnat}}', place: { node: 1 }, suggestion: undefined },
      { code: 'unknownFormat', placeholder: '{{total|euros}}', place: { node: 1 } },
      {
        code: 'unknownField',
        placeholder: '{{partenaires.nom}}',
        place: { node: 2, row: 0, cell: 1 },
        suggestion: 'partenaires',
      },
      {
        code: 'unknownField',
        placeholder: '{{montnt}}',
        place: { node: 2, row: 1, cell: 1 },
        suggestion: 'montant',
      },
      { code: 'unclosed', placeholder: '{{lieu', place: { node: 3 } },
    ]);
  });

  it('a misspelt field of an object is suggested with its object', () => {
    const specs = { reunion: { object: { titre: 'text', date: 'date' } } } as const;
    expect(checkTemplate([text('{{reunion.titr}} {{reunoin.date}}')], specs)).toEqual([
      {
        code: 'unknownField',
        placeholder: '{{reunion.titr}}',
        place: { node: 0 },
        suggestion: 'reunion.titre',
      },
      {
        code: 'unknownField',
        placeholder: '{{reunoin.date}}',
        place: { node: 0 },
        suggestion: 'reunion.date',
      },
    ]);
  });

  it('a misspelt name inside a list that is empty in the data is still reported', () => {
    const nodes = [text('{{#each retards}}'), text('- {{titr}}'), text('{{/each}}')];
    expect(checkTemplate(nodes, fields)).toEqual([
      { code: 'unknownField', placeholder: '{{titr}}', place: { node: 1 }, suggestion: 'titre' },
    ]);
  });

  it('tokens: nested braces and stray closers', () => {
    expect(tokenize('a {{b}} {{#if c}}x{{/if}} }} {{').map((t) => t.kind)).toEqual([
      'field',
      'open',
      'close',
      'bad',
    ]);
  });
});

describe('blocks', () => {
  const data: TemplateData = {
    lieu: 'La Fabrique',
    partenaires: [
      { nom: 'Ville', montant: 12000 },
      { nom: 'CAF', montant: 4500.5 },
    ],
    axes: [
      {
        titre: 'Habiter',
        actions: [
          { titre: 'Repair café', fin: '2026-12-31' },
          { titre: 'Jardin', fin: '2026-10-01' },
        ],
      },
      { titre: 'Apprendre', actions: [] },
    ],
    retards: [],
    tags: ['tiers-lieu', 'ESS'],
  };

  it('a table row repeats once per item, numbered; a list with no item leaves no row', () => {
    const nodes: TemplateNode[] = [
      {
        kind: 'table',
        rows: [
          ['N°', 'Financeur', 'Montant'],
          ['{{#each partenaires}}{{@numero}}', '{{nom}}', '{{montant}}{{/each}}'],
          ['{{#each retards}}{{titre}}', '{{/each}}'],
          ['Total', '', '{{total}}'],
        ],
      },
    ];
    expect(render(nodes, planDocument(nodes, fields, { ...data, total: 16500.5 }))).toEqual([
      [
        'N° | Financeur | Montant',
        `1 | Ville | 12${NNBSP}000,00${NBSP}€`,
        `2 | CAF | 4${NNBSP}500,50${NBSP}€`,
        `Total |  | 16${NNBSP}500,50${NBSP}€`,
      ].join('\n'),
    ]);
  });

  it('paragraphs repeat per item, nested lists included; marker paragraphs go', () => {
    const nodes = [
      text('{{#each axes}}'),
      text('Axe {{@numero}} : {{titre}}'),
      text('{{#each actions}}'),
      text('• {{titre}} ({{fin}}) — {{lieu}}'),
      text('{{/each}}'),
      text('{{#unless actions}}'),
      text('Aucune action.'),
      text('{{/unless}}'),
      text('{{/each}}'),
    ];
    expect(render(nodes, planDocument(nodes, fields, data))).toEqual([
      'Axe 1 : Habiter',
      '• Repair café (31/12/2026) — La Fabrique',
      '• Jardin (01/10/2026) — La Fabrique',
      'Axe 2 : Apprendre',
      'Aucune action.',
    ]);
  });

  it('if / else over paragraphs and inline; inline each over scalars', () => {
    const nodes = [
      text('{{#if retards}}'),
      text('Des actions sont en retard.'),
      text('{{else}}'),
      text('Aucune action en retard.'),
      text('{{/if}}'),
      text('Mots-clés : {{#each tags}}{{.}}{{#unless @dernier}}, {{/unless}}{{/each}}.'),
      text('{{#if lieu}}Lieu : {{lieu}}{{else}}Lieu inconnu{{/if}}'),
    ];
    expect(render(nodes, planDocument(nodes, fields, data))).toEqual([
      'Aucune action en retard.',
      'Mots-clés : tiers-lieu, ESS.',
      'Lieu : La Fabrique',
    ]);
  });

  it('an unclosed block or a stray close is reported', () => {
    expect(checkTemplate([text('{{#each axes}}'), text('{{titre}}')], fields).map((p) => p.code)).toEqual([
      'unclosed',
      'unknownField',
    ]);
    expect(checkTemplate([text('{{/if}}')], fields).map((p) => p.code)).toEqual(['unexpectedClose']);
    expect(checkTemplate([text('{{#each lieu}}'), text('{{/each}}')], fields).map((p) => p.code)).toEqual([
      'notAList',
    ]);
  });
});
