// Starts the emulator (a fresh one per test file, on a free port) and talks to its control API.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { EMULATOR_BIN } from './paths.mjs';

const READY_TIMEOUT_MS = 30_000;

/**
 * Spawns the emulator with `--port 0` (or `port`) and resolves once it printed its base URL on
 * the first stdout line. `args` are extra flags (`--token-ttl 3`, `--allow-origin O`…).
 * Resolves with `{ url, stop(), control(method, path, body), mintToken(), rest() }`.
 */
export async function startEmulator({ args = [], port = 0, host = '127.0.0.1', bin = EMULATOR_BIN, quiet = true } = {}) {
  if (!existsSync(bin)) {
    throw new Error(`emulator binary not found at ${bin}: run \`cargo build -p wpcom-emulator\``);
  }
  const child = spawn(bin, ['--port', String(port), '--host', host, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (chunk) => {
    stderr.push(chunk);
    if (!quiet) process.stderr.write(chunk);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the emulator printed no URL in time')), READY_TIMEOUT_MS);
    function fail(err) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${Buffer.concat(stderr).toString()}`));
    }
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim().replace(/\/+$/, ''));
    });
    exited.then(({ code, signal }) => fail(new Error(`the emulator exited (${code ?? signal}) before printing its URL`)));
  });
  // Keep draining stdout so the child never blocks on a full pipe.
  lines.on('line', (line) => {
    if (!quiet) process.stdout.write(`[emulator] ${line}\n`);
  });
  if (!/^https?:\/\//.test(url)) {
    child.kill('SIGKILL');
    throw new Error(`the emulator's first line is not a URL: ${url}`);
  }
  return new Emulator(url, child, exited);
}

/** A running emulator. */
class Emulator {
  constructor(url, child, exited) {
    this.url = url;
    this.child = child;
    this.exited = exited;
  }

  /** Stops the process (SIGTERM, then SIGKILL after 5 s). */
  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Calls the `/_emulator/` control API; resolves with the parsed JSON (or null). */
  async control(method, path, body) {
    const res = await fetch(`${this.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /_emulator${path} → ${res.status}: ${text.slice(0, 300)}`);
    return text === '' ? null : JSON.parse(text);
  }

  /** Mints a token through the control API: `{ user, clientId, scope, blog, ttl }` → the token string. */
  async mintToken({ user = 'alice', clientId = '1234', scope = 'global', blog, ttl } = {}) {
    const body = { user, client_id: clientId, scope };
    if (blog !== undefined) body.blog = blog;
    if (ttl !== undefined) body.expires_in = ttl;
    const result = await this.control('POST', '/tokens', body);
    const token = result && (result.access_token || result.token);
    if (typeof token !== 'string') throw new Error('the emulator minted no token');
    return token;
  }

  /** Queues faults (see the emulator's FaultSpec): `[{ path, method, count, fault: { kind… } }]`. */
  async queueFaults(specs) {
    for (const spec of Array.isArray(specs) ? specs : [specs]) await this.control('POST', '/faults', spec);
  }

  /** The faults still queued. */
  async pendingFaults() {
    const result = await this.control('GET', '/faults');
    return (result && result.faults) || [];
  }

  /** A REST v1.1 call with a bearer token, as a test's independent check: `{ status, body }`. */
  async rest(method, path, { token, body } = {}) {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}/rest/v1.1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (404s have an empty body): keep the text.
    }
    return { status: res.status, body: parsed };
  }
}
