/**
 * `npm start`: serves the playground — the local workbook, the real dist/Sidebar.html with a
 * google.script.run shim, and the cost of every server call — on http://localhost:PORT.
 * Every call runs the shipped dist/Code.js in the emulator; the workbook is saved after each.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { openWorkspace, playgroundFile, ROOT, type Workspace } from '../workspace';
import { openDialogLine } from './dialogs';
import { cellInfo, editCell } from './edit';
import { panelsRoute } from './panels';
import { workbookView } from './view';

const here = __dirname;
const PORT = Number(process.env.PORT ?? 8787);

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
      if (data.length > 5_000_000) reject(new Error('request too large'));
    });
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch (e) {
        reject(e);
      }
    });
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * The sidebar as Google serves it, plus the shim, injected before any other script: the built
 * dist/Sidebar.html, or with `shown` the page the last menu handler showed (its HtmlOutput).
 */
function sidebarPage(workspace: Workspace, shown: boolean): string {
  const last = shown ? workspace.emulator.ui._lastSidebar() : null;
  const html = last ? last.html : readFileSync(join(workspace.distDir, 'Sidebar.html'), 'utf8');
  const shim = readFileSync(join(here, 'shim.js'), 'utf8');
  return html.replace('<head>', () => `<head>\n<script>${shim}</script>`);
}

/**
 * The user's Google locale for the next execution: the page's (`?locale=en`, sent by the shim
 * and the playground page), French otherwise. Each call is synchronous, so two pages in two
 * languages never mix.
 */
function useLocale(workspace: Workspace, locale: unknown): string {
  const tag = typeof locale === 'string' && /^(fr|en)(_[A-Z]{2})?$/.test(locale) ? locale : 'fr';
  workspace.emulator.session._configure({ locale: tag });
  return tag;
}

/**
 * chart.js, served to the page from node_modules (a devDependency of the playground, never in
 * dist/): the page draws the emulated charts with it.
 */
const CHART_JS = join(ROOT, 'node_modules/chart.js/dist/chart.umd.min.js');

type MenuItems = ReturnType<typeof workbookView>['menuItems'];

/**
 * The add-on menu in the page's language. Each user who opens a spreadsheet gets onOpen run in
 * their own locale (a simple trigger runs for the user who opens the file:
 * developers.google.com/apps-script/guides/triggers#onopene), so a page opened with
 * `?locale=en` opens the workbook once in English; the captions are kept per locale, so two
 * pages in two languages each keep their own menu.
 */
function menuFor(workspace: Workspace, locale: unknown, known: Map<string, MenuItems>): MenuItems | null {
  const tag = typeof locale === 'string' && /^(fr|en)(_[A-Z]{2})?$/.test(locale) ? locale : 'fr';
  const cached = known.get(tag);
  if (cached) return cached;
  if (tag === 'fr' && known.size === 0) return null; // the workspace opened in French
  const items = workspace.transaction(() => {
    useLocale(workspace, tag);
    workspace.runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
    return workbookView(workspace).menuItems;
  });
  known.set(tag, items);
  return items;
}

/**
 * What google.script.run's failure handler receives when the connection drops (text as users
 * report it; unverified against a Google page).
 */
export const LOST_ANSWER = 'NetworkError: Connection failure due to HTTP 0';

/** Test hooks of the playground. */
export interface PlaygroundOptions {
  /**
   * Called after a `/rpc` call ran and the workbook was saved: true loses its answer on the way
   * back (the page's failure handler gets {@link LOST_ANSWER}) although the server did its work.
   */
  loseAnswer?: (fn: string) => boolean;
}

/** Starts the playground; resolves with the server once it listens. */
export async function startPlayground(
  workspace: Workspace,
  port = PORT,
  options: PlaygroundOptions = {},
): Promise<ReturnType<typeof createServer>> {
  // A question a handler asks with no scripted answer goes to the page (see dialogs.ts).
  const dialogs = await openDialogLine();
  const askThePage = () => {
    workspace.emulator.ui._askUser = dialogs.ask;
  };
  const menus = new Map<string, MenuItems>();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/') {
        return send(res, 200, 'text/html', readFileSync(join(here, 'page.html'), 'utf8'));
      }
      if (req.method === 'GET' && url.pathname === '/sidebar')
        return send(res, 200, 'text/html', sidebarPage(workspace, url.searchParams.has('shown')));
      if (req.method === 'GET' && url.pathname === '/vendor/chart.umd.min.js')
        return send(res, 200, 'text/javascript', readFileSync(CHART_JS, 'utf8'));
      if (req.method === 'GET' && url.pathname === '/state') {
        // What another process (the CLI) saved shows at the page's next refresh.
        workspace.sync();
        const menuItems = menuFor(workspace, url.searchParams.get('locale'), menus);
        const view = workbookView(workspace, url.searchParams.get('sheet') ?? undefined);
        const body = { ...view, menuItems: menuItems ?? view.menuItems, dialogPort: dialogs.port };
        return send(res, 200, 'application/json', JSON.stringify(body));
      }
      if (req.method === 'POST' && url.pathname === '/rpc') {
        const { fn, args, locale } = (await readBody(req)) as {
          fn: string;
          args: unknown[];
          locale?: string;
        };
        const outcome = workspace.transaction(() => {
          useLocale(workspace, locale);
          askThePage();
          return workspace.runner.call(fn, ...(Array.isArray(args) ? args : []));
        });
        const stats = outcome.stats
          ? { calls: outcome.stats.calls, ms: outcome.stats.ms, byMethod: outcome.stats.byMethod }
          : null;
        if (options.loseAnswer?.(fn))
          return send(res, 200, 'application/json', JSON.stringify({ ok: false, error: LOST_ANSWER, stats }));
        const body = outcome.ok
          ? { ok: true, value: outcome.value, stats }
          : { ok: false, error: outcome.error, stats };
        return send(res, 200, 'application/json', JSON.stringify(body));
      }
      if (req.method === 'POST' && url.pathname === '/menu') {
        const { functionName, locale } = (await readBody(req)) as { functionName: string; locale?: string };
        const body = workspace.transaction((): Record<string, unknown> => {
          useLocale(workspace, locale);
          askThePage();
          const shownBefore = workspace.emulator.ui.shown.length;
          try {
            const { stats } = workspace.runner.run(functionName);
            const shown = workspace.emulator.ui.shown.slice(shownBefore);
            return {
              ok: true,
              stats: { calls: stats.calls, ms: stats.ms, byMethod: stats.byMethod },
              sidebar: shown.some((s) => s.kind === 'sidebar'),
              dialogs: shown.flatMap((s) =>
                s.kind === 'alert' || s.kind === 'prompt' ? [{ prompt: s.prompt, answer: s.answer }] : [],
              ),
            };
          } catch (e) {
            return { ok: false, error: e instanceof Error ? e.message : String(e), stats: null };
          }
        });
        return send(res, 200, 'application/json', JSON.stringify(body));
      }
      if (req.method === 'GET' && url.pathname === '/cell') {
        const q = url.searchParams;
        workspace.sync();
        const info = cellInfo(workspace, q.get('sheet') ?? '', Number(q.get('row')), Number(q.get('column')));
        return send(res, 200, 'application/json', JSON.stringify(info));
      }
      if (req.method === 'POST' && url.pathname === '/edit') {
        const edit = (await readBody(req)) as Parameters<typeof editCell>[1];
        const outcome = workspace.transaction(() => editCell(workspace, edit));
        return send(res, 200, 'application/json', JSON.stringify(outcome));
      }
      if (req.method === 'POST' && url.pathname === '/select') {
        const { sheet, row, column } = (await readBody(req)) as {
          sheet: string;
          row: number;
          column: number;
        };
        workspace.transaction(() => workspace.emulator.selectCell(sheet, row, column));
        return send(res, 200, 'application/json', '{"ok":true}');
      }
      if (await panelsRoute(workspace, req, res, url)) return;
      send(res, 404, 'text/plain', 'not found');
    } catch (e) {
      send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e));
    }
  });
  // While it listens, the CLI finds it through playground.json and sends its commands here.
  const info = playgroundFile(workspace.dir);
  // Executions run one at a time and block the event loop, as a script holds its call: a request
  // queued behind long ones (a sync, several saves of the CLI) must wait, not be cut by Node's
  // default 60 s header timeout (ECONNRESET in tests/playground/shared-workbook.test.ts).
  server.headersTimeout = 0;
  server.requestTimeout = 0;
  server.on('close', () => {
    void dialogs.close();
    try {
      if (JSON.parse(readFileSync(info, 'utf8')).port === listening) rmSync(info, { force: true });
    } catch {
      // already gone
    }
  });
  let listening = -1;
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      listening = typeof address === 'object' && address ? address.port : port;
      writeFileSync(info, JSON.stringify({ pid: process.pid, port: listening }));
      resolve(server);
    }),
  );
}

if (require.main === module) {
  const workspace = openWorkspace({ echoLogs: true });
  startPlayground(workspace).then((server) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : PORT;
    process.stdout.write(
      `Pilote — terrain de jeu : http://localhost:${port}\n(classeur local : ${workspace.statePath})\n`,
    );
  });
}
