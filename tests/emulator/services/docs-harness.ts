/** Runs a tiny Apps Script file against a fresh Emulator through the Runner (vm context + Membrane). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../../local/emulator/emulator';
import { Runner } from '../../../local/runner/runner';

export function scriptHarness(script: string, emulator = new Emulator()) {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-docs-'));
  writeFileSync(join(dir, 'Code.js'), script);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Paris' }));
  const runner = new Runner({ bundlePath: join(dir, 'Code.js'), host: emulator });
  return { emulator, runner };
}
