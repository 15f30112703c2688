/**
 * `npm run test:live` without credentials: no network, one French line, a non-zero exit.
 * Spawns the real script with HOME pointed at an empty directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function runLive(home: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join('local', 'live', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, USERPROFILE: home },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function lines(out: { stdout: string; stderr: string }): string[] {
  return `${out.stdout}${out.stderr}`.split('\n').filter((l) => l.trim() !== '');
}

describe('test:live without credentials', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'pilote-live-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('an empty HOME: exit code ≠ 0 and one French line saying what to configure', () => {
    const out = runLive(home);
    expect(out.status).not.toBe(0);
    expect(out.status).not.toBeNull();
    const printed = lines(out);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(
      /^✗ Test live impossible : aucun identifiant clasp \(.*\.clasprc\.json absent\)/,
    );
    expect(printed[0]).toContain('npx clasp login --creds <client_secret.json> --extra-scopes ');
    expect(printed[0]).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(printed[0]).toContain('projet Google Cloud standard');
  });

  test('a .clasprc.json without a refresh token: one French line, exit code ≠ 0', () => {
    writeFileSync(
      join(home, '.clasprc.json'),
      JSON.stringify({ tokens: { default: { client_id: 'x', client_secret: 'y' } } }),
    );
    const out = runLive(home);
    expect(out.status).not.toBe(0);
    const printed = lines(out);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(
      /^✗ Test live impossible : le compte « default » de .* n’a pas de client_id, client_secret ou refresh_token/,
    );
  });
});
