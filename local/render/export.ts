/** Writes an emulated Google Doc's saved content as .docx or HTML (the CLI's `export` command). */
import { writeFileSync } from 'node:fs';
import type { Emulator } from '../emulator/emulator';
import { renderDocx } from './docx';
import { renderHtml } from './html';

export type ExportFormat = 'docx' | 'html';

export async function exportDocument(
  emulator: Emulator,
  format: ExportFormat,
  id: string,
  file: string,
): Promise<{ file: string; bytes: number; name: string }> {
  const content = emulator.documentApp._document(id);
  const name = emulator.drive.items.get(id)?.name ?? id;
  const bytes =
    format === 'docx' ? await renderDocx(content, name) : Buffer.from(renderHtml(content, name), 'utf8');
  writeFileSync(file, bytes);
  return { file, bytes: bytes.length, name };
}
