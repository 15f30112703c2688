/**
 * A document's fingerprint: a hash of its text (FNV-1a, 32 bits, hex) and its length. Pilote
 * keeps the fingerprint of what it wrote; a different one later means someone edited the text.
 * Style-only edits do not change it (unverified against Drive's modifiedTime, which Pilote does
 * not read: it would need a Drive scope).
 */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(16).padStart(8, '0')}`;
}
