// pkg/package.json is a publishable manifest, every path it names exists, and the `web` build
// also runs in Node (no window, no Web Storage): init from bytes, then me() on the emulator.
// The ready callback page, callback.html, is one self-contained file that hands its URL over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PKG, requireBuilt, startEmulator } from './support.mjs';
import { startStaticServer } from '../support/static-server.mjs';

const manifest = () => JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));

/// Every file path in an `exports` map, conditions included.
function exportTargets(node) {
  if (typeof node === 'string') return [node];
  return Object.values(node ?? {}).flatMap(exportTargets);
}

test('pkg/package.json has what npm and bundlers read', () => {
  requireBuilt({ emulator: false, browser: false });
  const m = manifest();
  assert.equal(m.name, 'wpcom-wasm');
  assert.match(m.version, /^\d+\.\d+\.\d+/);
  assert.equal(m.private, undefined, 'a private package cannot be published');
  assert.ok(m.license);
  assert.equal(m.type, 'module');
  for (const field of ['module', 'types', 'main']) assert.ok(existsSync(join(PKG, m[field])), `${field}: ${m[field]}`);
  assert.equal(m.exports['.'].types, './wpcom_wasm.d.ts');
  assert.equal(m.exports['./web'].types, './web/wpcom_wasm.d.ts');
  // `types` must come first in each condition object, or TypeScript never reaches it.
  for (const [key, value] of Object.entries(m.exports)) {
    if (typeof value === 'object') assert.equal(Object.keys(value)[0], 'types', `exports['${key}']`);
  }
  for (const target of exportTargets(m.exports)) assert.ok(existsSync(join(PKG, target)), `exports target ${target}`);
  assert.ok(Array.isArray(m.files) && m.files.length > 0);
  for (const f of m.files) assert.ok(existsSync(join(PKG, f)), `files entry ${f}`);
  for (const f of ['callback.html', 'callback.js', 'callback.d.ts']) assert.ok(m.files.includes(f), `${f} is shipped`);
  assert.deepEqual(m.exports['./callback'], { types: './callback.d.ts', default: './callback.js' });
  // popupCallback from both builds' entries (and the wasm-free one).
  for (const f of ['index.js', 'web/index.js', 'web/wpcom_wasm.js', 'callback.js']) {
    assert.match(readFileSync(join(PKG, f), 'utf8'), /popupCallback/, f);
  }
  // The bundler entry runs wasm-bindgen's start-up when imported: it must not be tree-shaken.
  assert.ok(Array.isArray(m.sideEffects) && m.sideEffects.includes('./wpcom_wasm.js'));
});

test('Node: the web build inits from bytes and calls me(); Web Storage is unsupported', async (t) => {
  requireBuilt({ browser: false });
  const emulator = await startEmulator();
  t.after(() => emulator.stop());
  await emulator.registerApp({ clientId: '5006', redirectUris: ['http://127.0.0.1/'], origins: [] });
  const token = await emulator.mintToken({ user: 'alice', clientId: '5006' });
  const wasm = await import(pathToFileURL(join(PKG, 'web/wpcom_wasm.js')).href);
  await wasm.default({ module_or_path: readFileSync(join(PKG, 'web/wpcom_wasm_bg.wasm')) });

  const me = await new wasm.Client({ token, apiBase: emulator.base }).me();
  assert.equal(me.username, 'alice');
  assert.equal(me.email, 'alice@example.com');

  assert.equal(typeof wasm.popupCallback, 'function');
  assert.throws(() => new wasm.Auth({ clientId: '5006', redirectUri: 'http://127.0.0.1/', storage: 'session' }),
    (e) => e instanceof wasm.WpcomError && e instanceof Error && e.code === 'unsupported');
  const bad = await new wasm.Client({ token: 'not-a-token', apiBase: emulator.base }).me().catch((e) => e);
  assert.ok(bad instanceof wasm.WpcomError, String(bad));
  assert.equal(bad.code, 'invalid_token');
});

test('callback.html is self-contained, sends no referrer, and hands its URL to the window waiting for it', async (t) => {
  requireBuilt({ emulator: false });
  const html = readFileSync(join(PKG, 'callback.html'), 'utf8');
  assert.match(html, /<meta name="referrer" content="no-referrer">/);
  assert.doesNotMatch(html, /\bsrc=|\bhref=|https?:\/\//, 'loads nothing');
  assert.equal(html.match(/<script type="module">/g)?.length, 1);
  // A page of the app waits on the channel, as signInWithPopup does, and takes the URL.
  const opener = `<!doctype html><script>
    const channel = new BroadcastChannel('wpcom-wasm:popup');
    channel.onmessage = ({ data }) => {
      window.got = data.url;
      channel.postMessage({ type: 'wpcom-wasm:popup-taken', id: data.id });
    };
  </script>`;
  const server = await startStaticServer({ root: PKG, routes: { '/opener.html': { type: 'text/html', body: opener } } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const page = await browser.newPage();
  await page.goto(`${server.url}/opener.html`);
  const landed = `${server.url}/callback.html#access_token=t0k&expires_in=60&token_type=bearer&state=s`;
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((url) => { window.open(url, 'p', 'popup'); }, landed)]);
  await popup.waitForEvent('close', { timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.got), landed, 'the opener got the URL, and the popup closed');
  // Nobody waiting: the page scrubs its address and says so.
  const alone = await browser.newPage();
  await alone.goto(landed);
  await alone.waitForFunction(() => document.getElementById('title').textContent === 'Nothing to finish here', null, { timeout: 10_000 });
  assert.equal(alone.url(), `${server.url}/callback.html`);
});
