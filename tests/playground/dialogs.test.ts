/**
 * The playground's dialog line (local/playground/dialogs.ts) and the Ui hook it uses: an alert or
 * prompt with no scripted answer blocks until a user answers through the line; a scripted answer
 * still wins; an invalid button is refused as a scripted one is; an unanswered question ends the
 * execution at the 6-minute limit (here shortened).
 */
import { spawn } from 'node:child_process';
import { Runtime } from '../../local/emulator/runtime';
import { UiEmulator } from '../../local/emulator/services';
import { type DialogLine, openDialogLine } from '../../local/playground/dialogs';

/** A separate process playing the user: waits for the question, prints it, answers `answer`. */
function user(port: number, answer: { button: string; text?: string }): Promise<string> {
  const script = `
    const base = 'http://127.0.0.1:${port}';
    (async () => {
      for (;;) {
        const { question } = await (await fetch(base + '/question')).json();
        if (question) {
          process.stdout.write(JSON.stringify(question));
          await fetch(base + '/answer', { method: 'POST', body: ${JSON.stringify(JSON.stringify(answer))} });
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('close', () => resolve(out));
  });
}

function setup(line: DialogLine) {
  const rt = new Runtime();
  const ui = new UiEmulator(rt, { addonName: 'Pilote' });
  ui._askUser = line.ask;
  return ui;
}

let line: DialogLine;
beforeAll(async () => {
  line = await openDialogLine();
});
afterAll(() => line.close());

test('an unscripted alert waits for the user and returns the button they pressed', async () => {
  const ui = setup(line);
  const asked = user(line.port, { button: 'NO' });
  // Blocks this thread until the other process answers (as the script waits on Google).
  expect(ui.alert('Supprimer', 'Supprimer la fiche ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
  expect(JSON.parse(await asked)).toEqual({
    kind: 'alert',
    title: 'Supprimer',
    prompt: 'Supprimer la fiche ?',
    buttons: 'YES_NO',
  });
  expect(ui.shown).toEqual([
    { kind: 'alert', title: 'Supprimer', prompt: 'Supprimer la fiche ?', buttons: 'YES_NO', answer: 'NO' },
  ]);
}, 60_000);

test('an unscripted prompt returns the typed text', async () => {
  const ui = setup(line);
  const asked = user(line.port, { button: 'OK', text: 'Salle B' });
  const response = ui.prompt('Nom de l’espace ?');
  expect(response.getSelectedButton()).toBe(ui.Button.OK);
  expect(response.getResponseText()).toBe('Salle B');
  expect(JSON.parse(await asked)).toMatchObject({ kind: 'prompt', title: null, buttons: 'OK' });
}, 60_000);

test('a scripted answer is used without asking; a button outside the set is refused', async () => {
  const ui = setup(line);
  let asked = 0;
  const ask = ui._askUser;
  ui._askUser = (q) => {
    asked += 1;
    return ask ? ask(q) : { button: 'OK', text: '', thinkMs: 0 };
  };
  ui._answerNext('YES');
  expect(ui.alert('T', 'Sûr ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
  expect(asked).toBe(0);
  const wrong = user(line.port, { button: 'YES' });
  expect(() => ui.alert('OK seulement')).toThrow('is not a button of ButtonSet.OK');
  await wrong;
  expect(asked).toBe(1);
}, 60_000);

test('a question nobody answers ends the execution at the limit', async () => {
  const short = await openDialogLine(300);
  try {
    const rt = new Runtime();
    const ui = new UiEmulator(rt, { addonName: 'Pilote' });
    ui._askUser = short.ask;
    expect(() => ui.alert('Personne ?')).toThrow('Exceeded maximum execution time');
  } finally {
    await short.close();
  }
});
