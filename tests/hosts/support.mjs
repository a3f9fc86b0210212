// Shared pieces of the host tests: the emulator, static servers, headless Chromium, the packed
// tarball and throw-away npm projects. Every server listens on 127.0.0.1 and is stopped by the
// test that started it (`t.after`), so a failing test leaves nothing running.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdtempSync, statSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { startEmulator as startSharedEmulator } from '../support/emulator.mjs';
import { chromiumPath } from '../support/browser.mjs';
import { EMULATOR_BIN } from '../support/paths.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/// The package under test: pkg/ from `npm run build`, or WPCOM_PKG (e.g. a snapshot of it).
export const PKG = resolve(process.env.WPCOM_PKG ?? join(ROOT, 'pkg'));
export const EXAMPLES = join(ROOT, 'examples');
export const CHROMIUM = chromiumPath();

/// Flags every launch uses: without the networking ones Chromium keeps dialling Google's hosts,
/// which this machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/// Throws a message saying what to run when an input of the tests is missing.
export function requireBuilt({ emulator = true, browser = true } = {}) {
  const missing = [];
  if (!existsSync(join(PKG, 'package.json')) || !existsSync(join(PKG, 'web/wpcom_wasm.js'))) missing.push('npm run build');
  if (emulator && !existsSync(EMULATOR_BIN)) missing.push('cargo build -p wpcom-emulator');
  if (browser && !CHROMIUM) missing.push('Chromium (npm run setup, or set CHROMIUM_PATH)');
  if (missing.length) throw new Error(`host tests need: ${missing.join(', ')}`);
}

/// One temporary directory for this test process, removed at exit unless KEEP_TMP=1.
let runDir;
export function tempRoot() {
  if (!runDir) {
    runDir = mkdtempSync(join(tmpdir(), 'wpcom-hosts-'));
    if (process.env.KEEP_TMP !== '1') process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));
  }
  return runDir;
}

/// A fresh emulator (tests/support/emulator.mjs, shared with the end-to-end tests) with the
/// two control calls these tests need.
export async function startEmulator() {
  const emulator = await startSharedEmulator();
  process.on('exit', () => emulator.child.kill()); // even when a test dies before its `after`
  return {
    base: emulator.url,
    /// A token minted for `user` and `clientId`.
    mintToken: ({ user = 'alice', clientId, scope = 'global' }) => emulator.mintToken({ user, clientId, scope }),
    /// Registers (or replaces) an app: its redirect URIs and the origins that get CORS headers.
    registerApp: ({ clientId, name = `host test ${clientId}`, redirectUris = [], origins = [] }) =>
      emulator.control('POST', '/apps', { client_id: clientId, name, redirect_uris: redirectUris, origins }),
    stop: () => emulator.stop(),
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css', '.ts': 'text/plain',
  '.svg': 'image/svg+xml', '.map': 'application/json',
};

/// A static file server for `dir` on 127.0.0.1 (port 0), with extra `mounts` { '/prefix/': dir }.
export async function serveStatic(dir, { mounts = {} } = {}) {
  const roots = [...Object.entries(mounts), ['/', dir]];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [prefix, base] of roots) {
      if (!path.startsWith(prefix)) continue;
      let file = resolve(base, '.' + path.slice(prefix.length - 1));
      if (file !== base && !file.startsWith(base + sep)) break;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/// `python3 -m http.server` on a free port, as a reader of the static example would run it.
export async function servePython(dir) {
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  process.on('exit', () => child.kill());
  const port = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('python3 -m http.server did not start in 10 s')), 10_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /port (\d+)/.exec(line);
      if (m) { clearTimeout(timer); ok(Number(m[1])); }
    });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`python3 exited (${code})`)); });
  });
  child.stderr.resume();
  return { origin: `http://127.0.0.1:${port}`, close: () => child.kill('SIGTERM') };
}

/// Headless Chromium with a fresh profile (Playwright makes one per launch).
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/// A page that records console errors, page errors and failed requests in `page.problems`.
export async function newWatchedPage(browser) {
  const page = await browser.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()} (${m.location().url})`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  return page;
}

/// Runs a command in `cwd`, throwing with its output when it fails.
export function sh(cmd, args, cwd, env = {}) {
  try {
    return execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/// `npm pack ./pkg` into `dest`; returns the tarball's path.
export function packTarball(dest) {
  const out = JSON.parse(sh('npm', ['pack', PKG, '--json', '--pack-destination', dest], ROOT));
  return { path: join(dest, out[0].filename), files: out[0].files.map((f) => f.path) };
}

/// `npm install` in `dir`, quietly and without audits; prefers the local cache.
export function npmInstall(dir, extra = []) {
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...extra], dir);
}

/// Copies an example folder, skipping what a reader would not copy (node_modules, build output).
export function copyExample(name, dest) {
  cpSync(join(EXAMPLES, name), dest, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|wpcom-wasm)([\\/]|$)/.test(src.slice(join(EXAMPLES, name).length)),
  });
  return dest;
}
