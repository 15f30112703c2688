/**
 * Typed calls to the server: the names and argument/result types come from `import type` of
 * src/server/api.ts, so a renamed or re-typed server function breaks the client's type-check.
 */
import type * as ServerApi from '../server/api';
import type { RpcData, RpcError } from '../shared/rpc';

type Api = typeof ServerApi;
export type ApiName = keyof Api;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
}

declare const google: { script: { run: ScriptRun } };

/**
 * A server error as the sidebar shows it. `transport` marks a call that failed outside the
 * server's error boundary (network, execution killed, runtime error): its message is Google's
 * raw text, not one for the user, and the server may or may not have done its work.
 */
export class ServerError extends Error {
  constructor(
    readonly rpc: RpcError,
    readonly transport = false,
  ) {
    super(rpc.message);
  }
}

/** Calls `name` on the server; resolves with its data or rejects with a `ServerError`. */
export function call<K extends ApiName>(
  name: K,
  ...args: Parameters<Api[K]>
): Promise<RpcData<ReturnType<Api[K]>>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => {
        const result = value as ReturnType<Api[K]> | null;
        if (result?.ok) resolve(result.data as RpcData<ReturnType<Api[K]>>);
        else if (result && !result.ok) reject(new ServerError(result.error));
        else reject(new ServerError({ code: 'error.internal', message: 'Réponse vide du serveur' }));
      })
      .withFailureHandler((error) =>
        reject(new ServerError({ code: 'error.internal', message: error.message || String(error) }, true)),
      ) as unknown as Record<K, (...a: Parameters<Api[K]>) => void>;
    runner[name](...args);
  });
}
