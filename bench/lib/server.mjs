// The bench page's static server on 127.0.0.1: serves pkg/ and bench/ from the repo, never
// cached (no-store) so every fresh load fetches and compiles for real, .wasm as application/wasm
// so Chromium compiles it while streaming, as a production server would. COOP + COEP make the
// page cross-origin isolated, which sharpens performance.now() from 100 µs to 5 µs; the calls
// to the emulator are CORS requests, which COEP allows.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const ROOTS = ['/pkg/', '/bench/page/', '/bench/dist/'];

/** Starts the server on a free port; resolves to `{ origin, close() }`. */
export function startStaticServer(root) {
  const server = http.createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (!ROOTS.some((r) => path.startsWith(r))) return void res.writeHead(404).end();
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
