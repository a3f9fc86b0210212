// The bench page: loads wpcom-wasm (web build) and the official bundle once, then exposes
// `window.bench` for bench/run.mjs to drive round by round. Timings use performance.now().
import { rawClient, rawXhrClient, oursClient, officialClient } from './clients.js';
import { makeRedirects, parseByHand } from './parse.js';

const clients = {};
let ours = null;
let official = null;

/** Loads both packages and builds the three clients for `token` against `apiBase`. */
async function setup(token, apiBase) {
  ours = await import('/pkg/web/wpcom_wasm.js');
  await ours.default({ module_or_path: '/pkg/web/wpcom_wasm_bg.wasm' });
  official = await import('/bench/dist/official.js');
  clients.raw = rawClient(token, apiBase);
  clients.rawXhr = rawXhrClient(token, apiBase);
  clients.ours = oursClient(ours, token, apiBase);
  clients.official = officialClient(official, token, apiBase);
  return { oursExports: Object.keys(ours).sort(), parseExport: oursParseName(), isolated: crossOriginIsolated };
}

const opCall = {
  me: (c) => c.me(),
  createPost: (c, a, i) => c.createPost(a.site, { title: `Bench post ${i}`, content: `<p>Body ${i}</p>` }),
  postLikes: (c, a) => c.postLikes(a.site, a.postId),
  iterate500: (c, a) => c.iterate(a.site, 500),
};

/** `opCall[op]` through client `which`, its failures described (code, status) for the runner. */
async function call(which, op, args, i) {
  try {
    const r = await opCall[op](clients[which], args, i);
    check(op, r);
    return r;
  } catch (e) {
    const code = e && e.code ? ` code=${e.code}` : '';
    const status = e && e.status ? ` status=${e.status}` : '';
    throw new Error(`${which} ${op}:${code}${status} ${e && e.message}`);
  }
}

/** Runs `n` calls of `op` through `which` with `concurrency` in flight; per-call latencies (ms)
 *  and the wall time of the batch. Each call's result is checked so no error path is timed. */
async function round(which, op, n, concurrency, args) {
  const lat = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      await call(which, op, args, i);
      lat[i] = performance.now() - t0;
    }
  };
  const w0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return { lat, wallMs: performance.now() - w0 };
}

/** Runs `n` sequential calls of `op` through every client, one call each in turn (the order
 *  rotating every step), so each client's samples meet the same moment of the machine's load.
 *  Per-client latencies (ms) and summed times. */
async function interleaved(names, op, n, args) {
  const lat = Object.fromEntries(names.map((k) => [k, []]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length];
      const t0 = performance.now();
      await call(k, op, args, i);
      lat[k].push(performance.now() - t0);
    }
  }
  return lat;
}

function check(op, r) {
  const ok = op === 'me' ? r && r.username
    : op === 'createPost' ? r && r.ID
    : op === 'iterate500' ? r === 500
    : r && Array.isArray(r.likes);
  if (!ok) throw new Error(`${op}: unexpected result ${JSON.stringify(r).slice(0, 200)}`);
}

// The pure redirect parser wpcom-wasm exports, if any (handleRedirect also checks and consumes
// the stored state, writes storage and rewrites history: not a parse measurement).
function oursParseName() {
  return ['parseRedirect', 'parse_redirect', 'parseRedirectUrl'].find((k) => typeof ours[k] === 'function') ?? null;
}

/** Times `n` parses of the redirect list by each parser, alternating in `rounds` rounds. */
function parse(n, rounds, distinct) {
  const urls = makeRedirects(distinct);
  const name = oursParseName();
  const parsers = { byHand: parseByHand, official: official.parseRedirect };
  if (name) parsers.ours = ours[name];
  const total = Object.fromEntries(Object.keys(parsers).map((k) => [k, 0]));
  const per = Math.ceil(n / rounds);
  let sink = 0;
  const loop = (fn, count) => {
    for (let i = 0; i < count; i++) {
      try {
        const r = fn(urls[i % urls.length]);
        if (r) sink++;
      } catch (_) {
        sink--;
      }
    }
  };
  for (const fn of Object.values(parsers)) loop(fn, Math.min(2000, n)); // warm up the JIT
  const names = Object.keys(parsers);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(r + j) % names.length];
      const t0 = performance.now();
      loop(parsers[k], per);
      total[k] += performance.now() - t0;
    }
  }
  return { n: per * rounds, total, parseExport: name, sink };
}

window.bench = { setup, round, interleaved, parse };
window.__benchLoaded = true;
