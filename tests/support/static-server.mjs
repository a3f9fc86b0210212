// A small static file server (node:http, no dependencies) for the built demo, with optional
// in-memory routes, e.g. a `/config.js` that points the demo at a test's emulator.
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  // instantiateStreaming needs the exact type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The file under `root` for a URL path, or null when the path escapes `root`. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function serveFile(root, urlPath, res, headers) {
  let file = resolveFile(root, urlPath);
  if (!file) return notFound(res);
  let info = await stat(file).catch(() => null);
  if (info && info.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) return notFound(res);
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  createReadStream(file).pipe(res);
  return undefined;
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves `root` on http://host:port (port 0 = any free one). `routes` maps a path to
 * `{ type, body }` served from memory before the files. While the port is taken, retries for
 * `waitForPortMs` (another test file or `npm start` may hold :8080). Resolves with
 * `{ url, port, requests, headers, close() }`; `requests` lists every path asked for, and
 * `headers` is sent with every answer and may be changed while it runs (e.g. to serve the pages
 * with `Cross-Origin-Opener-Policy: same-origin`).
 */
export async function startStaticServer({ root, port = 0, host = '127.0.0.1', routes = {}, waitForPortMs = 0 } = {}) {
  const headers = {};
  const base = root ? path.resolve(root) : null;
  const requests = [];
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url || '/', 'http://localhost').pathname;
    requests.push(urlPath);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const route = routes[urlPath];
    if (route) {
      res.writeHead(200, { 'content-type': route.type || 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(route.body);
      return;
    }
    if (!base) return notFound(res);
    serveFile(base, urlPath, res, headers).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
    return undefined;
  });
  const deadline = Date.now() + waitForPortMs;
  for (;;) {
    try {
      await listen(server, port, host);
      break;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || Date.now() >= deadline) {
        if (err.code === 'EADDRINUSE') err.message = `port ${port} on ${host} is in use (is \`npm start\` running?): ${err.message}`;
        throw err;
      }
      await sleep(250);
    }
  }
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    requests,
    headers,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
