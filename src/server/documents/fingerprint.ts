/**
 * A document's fingerprints: a hash (FNV-1a, 32 bits, hex) and the length of its text, and the
 * same of its styles as DocumentApp reads them (adapters/docs-gateway.ts#documentStyles: headings,
 * alignments, bold, italic, colours, links, list levels, table structure and cell colours). Pilote
 * keeps both for what it wrote; a different text fingerprint later means someone edited the
 * text, a different style fingerprint that someone restyled it (issue 11: « never overwrites a
 * document the user has edited without asking »).
 */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(16).padStart(8, '0')}`;
}

/** What changed since Pilote's stamp: the text, only the styles, or nothing we can see. */
export type EditKind = 'text' | 'style' | null;

/**
 * Compares the stamp Pilote kept with the document now. No stamp: treated as edited (Pilote
 * cannot vouch for it). A stamp from before styles were kept compares the text only. `styleNow`
 * is called only when the text is unchanged and the stamp has a style to compare.
 */
export function editSince(
  stamp: { fingerprint: string; style?: string } | null,
  textNow: string,
  styleNow: () => string,
): EditKind {
  if (!stamp || stamp.fingerprint !== textFingerprint(textNow)) return 'text';
  if (stamp.style !== undefined && stamp.style !== textFingerprint(styleNow())) return 'style';
  return null;
}
