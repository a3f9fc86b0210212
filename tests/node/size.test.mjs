// The size budget: what a page loads from the `web` build (.wasm + JS glue), gzip -9.
// Bytes are deterministic for a given toolchain, so this can fail a build; timings never do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const size = JSON.parse(readFileSync(new URL('../../pkg/size.json', import.meta.url), 'utf8'));

test('gzip size of .wasm + JS glue stays within the 25,000-byte budget', () => {
  const files = size.files.map((f) => f.file);
  assert.ok(files.includes('web/wpcom_wasm_bg.wasm'), `the .wasm is counted: ${files}`);
  assert.ok(files.includes('web/wpcom_wasm.js'), `the JS glue is counted: ${files}`);
  const sum = size.files.reduce((n, f) => n + f.gzip, 0);
  assert.equal(size.gzipTotal, sum);
  assert.ok(size.gzipTotal <= 25000, `gzip total ${size.gzipTotal} B is over the 25,000 B budget`);
});
