/**
 * The playground's answer to Ui.alert / Ui.prompt when no answer is scripted: the execution
 * blocks until the user answers in the page, as an Apps Script execution waits on Google
 * (Ui reference: "the script is suspended until the user dismisses the dialog",
 * https://developers.google.com/apps-script/reference/base/ui#alert(String)). The page talks to
 * a worker thread (dialog-worker.cjs) on a port of its own, since the main thread is blocked.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Question } from '../emulator/services/ui';

/**
 * How long a question may stay open: the 6-minute limit of an execution (Quotas for Google
 * Services, https://developers.google.com/apps-script/guides/services/quotas). That a dialog
 * left open ends the execution with this text is unverified.
 */
export const DIALOG_TIMEOUT_MS = 6 * 60 * 1000;

export interface DialogLine {
  /** The worker's port: the page polls `GET /question` and posts `POST /answer` there. */
  readonly port: number;
  /** Shows `question` to the page and blocks until it answers; the wait in real ms as thinkMs. */
  ask(question: Question): { button: string; text: string; thinkMs: number };
  close(): Promise<void>;
}

export function openDialogLine(timeoutMs = DIALOG_TIMEOUT_MS): Promise<DialogLine> {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const data = new Uint8Array(new SharedArrayBuffer(64 * 1024));
  const worker = new Worker(join(__dirname, 'dialog-worker.cjs'), { workerData: { signal, data } });
  worker.unref();
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { type: string; port: number }) => {
      resolve({
        port: message.port,
        ask(question) {
          const began = Date.now();
          Atomics.store(signal, 0, 0);
          worker.postMessage({ type: 'ask', question });
          while (Atomics.load(signal, 0) === 0) {
            const left = began + timeoutMs - Date.now();
            if (left <= 0) {
              worker.postMessage({ type: 'ask', question: null });
              throw new Error('Exceeded maximum execution time');
            }
            Atomics.wait(signal, 0, 0, left);
          }
          const text = new TextDecoder().decode(data.slice(0, Atomics.load(signal, 1)));
          const answer = JSON.parse(text) as { button: string; text: string };
          return { ...answer, thinkMs: Date.now() - began };
        },
        close: () => worker.terminate().then(() => undefined),
      });
    });
  });
}
