/** Carrying out a document plan on plain nodes, as the Docs adapter does, to read what the Doc will say. */
import { type DocumentType, templateNodes } from '../../src/domain/documents/catalog';
import {
  type DocumentPlan,
  editedText,
  planDocument,
  type TemplateData,
  type TemplateNode,
} from '../../src/domain/documents/template';

export interface Rendered {
  plan: DocumentPlan;
  nodes: TemplateNode[];
  /** One string per planned node; a table's rows joined by newlines, cells by ' | '. */
  blocks: string[];
  /** Every table as rows of cells. */
  tables: string[][][];
  text: string;
}

export function render(type: DocumentType, data: TemplateData): Rendered {
  const nodes = templateNodes(type.template);
  const plan = planDocument(nodes, type.fields, data);
  const blocks: string[] = [];
  const tables: string[][][] = [];
  for (const p of plan.nodes) {
    const source = nodes[p.source];
    if (p.kind === 'text' && source.kind === 'text') blocks.push(editedText(source.text, p.edits));
    else if (p.kind === 'table' && source.kind === 'table') {
      const rows = p.rows.map((r) => r.cells.map((edits, c) => editedText(source.rows[r.source][c], edits)));
      tables.push(rows);
      blocks.push(rows.map((r) => r.join(' | ')).join('\n'));
    } else throw new Error('plan and node kinds differ');
  }
  return { plan, nodes, blocks, tables, text: blocks.join('\n') };
}

/** Total length of the arrays found under `key` anywhere in the data. */
export function itemsUnder(data: unknown, key: string): number {
  if (Array.isArray(data)) return data.reduce((n: number, d) => n + itemsUnder(d, key), 0);
  if (data === null || typeof data !== 'object') return 0;
  let n = 0;
  for (const [k, v] of Object.entries(data)) {
    if (k === key && Array.isArray(v)) n += v.length;
    n += itemsUnder(v, key);
  }
  return n;
}

/**
 * For every table row of the template that opens `{{#each list}}`, the rows the plan made from it
 * (over every copy of the table) and the items of that list in the data.
 */
export function repeatedRows(
  r: Rendered,
  data: TemplateData,
): { list: string; rows: number; items: number }[] {
  const out: { list: string; rows: number; items: number }[] = [];
  r.nodes.forEach((node, index) => {
    if (node.kind !== 'table') return;
    node.rows.forEach((row, ri) => {
      const list = /\{\{#each\s+([\w.]+)\s*\}\}/.exec(row[0])?.[1];
      if (list === undefined) return;
      let rows = 0;
      for (const p of r.plan.nodes)
        if (p.kind === 'table' && p.source === index) rows += p.rows.filter((x) => x.source === ri).length;
      out.push({ list, rows, items: itemsUnder(data, list) });
    });
  });
  return out;
}

/** A French amount as rendered (`1 234,56 €`, `-0,01 €`) back to a number. */
export function parseMoney(s: string): number {
  const m = /(-?[\d\u202f\u00a0 ]+,\d{2})\u00a0€/.exec(s);
  if (!m) throw new Error(`no amount in «${s}»`);
  return Number(m[1].replace(/[\u202f\u00a0 ]/g, '').replace(',', '.'));
}
