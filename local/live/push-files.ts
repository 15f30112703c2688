/**
 * The file set pushed to the scratch project: dist/ as clasp would push it, plus LiveSmoke.js.
 * projects.updateContent replaces every file of the project, the manifest included
 * (developers.google.com/apps-script/api/reference/rest/v1/projects/updateContent); a file is
 * named without its extension, its kind given by `type` (SERVER_JS, HTML, JSON:
 * developers.google.com/apps-script/api/reference/rest/v1/File).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { script_v1 } from 'googleapis';
import { LiveFailure } from './failure';

/** What dist/ must hold: what clasp pushes (rootDir: dist). */
export const DIST_FILES = [
  { file: 'Code.js', name: 'Code', type: 'SERVER_JS' },
  { file: 'Sidebar.html', name: 'Sidebar', type: 'HTML' },
  { file: 'appsscript.json', name: 'appsscript', type: 'JSON' },
] as const;

export const SMOKE_FILE = { file: 'LiveSmoke.js', name: 'LiveSmoke', type: 'SERVER_JS' } as const;

/** The smoke file's source, beside this module. */
export function smokeSource(): string {
  return readFileSync(join(__dirname, SMOKE_FILE.file), 'utf8');
}

/**
 * The manifest sent to the scratch project: the one of dist/ plus `executionApi` (only the
 * owner may call it), which scripts.run needs (developers.google.com/apps-script/manifest/web-app-api-executable).
 */
export function liveManifest(distManifest: string): string {
  let manifest: unknown;
  try {
    manifest = JSON.parse(distManifest);
  } catch {
    throw new LiveFailure('dist/appsscript.json n’est pas un JSON valide : relancez « npm run build ».');
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw new LiveFailure('dist/appsscript.json n’est pas un objet JSON : relancez « npm run build ».');
  if ('executionApi' in manifest)
    throw new LiveFailure(
      'dist/appsscript.json déclare déjà « executionApi » : le paquet de production ne doit pas l’exposer à l’API.',
    );
  return `${JSON.stringify({ ...manifest, executionApi: { access: 'MYSELF' } }, null, 2)}\n`;
}

/** The files of the scratch project, from dist/ (unchanged but for the manifest) and the smoke file. */
export function buildPushFiles(distDir: string, smoke: string = smokeSource()): script_v1.Schema$File[] {
  const missing = DIST_FILES.filter((f) => !existsSync(join(distDir, f.file))).map((f) => f.file);
  if (missing.length > 0)
    throw new LiveFailure(`dist/ incomplet (${missing.join(', ')} absent) : lancez « npm run build ».`);
  const files: script_v1.Schema$File[] = DIST_FILES.map((f) => {
    const source = readFileSync(join(distDir, f.file), 'utf8');
    return { name: f.name, type: f.type, source: f.type === 'JSON' ? liveManifest(source) : source };
  });
  files.push({ name: SMOKE_FILE.name, type: SMOKE_FILE.type, source: smoke });
  return files;
}

/** The OAuth scopes a manifest declares (`oauthScopes`), empty when it has none. */
export function manifestScopes(manifestSource: string): string[] {
  const manifest = JSON.parse(manifestSource) as { oauthScopes?: unknown };
  return Array.isArray(manifest.oauthScopes)
    ? manifest.oauthScopes.filter((s): s is string => typeof s === 'string')
    : [];
}
