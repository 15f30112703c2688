/** Template problems in the user's words: the placeholder and where it stands (« paragraphe 12 », « tableau 2, ligne 3 »). */
import type { TemplateNode, TemplateProblem } from '../../domain/documents/template';
import { type Locale, t } from '../../shared/i18n';

/** « paragraphe n » counts the body's paragraphs and list items; « tableau n » its tables, from 1. */
export function describePlace(
  nodes: readonly TemplateNode[],
  problem: TemplateProblem,
  locale: Locale,
): string {
  const at = problem.place.node;
  let paragraphs = 0;
  let tables = 0;
  for (let i = 0; i <= at && i < nodes.length; i += 1) {
    if (nodes[i].kind === 'table') tables += 1;
    else paragraphs += 1;
  }
  if (nodes[at]?.kind === 'table')
    return t(locale, 'documents.place.cell', {
      table: tables,
      row: (problem.place.row ?? 0) + 1,
      cell: (problem.place.cell ?? 0) + 1,
    });
  return t(locale, 'documents.place.paragraph', { n: paragraphs });
}

/** One line per problem, e.g. `{{montnat}} (paragraphe 12) : ce champ n’existe pas, vouliez-vous dire « montant » ?`. */
export function describeProblems(
  nodes: readonly TemplateNode[],
  problems: readonly TemplateProblem[],
  locale: Locale,
): string[] {
  return problems.map((p) => {
    const params = { placeholder: p.placeholder, place: describePlace(nodes, p, locale) };
    if (p.code === 'unknownField' && p.suggestion)
      return t(locale, 'documents.problem.unknownFieldSuggestion', { ...params, suggestion: p.suggestion });
    return t(locale, `documents.problem.${p.code}`, params);
  });
}
