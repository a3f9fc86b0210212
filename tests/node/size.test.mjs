// The size budget: what a page that imports `wpcom-wasm/web` loads (the one-file entry and the
// .wasm), gzip -9. Bytes are deterministic for a given toolchain, so this can fail a build;
// timings never do.
//
// The issues set a target of 25,000 bytes. It is not reached (43.5 KB at the time of writing:
// 7.8 KB is the fixed cost of three wasm-bindgen classes, the rest is the client's own logic —
// see "Size" in the README, and `npm run size` for what each size trick of the build pays).
// This test holds the line where we are, so the size cannot creep up unnoticed; lower CEILING
// whenever a change makes the package smaller.
//
// What raised it:
// - 36,000 → 40,600 (issue "Real-world inputs", 35,543 → 40,533 B): the path grammar of
//   request() (namespaces, absolute URLs on apiBase only, merged query, the wp/v2 method
//   override) ~1.9 KB; several sign-ins in flight with expiring states ~0.8 KB; hash-router
//   redirects read and scrubbed ~0.6 KB; 2xx error bodies and shape keys judged ~0.4 KB; refusals
//   that say what to do instead ~0.4 KB; the `wpcom-wasm/web` entry that names a .wasm URL
//   answered with HTML 0.45 KB.
// - 40,600 → 41,300 (issue "One rule set", 40,533 → 41,278 B): every field of every typed
//   answer normalised for JavaScript too, by the rules the Rust models now decode after: the
//   text fields' rules ~0.35 KB; lists that leave out what is not an item, map values, `a|b`
//   paths and the new fixes ~0.4 KB.
// - 40,600 kept (issue "One rule set, one route table, a boring build", 40,533 → 40,563 B): no
//   regex rewriting of generated code (esbuild bundles the entry, the glue and its snippets into
//   one file: −159 B) and no size trick that pays under 1 KB (+189 B net: see the README).
// - 41,300 → 43,500 (the same issue, all of it together: 40,533 → 43,175 B): one rule set —
//   every field of every typed answer normalised, its rule paths ~1.2 KB of the .wasm's data;
//   libraries over hand-written code — the percent-encoding crate ~0.5 KB, js_sys::global()
//   ~0.2 KB; the route table, the named transport kinds, the boring build: the rest; and back
//   −281 B: WpcomError is a JS class the wasm constructs, not a prototype rewired at run time.
// - 43,500 → 49,000 (issue 12, the connect flow, popup and extension parts: 43,175 → 48,835 B):
//   checkConnection ~1.5 KB (token-info, then /me to tell a revoked token from another app's,
//   the verdict as an object); signInWithPopup ~1.0 KB of wasm and, with the extension helper,
//   ~0.8 KB of JS (src/browser/popup.js: the opener's listeners, the COOP check, popupCallback in
//   the entries); signInWithExtension ~0.9 KB; the rest ~1.4 KB: the three methods' promise
//   glue, two error codes, storage 'extension', the extension's default redirect URI. (A
//   closure returning a value pulled core::fmt in: 1 KB avoided with a callback instead.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const TARGET = 25000;
const CEILING = 49000;
const size = JSON.parse(readFileSync(new URL('../../pkg/size.json', import.meta.url), 'utf8'));

test(`gzip size of .wasm + JS stays within ${CEILING} bytes (target ${TARGET})`, (t) => {
  // The entry bundles the glue: a page that imports it fetches nothing else before the .wasm.
  assert.deepEqual(size.files.map((f) => f.file), ['web/index.js', 'web/wpcom_wasm_bg.wasm']);
  const sum = size.files.reduce((n, f) => n + f.gzip, 0);
  assert.equal(size.gzipTotal, sum);
  t.diagnostic(`gzip total ${size.gzipTotal} B; ceiling ${CEILING} B; target ${TARGET} B (${(size.gzipTotal / TARGET).toFixed(2)}× the target)`);
  assert.ok(size.gzipTotal <= CEILING, `gzip total ${size.gzipTotal} B is over the ${CEILING} B ceiling`);
});
