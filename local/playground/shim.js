/*
 * google.script.run and google.script.host for the playground: each server call is a POST to
 * the local runner, which executes the same dist/Code.js the add-on ships. Arguments follow
 * Google's rules (a Date or a function fails the call); at most 10 calls run at once.
 */
(() => {
  const MAX_CONCURRENT = 10;
  // `/sidebar?locale=en`: this page's calls run for a user whose Google locale is English.
  const pageLocale = new URLSearchParams(window.location.search).get('locale');
  let inFlight = 0;
  const queue = [];

  function illegalPath(value, path, seen) {
    if (value === null || value === undefined) return null;
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return null;
    if (type !== 'object') return path;
    if (value instanceof Date || value instanceof Node) return path;
    if (seen.has(value)) return path;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      const bad = illegalPath(v, k, seen);
      if (bad !== null) return bad;
    }
    seen.delete(value);
    return null;
  }

  function pump() {
    while (inFlight < MAX_CONCURRENT && queue.length > 0) {
      const job = queue.shift();
      inFlight += 1;
      fetch('/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(job.body),
      })
        .then((r) => r.json())
        .then((answer) => {
          window.parent?.postMessage({ type: 'pilote-rpc', fn: job.body.fn, answer }, '*');
          if (answer.ok) job.success?.(answer.value, job.userObject);
          else job.failure?.(new Error(answer.error), job.userObject);
        })
        .catch((e) => job.failure?.(e instanceof Error ? e : new Error(String(e)), job.userObject))
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  }

  function makeRun(success, failure, userObject) {
    const base = {
      withSuccessHandler: (fn) => makeRun(fn, failure, userObject),
      withFailureHandler: (fn) => makeRun(success, fn, userObject),
      withUserObject: (obj) => makeRun(success, failure, obj),
    };
    return new Proxy(base, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string') return undefined;
        return (...args) => {
          for (let i = 0; i < args.length; i += 1) {
            const bad = illegalPath(args[i], String(i), new Set());
            if (bad !== null) {
              const error = new Error(`Failed due to illegal value in property: ${bad}`);
              setTimeout(() => (failure ? failure(error, userObject) : console.error(error)), 0);
              return;
            }
          }
          queue.push({
            body: { fn: name, args: JSON.parse(JSON.stringify(args)), locale: pageLocale },
            success,
            failure,
            userObject,
          });
          pump();
        };
      },
    });
  }

  window.google = {
    script: {
      run: makeRun(null, null, undefined),
      host: {
        close: () => window.parent?.postMessage({ type: 'pilote-close' }, '*'),
        setHeight: () => {},
        setWidth: () => {},
        editor: { focus: () => {} },
        origin: window.location.origin,
      },
    },
  };
})();
