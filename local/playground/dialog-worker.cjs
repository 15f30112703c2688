/*
 * The playground's dialog line (a worker thread). A menu handler runs synchronously on the main
 * thread; when it calls Ui.alert or Ui.prompt, the main thread posts the question here and
 * blocks (Atomics.wait), as the script waits for the user on Google. This thread keeps serving
 * the page on its own port: GET /question gives the open question, POST /answer stores the
 * user's answer in the shared buffer and wakes the main thread, which goes on from where the
 * handler asked. The handler therefore runs once, whatever it wrote before asking.
 */
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');

const { signal, data } = workerData; // Int32Array [state, length]; Uint8Array for the answer JSON
let question = null;

parentPort.on('message', (message) => {
  if (message.type === 'ask') question = message.question;
});

function send(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    // The page is served by the main port: it calls this one cross-origin.
    'access-control-allow-origin': '*',
  });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/question') return send(res, 200, { question });
  if (req.method === 'POST' && req.url === '/answer') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (!question) return send(res, 409, { ok: false, error: 'no question is open' });
      let answer;
      try {
        answer = JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false, error: 'bad answer' });
      }
      const bytes = new TextEncoder().encode(
        JSON.stringify({ button: String(answer.button), text: String(answer.text ?? '') }),
      );
      if (bytes.length > data.length) return send(res, 413, { ok: false, error: 'answer too long' });
      data.set(bytes);
      Atomics.store(signal, 1, bytes.length);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
      question = null;
      return send(res, 200, { ok: true });
    });
    return;
  }
  send(res, 404, { ok: false });
});
server.listen(0, '127.0.0.1', () =>
  parentPort.postMessage({ type: 'listening', port: server.address().port }),
);
