// One fresh load, timed from starting the import to a client that can make its first call.
// Ours: fetch + evaluate the JS glue, then `init()` = fetch + streaming compile + instantiate of
// the .wasm. Official: fetch + parse + evaluate the webpack bundle. Both then build a client.
// bench/run.mjs calls `measure` once the page has loaded and settled, so page start-up work is
// not counted; `v` makes every URL distinct so nothing compiled before is reused.
const token = 'not-used-for-this-measure';

async function loadOurs(v, apiBase) {
  const t0 = performance.now();
  const m = await import(`/pkg/web/wpcom_wasm.js?v=${v}`);
  const t1 = performance.now();
  await m.default({ module_or_path: `/pkg/web/wpcom_wasm_bg.wasm?v=${v}` });
  const client = new m.Client({ token, apiBase });
  const t2 = performance.now();
  if (typeof client.me !== 'function') throw new Error('Client has no me()');
  return { ms: t2 - t0, importMs: t1 - t0, initMs: t2 - t1 };
}

async function loadOfficial(v, apiBase) {
  const t0 = performance.now();
  const m = await import(`/bench/dist/official.js?v=${v}`);
  const t1 = performance.now();
  const client = m.makeClient(token, apiBase);
  const t2 = performance.now();
  if (typeof client.req.get !== 'function') throw new Error('wpcom has no req.get()');
  return { ms: t2 - t0, importMs: t1 - t0, initMs: t2 - t1 };
}

/** Loads `which` ('ours' | 'official') once; `{ ok, ms, importMs, initMs }` or `{ ok: false, error }`. */
window.measure = (which, v, apiBase) => (which === 'ours' ? loadOurs(v, apiBase) : loadOfficial(v, apiBase)).then(
  (r) => ({ ok: true, ...r }),
  (e) => ({ ok: false, error: String((e && e.stack) || e) }),
);
