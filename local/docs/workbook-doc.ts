/**
 * docs/workbook.md: the workbook explained to its users, in French, rendered from the schema
 * (through `schemaAsJson()`). The output is stable (no dates), so that a test can check that the
 * committed file matches the schema; regenerate it with `npm run local -- docs` (or `npm run docs`).
 */

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIRST_DATA_ROW, HEADER_ROW, KEY_ROW, LAST_DATA_ROW } from '../../src/schema';
import type { CellValue, ColumnType } from '../../src/schema';
import {
  type ColumnJson,
  type ConditionalFormatJson,
  type SchemaJson,
  type SettingJson,
  type SheetJson,
  schemaAsJson,
} from './schema-json';

/** Where the documentation is written, from the repository root. */
export const WORKBOOK_DOC_RELATIVE_PATH = 'docs/workbook.md';
/** Absolute path of docs/workbook.md. */
export const WORKBOOK_DOC_PATH = resolve(__dirname, '../..', WORKBOOK_DOC_RELATIVE_PATH);

const NBSP = '\u00a0';
const quote = (text: string): string => `«${NBSP}${text}${NBSP}»`;

/** Each column type in plain French words. */
const TYPE_WORDS: Readonly<Record<ColumnType, string>> = {
  id: 'Identifiant',
  text: 'Texte',
  longText: 'Texte long',
  integer: 'Nombre entier',
  number: 'Nombre',
  money: 'Montant en euros',
  percent: 'Pourcentage',
  date: 'Date',
  datetime: 'Date et heure',
  time: 'Heure',
  duration: 'Durée (heures et minutes)',
  boolean: 'Case à cocher',
  enum: 'Liste de choix',
  ref: 'Choix dans une autre feuille',
  email: 'Adresse e-mail',
  phone: 'Numéro de téléphone',
  url: 'Lien web',
  formula: 'Calculée',
};

/** The French checks behind a text rule. */
const TEXT_RULES: Readonly<Record<string, string>> = {
  siret: 'Numéro SIRET valide (14 chiffres).',
  rna: 'Numéro RNA, par exemple W751234567.',
  postalCode: 'Code postal à 5 chiffres.',
  accountNumber: 'Numéro de compte du plan comptable, par exemple 6064.',
};

/** Names of the colours the alerts use; other colours are given by their code only. */
const COLOUR_NAMES: Readonly<Record<string, string>> = {
  '#f4c7c3': 'rouge clair',
  '#fce8b2': 'orange clair',
  '#fce8e6': 'rose pâle',
  '#e6f4ea': 'vert clair',
  '#e8f0fe': 'bleu clair',
  '#9aa0a6': 'gris',
  '#c62828': 'rouge foncé',
};

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** A number the French way: decimal comma, thin groups of thousands from 10 000. */
function frenchNumber(value: number): string {
  const [integer, decimals] = String(Math.abs(value)).split('.');
  const grouped = integer.length > 4 ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) : integer;
  return `${value < 0 ? '−' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** A bound in the unit of its type: percent as %, duration in hours, money in euros. */
function boundText(type: ColumnType, value: number): string {
  if (type === 'percent') return `${frenchNumber(Math.round(value * 10000) / 100)}${NBSP}%`;
  if (type === 'duration') return `${frenchNumber(value)}${NBSP}h`;
  if (type === 'money') return `${frenchNumber(value)}${NBSP}€`;
  return frenchNumber(value);
}

function boundsText(column: ColumnJson): string | null {
  const { min, max, type } = column;
  if (min !== null && max !== null) return `Entre ${boundText(type, min)} et ${boundText(type, max)}.`;
  if (min !== null) return `Au moins ${boundText(type, min)}.`;
  if (max !== null) return `Au plus ${boundText(type, max)}.`;
  return null;
}

/** Cell text for a Markdown table: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function sheetNamed(schema: SchemaJson, key: string): SheetJson | undefined {
  return schema.sheets.find((s) => s.key === key);
}

function headerOf(schema: SchemaJson, sheetKey: string, columnKey: string): string {
  const sheet = sheetNamed(schema, sheetKey);
  const column = sheet?.columns.find((c) => c.key === columnKey);
  return column?.header ?? columnKey;
}

/** The type of a column in French words, including what a reference points to. */
function typeText(schema: SchemaJson, column: ColumnJson): string {
  if (column.type === 'formula') {
    return column.resultType ? `Calculée (${lowerFirst(TYPE_WORDS[column.resultType])})` : 'Calculée';
  }
  if (column.type === 'ref' && column.ref) {
    const target = sheetNamed(schema, column.ref.sheet);
    return `Choix dans ${quote(target?.name ?? column.ref.sheet)}`;
  }
  if (column.type === 'email' && column.multiple) return 'Adresses e-mail';
  return TYPE_WORDS[column.type];
}

/** Help and possible values of a column, as sentences. */
function helpText(schema: SchemaJson, column: ColumnJson, sheetSince: number): string {
  const parts: string[] = [];
  if (column.help) parts.push(column.help);
  if (column.options) parts.push(`Valeurs possibles${NBSP}: ${column.options.map(quote).join(', ')}.`);
  if (column.ref) {
    const target = sheetNamed(schema, column.ref.sheet);
    parts.push(
      `Une valeur de la colonne ${quote(headerOf(schema, column.ref.sheet, column.ref.column))} de la feuille ${quote(target?.name ?? column.ref.sheet)}.`,
    );
  }
  if (column.multiple && !column.help?.includes('virgule')) {
    parts.push(
      'Plusieurs valeurs possibles, séparées par des virgules (la liste déroulante ne fait que suggérer).',
    );
  }
  const bounds = boundsText(column);
  if (bounds) parts.push(bounds);
  if (column.maxLength !== null) parts.push(`${frenchNumber(column.maxLength)} caractères au plus.`);
  if (column.textRule && !column.help) parts.push(TEXT_RULES[column.textRule] ?? '');
  if (column.formula) parts.push('Ne rien y saisir.');
  else if (column.readOnly) parts.push('Remplie par Pilote, ne pas modifier.');
  if (column.since > sheetSince) parts.push(`Ajoutée dans la version ${column.since} du classeur.`);
  return parts.filter((p) => p !== '').join(' ');
}

function valueText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return frenchNumber(value);
  return value;
}

function colourText(colour: string): string {
  const name = COLOUR_NAMES[colour.toLowerCase()];
  return name ? `${name} (\`${colour}\`)` : `\`${colour}\``;
}

function alertLine(sheet: SheetJson, format: ConditionalFormatJson): string[] {
  const headers = (format.columns ?? []).map((k) =>
    quote(sheet.columns.find((c) => c.key === k)?.header ?? k),
  );
  const where = format.columns
    ? `sur ${headers.length === 1 ? 'la colonne' : 'les colonnes'} ${headers.join(', ')}`
    : 'sur toute la ligne';
  const style = [
    ...(format.background ? [`fond ${colourText(format.background)}`] : []),
    ...(format.fontColor ? [`texte ${colourText(format.fontColor)}`] : []),
    ...(format.bold ? ['en gras'] : []),
    where,
  ];
  return [
    `- ${format.description} Mise en forme${NBSP}: ${style.join(', ')}. Règle${NBSP}: \`${format.formula}\``,
  ];
}

function columnsSection(schema: SchemaJson, sheet: SheetJson): string[] {
  const visible = sheet.columns.filter((c) => !c.hidden);
  const hidden = sheet.columns.filter((c) => c.hidden);
  const lines: string[] = ['### Colonnes', ''];
  lines.push(
    ...table(
      ['En-tête', 'Type', 'Obligatoire', 'Aide / valeurs possibles'],
      visible.map((c) => [
        c.header,
        typeText(schema, c),
        c.required ? 'Oui' : 'Non',
        helpText(schema, c, sheet.since),
      ]),
    ),
  );
  if (hidden.length > 0) {
    lines.push(
      '',
      `Colonnes masquées, remplies par Pilote (ne pas les modifier)${NBSP}: ${hidden.map((c) => quote(c.header)).join(', ')}.`,
    );
  }
  return lines;
}

function computedSection(schema: SchemaJson, sheet: SheetJson): string[] {
  const computed = sheet.columns.filter((c) => c.formula !== null);
  if (computed.length === 0) return [];
  const lines: string[] = [
    '### Colonnes calculées',
    '',
    `Formules de la ligne ${schema.firstDataRow} (la première fiche)${NBSP}; Pilote les recopie sur chaque ligne.`,
    '',
  ];
  for (const c of computed) {
    lines.push(
      `- **${c.header}**${c.help ? `${NBSP}: ${c.help}` : ''}`,
      '',
      '  ```',
      `  ${c.formula}`,
      '  ```',
      '',
    );
  }
  lines.pop();
  return lines;
}

function alertsSection(sheet: SheetJson): string[] {
  if (sheet.conditionalFormats.length === 0) return [];
  return ['### Couleurs d’alerte', '', ...sheet.conditionalFormats.flatMap((f) => alertLine(sheet, f))];
}

function settingsSection(schema: SchemaJson, sheet: SheetJson): string[] {
  if (sheet.settings.length === 0) return [];
  const rows = sheet.settings.map((s: SettingJson) => {
    const help = helpText(schema, s, sheet.since);
    return [
      s.header,
      typeText(schema, s),
      s.required ? 'Oui' : 'Non',
      s.formula ? `${help} Formule${NBSP}: \`${s.formula}\`` : help,
      valueText(s.defaultValue),
      `\`${s.rangeName}\``,
    ];
  });
  return [
    '### Les paramètres',
    '',
    'Un paramètre par ligne, dans la colonne «\u00a0Valeur\u00a0». Chaque valeur porte un nom que vos propres formules peuvent utiliser.',
    '',
    ...table(
      ['Paramètre', 'Type', 'Obligatoire', 'Aide / valeurs possibles', 'Par défaut', 'Nom dans les formules'],
      rows,
    ),
  ];
}

/** A short line on what kind of sheet this is and how its records are named. */
function aboutLine(schema: SchemaJson, sheet: SheetJson, position: number): string {
  const parts = [`Onglet n°${NBSP}${position}`, `en anglais${NBSP}: ${sheet.nameEn}`];
  if (sheet.idPrefix) parts.push(`identifiants ${sheet.idPrefix}-0001, ${sheet.idPrefix}-0002…`);
  if (sheet.kind === 'table' && sheet.labelColumn) {
    parts.push(
      `les autres feuilles désignent une fiche par sa colonne ${quote(headerOf(schema, sheet.key, sheet.labelColumn))}`,
    );
  }
  return `*${parts.join(' · ')}.*`;
}

function kindNote(sheet: SheetJson): string[] {
  if (sheet.kind === 'dashboard') {
    return [
      'Cette feuille est mise en page et calculée par Pilote à partir des autres feuilles\u00a0: n’y saisissez rien, ce que vous y écririez pourrait être remplacé.',
    ];
  }
  if (sheet.kind === 'log') {
    return [
      'Pilote y ajoute une ligne à chaque action qu’il fait\u00a0: n’y modifiez et n’y supprimez rien, c’est l’historique du classeur.',
    ];
  }
  return [];
}

function sheetSection(schema: SchemaJson, sheet: SheetJson, position: number): string[] {
  const blocks: string[][] = [
    [`## ${sheet.name}`],
    [sheet.description],
    [aboutLine(schema, sheet, position)],
    kindNote(sheet),
    sheet.columns.length > 0 ? columnsSection(schema, sheet) : [],
    computedSection(schema, sheet),
    alertsSection(sheet),
    settingsSection(schema, sheet),
  ];
  return blocks.filter((b) => b.length > 0).flatMap((b) => [...b, '']);
}

function intro(schema: SchemaJson): string[] {
  const settings = schema.sheets.find((s) => s.kind === 'settings');
  const journal = schema.sheets.find((s) => s.kind === 'log');
  return [
    '# Le classeur Pilote',
    '',
    `Ce document décrit les feuilles du classeur Pilote (version ${schema.version} du classeur)\u00a0: à quoi sert chaque feuille, ce que contient chaque colonne, ce que Pilote calcule et les couleurs d’alerte.`,
    '',
    '> Ce fichier est produit automatiquement à partir de la description du classeur dans le code de Pilote. Ne le modifiez pas à la main\u00a0: lancez `npm run local -- docs`.',
    '',
    '## Comment le classeur est organisé',
    '',
    '- **Une feuille par sujet.** Chaque onglet tient une liste de fiches, une par ligne\u00a0: les espaces, les réservations, les contacts, les opérations… Le tableau de bord, les paramètres du lieu et le journal sont à part.',
    `- **Ligne ${KEY_ROW}, masquée\u00a0: les clés des colonnes.** Chaque colonne de Pilote porte en ligne ${KEY_ROW} une clé technique (par exemple \`startDate\`). C’est grâce à elle que Pilote retrouve ses colonnes, quels que soient leur place et leur titre. Cette ligne est masquée et protégée\u00a0: **ne la modifiez jamais**, n’y copiez rien et ne la supprimez pas.`,
    `- **Ligne ${HEADER_ROW}\u00a0: les en-têtes.** Vous pouvez les renommer librement\u00a0: Pilote ne s’en sert pas pour retrouver les colonnes. Les en-têtes indiqués ici sont ceux d’origine.`,
    `- **Les fiches commencent en ligne ${FIRST_DATA_ROW}**, une par ligne ; une feuille neuve en accueille jusqu’à la ligne ${frenchNumber(LAST_DATA_ROW - 1)}. La dernière ligne reste vide : quand la feuille est pleine, Pilote l’agrandit de 1 000 lignes en les insérant juste au-dessus, et les formules, listes et couleurs suivent.`,
    `- **Vous pouvez déplacer les colonnes** (la clé de la ligne ${KEY_ROW} suit la colonne) et **ajouter vos propres colonnes** où vous voulez\u00a0: une colonne sans clé est la vôtre, Pilote n’y écrit jamais.`,
    '- **Colonnes masquées.** L’identifiant de chaque fiche (par exemple RES-0001), ses dates de création et de modification, et les liens vers les documents produits sont dans des colonnes masquées, remplies par Pilote. Ne les modifiez pas.',
    '- **Colonnes calculées.** Certaines colonnes contiennent une formule posée par Pilote (un total, une échéance…). Elles sont protégées\u00a0: n’y saisissez rien. Les formules sont données ici avec la syntaxe anglaise (virgules entre les arguments)\u00a0; avec les paramètres régionaux français, Google Sheets les affiche avec des points-virgules.',
    '- **Listes déroulantes.** Une colonne «\u00a0Liste de choix\u00a0» propose les valeurs indiquées dans son aide. Une colonne «\u00a0Choix dans…\u00a0» propose les valeurs d’une autre feuille (par exemple le nom d’un espace). Quand plusieurs valeurs sont permises, séparez-les par des virgules\u00a0: la liste ne fait alors que suggérer.',
    '- **Couleurs d’alerte.** Des mises en forme conditionnelles signalent ce qui demande votre attention (une échéance dépassée, une vérification non conforme…)\u00a0; elles sont décrites feuille par feuille.',
    settings
      ? `- **${settings.name}.** Les informations générales du lieu et les réglages utilisés par les calculs. Chaque valeur porte un nom (par exemple \`PILOTE_VOLUNTEER_HOURLY_VALUE\`) utilisable dans vos propres formules.`
      : '',
    journal
      ? `- **${journal.name}.** Pilote y note chaque action qu’il fait (création, modification, synchronisation, document produit…), avec la date, l’auteur et la fiche concernée. N’y modifiez rien.`
      : '',
    '',
    '## Les feuilles',
    '',
    ...schema.sheets.map((s, i) => `${i + 1}. **${s.name}**${NBSP}: ${lowerFirst(s.description)}`),
    '',
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
}

/** docs/workbook.md: the whole user documentation, in French, ending with one newline. */
export function workbookMarkdown(schema: SchemaJson = schemaAsJson()): string {
  const lines = [...intro(schema), ...schema.sheets.flatMap((s, i) => sheetSection(schema, s, i + 1))];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

/** Writes docs/workbook.md from the schema; returns its absolute path. */
export function writeWorkbookDoc(path: string = WORKBOOK_DOC_PATH): string {
  writeFileSync(path, workbookMarkdown(), 'utf8');
  return path;
}
