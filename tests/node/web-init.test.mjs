// The `web` build's entry (pkg/web/index.js, from src/js/web-entry.js): when the .wasm URL
// answers something that is not WebAssembly — typically a dev server's index.html — init()
// rejects with an Error that names the URL, says what came back and what to do, for every form
// of its argument; a URL that does answer the .wasm still loads. Node's fetch runs the forms
// with an argument; the default URL (next to the module) needs a page: headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStaticServer } from '../support/static-server.mjs';
import { chromiumPath, launchChromium } from '../support/browser.mjs';

const WEB = join(fileURLToPath(new URL('../..', import.meta.url)), 'pkg/web');
const INDEX_HTML = '<!doctype html><html><head><title>Dev server</title></head><body><div id="app"></div></body></html>';
const ADVICE = "Serve wpcom_wasm_bg.wasm at that URL, or pass its URL: init({ module_or_path: '/path/wpcom_wasm_bg.wasm' })";

let server;

before(async () => {
  assert.ok(existsSync(join(WEB, 'index.js')), 'pkg/web/index.js is missing: npm run build');
  server = await startStaticServer({
    root: WEB,
    routes: {
      '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>A page</title>' },
      '/spa/wpcom_wasm_bg.wasm': { type: 'text/html; charset=utf-8', body: INDEX_HTML },
      '/text/wpcom_wasm_bg.wasm': { type: 'text/plain; charset=utf-8', body: 'not wasm' },
    },
  });
});

after(() => server?.close());

/** Asserts that `promise` rejects with the entry's message for `url` and `what` it answered. */
async function rejectsNaming(promise, url, what) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof Error, String(e));
    assert.equal(e.message, `wpcom-wasm: ${url} answered ${what}, not WebAssembly. ${ADVICE}`);
    return true;
  });
}

// One module for the whole file: the failures first, the working load (which sticks) last.
const entry = () => import(pathToFileURL(join(WEB, 'index.js')).href);

test('init() names the URL that answered HTML, whatever form the URL takes', async () => {
  const { default: init } = await entry();
  const url = `${server.url}/spa/wpcom_wasm_bg.wasm`;
  const html = 'HTML (200 text/html; charset=utf-8)';
  await rejectsNaming(init({ module_or_path: url }), url, html);
  await rejectsNaming(init({ module_or_path: new URL(url) }), url, html);
  await rejectsNaming(init({ module_or_path: fetch(url) }), url, html);
  await rejectsNaming(init(url), url, html);
  await rejectsNaming(init(new URL(url)), url, html);
  await rejectsNaming(init(new Request(url)), url, html);
});

test('init() names the URL and the status of an error answer', async () => {
  const { default: init } = await entry();
  const url = `${server.url}/missing/wpcom_wasm_bg.wasm`;
  await rejectsNaming(init({ module_or_path: url }), url, '404 text/plain; charset=utf-8');
});

test('init() names the URL and the Content-Type of a 2xx answer that does not compile', async (t) => {
  t.mock.method(console, 'warn', () => {}); // the glue's "not served as application/wasm", before it tries
  const { default: init } = await entry();
  const url = `${server.url}/text/wpcom_wasm_bg.wasm`;
  await assert.rejects(init({ module_or_path: url }), (e) => {
    assert.equal(e.message, `wpcom-wasm: ${url} answered 200 text/plain; charset=utf-8, not WebAssembly. ${ADVICE}`);
    assert.ok(e.cause instanceof WebAssembly.CompileError, `cause: ${e.cause}`);
    return true;
  });
});

test('init() loads the .wasm from a URL that serves it, and the exports work', async () => {
  const { default: init, parseRedirect, Client } = await entry();
  const output = await init({ module_or_path: `${server.url}/wpcom_wasm_bg.wasm` });
  // The export names are minified (scripts/build.mjs): look for the memory among them.
  assert.ok(Object.values(output).some((v) => v instanceof WebAssembly.Memory));
  assert.equal(await init(), output, 'a second init() returns the first one');
  assert.equal(parseRedirect('http://127.0.0.1/#access_token=abc&token_type=bearer&state=s').accessToken, 'abc');
  assert.equal(typeof new Client({ token: 'abc' }).me, 'function');
});

test('Chromium: init() with no argument names the default URL next to the module', { skip: !chromiumPath() && 'Chromium is not installed' }, async (t) => {
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  // The default URL answers the dev server's index.html; '/' is any page of that origin.
  const spa = await startStaticServer({
    root: WEB,
    routes: { '/': { type: 'text/html', body: INDEX_HTML }, '/wpcom_wasm_bg.wasm': { type: 'text/html; charset=utf-8', body: INDEX_HTML } },
  });
  t.after(() => spa.close());
  await page.goto(`${spa.url}/`);
  const message = await page.evaluate(async () => {
    const { default: init } = await import('/index.js');
    return init().then(() => 'loaded', (e) => e.message);
  });
  assert.equal(message, `wpcom-wasm: ${spa.url}/wpcom_wasm_bg.wasm answered HTML (200 text/html; charset=utf-8), not WebAssembly. ${ADVICE}`);

  // The same page where the default URL serves the .wasm: init() loads it.
  await page.goto(`${server.url}/`);
  const loaded = await page.evaluate(async () => {
    const { default: init, parseRedirect } = await import('/index.js');
    await init();
    return parseRedirect('http://127.0.0.1/#access_token=abc&token_type=bearer&state=s').accessToken;
  });
  assert.equal(loaded, 'abc');
});
