/**
 * `npm run local -- <command>`: the local workbook from a shell, output as JSON.
 *   call <function> ['<json array of args>' | '<json arg>']   run a server function as google.script.run does
 *   run <function>                                            run a menu/trigger function
 *   functions                                                 list the bundle's global functions
 *   reset                                                     delete the local workbook
 *   demo                                                      a new local workbook filled with the demo tiers-lieu
 *   schema                                                    the workbook schema as JSON
 *   docs                                                      write docs/workbook.md from the schema
 *   export docx|html <document id> <file>                     write an emulated Google Doc as .docx or HTML
 *   documents                                                 list the emulated Google Docs (id, name)
 *   export xlsx <file> | import xlsx <file> | export ics <space> <file>   files (local/export/commands.ts)
 *   events <space | calendar id>                              a space's calendar events as JSON (`call syncBookingCalendars` syncs)
 */
import { schemaAsJson } from '../docs/schema-json';
import { writeWorkbookDoc } from '../docs/workbook-doc';
import { FILE_COMMANDS_USAGE, runFileCommand } from '../export/commands';
import { exportDocument } from '../render/export';
import { listCalendarEventsJson } from '../emulator/services/calendar';
import { openWorkspace, resetWorkspace, runningPlayground } from '../workspace';

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function parseArgs(text: string | undefined): unknown[] {
  if (text === undefined) return [];
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** `export docx|html <id> <file>`: the document's saved content, rendered. */
async function exportCommand(rest: string[]): Promise<number> {
  const [format, id, file] = rest;
  if ((format !== 'docx' && format !== 'html') || !id || !file)
    throw new Error('usage: export docx|html <document id> <file>');
  print({ ok: true, ...(await exportDocument(openWorkspace().emulator, format, id, file)) });
  return 0;
}

/**
 * `call` and `run` while a playground runs (its playground.json names a live pid): sent to it over
 * HTTP on 127.0.0.1, so the one process that holds the workbook runs them and the page shows them.
 * Null when no playground answers (the command then opens the file under its lock).
 */
async function sendToPlayground(command: string | undefined, rest: string[]): Promise<number | null> {
  if (command !== 'call' && command !== 'run') return null;
  const [fn, json] = rest;
  const running = fn ? runningPlayground() : null;
  if (!running) return null;
  const [path, body] =
    command === 'call' ? ['/rpc', { fn, args: parseArgs(json) }] : ['/menu', { functionName: fn }];
  let answer: { ok: boolean };
  try {
    const res = await fetch(`http://127.0.0.1:${running.port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(await res.text());
    answer = (await res.json()) as { ok: boolean };
  } catch {
    return null;
  }
  print({ ...answer, via: `playground http://127.0.0.1:${running.port} (pid ${running.pid})` });
  return answer.ok ? 0 : 1;
}

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'reset':
      resetWorkspace();
      print({ ok: true, reset: true });
      return 0;
    case 'demo': {
      resetWorkspace();
      const workspace = openWorkspace();
      const demo = workspace.emulator.runtime.history.find((s) => s.name.startsWith('loadDemoData'));
      print({
        ok: true,
        workbook: workspace.statePath,
        demo: demo ? { calls: demo.calls, ms: demo.ms } : null,
      });
      return 0;
    }
    case 'functions':
      print(openWorkspace().runner.functionNames());
      return 0;
    case 'call': {
      const [fn, json] = rest;
      if (!fn) throw new Error('usage: call <function> [json args]');
      const workspace = openWorkspace();
      // Under the workbook's lock, on its latest version: a running playground loses nothing.
      const outcome = workspace.transaction(() => workspace.runner.call(fn, ...parseArgs(json)));
      const stats = outcome.stats && {
        calls: outcome.stats.calls,
        ms: outcome.stats.ms,
        byMethod: outcome.stats.byMethod,
      };
      print(
        outcome.ok ? { ok: true, value: outcome.value, stats } : { ok: false, error: outcome.error, stats },
      );
      return outcome.ok ? 0 : 1;
    }
    case 'run': {
      const [fn] = rest;
      if (!fn) throw new Error('usage: run <function>');
      const workspace = openWorkspace();
      const { stats } = workspace.transaction(() => workspace.runner.run(fn));
      print({ ok: true, stats: { calls: stats.calls, ms: stats.ms, byMethod: stats.byMethod } });
      return 0;
    }
    case 'schema': {
      // `schema | head` closes the pipe early: that is not an error.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
      });
      print(schemaAsJson());
      return 0;
    }
    case 'events': {
      const [space] = rest;
      if (!space) throw new Error('usage: events <space | calendar id>');
      const calendar = openWorkspace().emulator.calendar;
      // A space's calendar is « Pilote — <space> » (calendar-sync.ts); an id or summary works too.
      const known = calendar._calendars().some((c) => c.id === space || c.summary === space);
      process.stdout.write(`${listCalendarEventsJson(calendar, known ? space : `Pilote — ${space}`)}\n`);
      return 0;
    }
    case 'docs': {
      print({ ok: true, path: writeWorkbookDoc() });
      return 0;
    }
    case 'export':
      return rest[0] === 'docx' || rest[0] === 'html'
        ? exportCommand(rest)
        : runFileCommand(command, rest, () => openWorkspace(), print);
    case 'import':
      return runFileCommand(command, rest, () => openWorkspace(), print);
    case 'documents': {
      const { emulator } = openWorkspace();
      print(
        emulator.documentApp._documentIds().map((id) => ({ id, name: emulator.drive.items.get(id)?.name })),
      );
      return 0;
    }
    default:
      process.stderr.write(
        `usage: npm run local -- call <function> [json] | run <function> | functions | reset | demo | schema | docs | export docx|html <id> <file> | documents | ${FILE_COMMANDS_USAGE} | events <space>\n`,
      );
      return 2;
  }
}

const argv = process.argv.slice(2);
sendToPlayground(argv[0], argv.slice(1))
  .then((sent) => sent ?? main(argv))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
