// pkg/package.json is a publishable manifest, every path it names exists, and the `web` build
// also runs in Node (no window, no Web Storage): init from bytes, then me() on the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG, requireBuilt, startEmulator } from './support.mjs';

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

  assert.throws(() => new wasm.Auth({ clientId: '5006', redirectUri: 'http://127.0.0.1/', storage: 'session' }),
    (e) => e instanceof wasm.WpcomError && e instanceof Error && e.code === 'unsupported');
  const bad = await new wasm.Client({ token: 'not-a-token', apiBase: emulator.base }).me().catch((e) => e);
  assert.ok(bad instanceof wasm.WpcomError, String(bad));
  assert.equal(bad.code, 'invalid_token');
});
