/**
 * The scratch spreadsheet and its bound script project, made once and remembered in
 * `.local/live.json` (git-ignored). Google is reached only through `LiveApis`, so the plan
 * (what is created, what is reused) is tested without network.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { script_v1 } from 'googleapis';
import { LiveFailure } from './failure';

export interface LiveState {
  spreadsheetId: string;
  scriptId: string;
  deploymentId: string;
}

/** The few Google calls the live tier makes (implemented with googleapis in google-apis.ts). */
export interface LiveApis {
  /** Sheets API spreadsheets.create; resolves to the new spreadsheet's id. */
  createSpreadsheet(title: string, locale: string, timeZone: string): Promise<string>;
  /** Drive API files.get: false when the file is gone or in the trash. */
  spreadsheetUsable(spreadsheetId: string): Promise<boolean>;
  /** Apps Script API projects.create with `parentId`: a script bound to the spreadsheet. */
  createBoundScript(title: string, parentId: string): Promise<string>;
  /** projects.updateContent: replaces every file of the project. */
  pushContent(scriptId: string, files: script_v1.Schema$File[]): Promise<void>;
  /** projects.versions.create then projects.deployments.create: an API executable deployment. */
  createDeployment(scriptId: string, description: string): Promise<string>;
}

export const SCRATCH = {
  title: 'Pilote — classeur d’essai live',
  locale: 'fr_FR',
  timeZone: 'Europe/Paris',
} as const;

const ID = /^[A-Za-z0-9_-]{10,200}$/;

/** The remembered state, null when there is none; a damaged file stops the run (nothing is overwritten). */
export function readState(path: string): LiveState | null {
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new LiveFailure(
      `${path} n’est pas un JSON lisible — corrigez-le ou supprimez-le pour recréer le classeur d’essai.`,
    );
  }
  const state = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const id = (key: keyof LiveState): string => {
    const value = state[key];
    if (typeof value !== 'string' || !ID.test(value))
      throw new LiveFailure(
        `${path} : « ${key} » manque ou n’est pas un identifiant Google — supprimez le fichier pour recréer le classeur d’essai.`,
      );
    return value;
  };
  return { spreadsheetId: id('spreadsheetId'), scriptId: id('scriptId'), deploymentId: id('deploymentId') };
}

export function writeState(path: string, state: LiveState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

export interface ScratchOutcome {
  state: LiveState;
  created: boolean;
}

/**
 * Reuses the remembered scratch project when its spreadsheet is still usable, else creates a
 * spreadsheet in fr_FR, its bound script, pushes `files`, and deploys it as an API executable
 * (scripts.run runs a deployment; with devMode the owner runs the last pushed code, so later
 * runs push without a new version: developers.google.com/apps-script/api/reference/rest/v1/scripts/run).
 * Pushes `files` exactly once either way.
 */
export async function prepareScratch(
  apis: LiveApis,
  remembered: LiveState | null,
  files: script_v1.Schema$File[],
  save: (state: LiveState) => void,
): Promise<ScratchOutcome> {
  if (remembered && (await apis.spreadsheetUsable(remembered.spreadsheetId))) {
    await apis.pushContent(remembered.scriptId, files);
    return { state: remembered, created: false };
  }
  const spreadsheetId = await apis.createSpreadsheet(SCRATCH.title, SCRATCH.locale, SCRATCH.timeZone);
  const scriptId = await apis.createBoundScript(SCRATCH.title, spreadsheetId);
  await apis.pushContent(scriptId, files);
  const deploymentId = await apis.createDeployment(scriptId, 'Pilote test:live (API executable)');
  const state = { spreadsheetId, scriptId, deploymentId };
  save(state);
  return { state, created: true };
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

export function scriptUrl(id: string): string {
  return `https://script.google.com/d/${id}/edit`;
}
