// `npm run bench`: wpcom-wasm side by side with raw fetch and the official wpcom stack, in one
// headless Chromium run against the emulator. Prints one table, writes bench/results.json and
// bench/RESULTS.md. Flags: --no-build (reuse pkg/, bench/dist/ and the emulator binary),
// --quick (a smoke run with small counts, written to bench/out/ instead), --loads N.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { buildAll, emulatorBinary, oursSize, officialSize } from './lib/build.mjs';
import { startStaticServer } from './lib/server.mjs';
import { startEmulator, mintToken, likedPost, ensurePosts, SITE } from './lib/emulator.mjs';
import { summary, ratio } from './lib/stats.mjs';
import { tableRows, textTable, markdown, targets, xhrNote } from './lib/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const opt = (f, d) => (argv.includes(f) ? Number(argv[argv.indexOf(f) + 1]) : d);
const QUICK = flag('--quick');
const scale = (n) => (QUICK ? Math.max(1, Math.ceil(n / 20)) : n);
const LOADS = opt('--loads', QUICK ? 4 : 24);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// The per-call workloads. Sequential ones interleave the clients call by call (the order rotating
// every step); the concurrent one alternates short rounds in rotating order. Either way drift in
// the machine's load (2 shared cores) falls on every client alike.
const WORKLOADS = [
  { key: 'meSeq', label: 'GET /me, sequential', op: 'me', n: 1000, concurrency: 1 },
  { key: 'meConc16', label: 'GET /me, concurrency 16', op: 'me', n: 1000, concurrency: 16, rounds: 20 },
  { key: 'createPost', label: 'POST posts/new', op: 'createPost', n: 200, concurrency: 1 },
  { key: 'postLikes', label: 'GET post likes', op: 'postLikes', n: 200, concurrency: 1 },
  // Issue 13: every item of 500 posts, page by page (number=100, page_handle): ours through
  // `for await (… of client.posts())`, the others by following meta.next_page by hand.
  { key: 'iterate500', label: 'iterate 500 posts (5 pages)', op: 'iterate500', n: 40, concurrency: 1, perItem: 500 },
];
// rawXhr is a reference beside the table: the transport the official client stands on.
const CLIENTS = ['raw', 'ours', 'official', 'rawXhr'];
const log = (...a) => console.error('[bench]', ...a);

const cleanups = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch(() => {});
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

async function main() {
  const started = Date.now();
  if (!flag('--no-build')) {
    log('building: npm run build, webpack (official stack), emulator (release)');
    buildAll(root);
  }
  const size = { ours: oursSize(root), official: officialSize(root) };
  size.ratio = ratio(size.ours.gzip, size.official.gzip);

  const web = await startStaticServer(root);
  cleanups.push(web.close);
  const emuBin = emulatorBinary(root);
  const emu = await startEmulator(emuBin.path, web.origin);
  cleanups.push(async () => emu.stop());
  log(`page ${web.origin}, emulator ${emu.base} (${emuBin.profile})`);
  const token = await mintToken(emu.base);
  const { postId, likeCount } = await likedPost(emu.base, token);
  await ensurePosts(emu.base, token, 500);

  // A fresh profile: launch() gives Chromium a new temporary user-data-dir, removed on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  cleanups.push(() => browser.close());

  const ready = await readyTimes(browser, web.origin, emu.base);
  const { calls, parse, oursExports, isolated } = await callsAndParse(browser, web.origin, emu.base, token, { site: SITE, postId });
  const upload = await uploadBench(browser, web.origin, emu.base, token);

  const R = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, os: `${platform()} ${release()}`,
      node: process.version, chromium: browser.version(),
      playwright: createRequire(import.meta.url)('playwright-core/package.json').version,
      loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
    },
    emulator: { profile: emuBin.profile, site: SITE, postId, likeCount },
    size, ready, calls, parse, upload, oursExports, crossOriginIsolated: isolated,
    method: [
      'Size: gzip -9 of every .js and .wasm file in pkg/web (what a page without a bundler loads)',
      'against gzip -9 of bench/dist/official.js, the webpack 5 production bundle of bench/official-entry.js',
      '(wpcom + wpcom-xhr-request + wpcom-oauth-cors, url and querystring-es3 for the Node built-ins it needs), both built in this run.',
      'Ready: each load is a new browser context (its own renderer process, so no V8 in-memory code cache),',
      'with the HTTP cache disabled over CDP, Cache-Control: no-store, and a distinct ?v= on every URL;',
      'timed in the page, once it has loaded, from before import() to a constructed client',
      '(ours: glue import + init() = fetch, streaming compile and instantiate of the .wasm; official: fetch, parse and evaluate).',
      'Loads of ours and official alternate. Calls: one page; sequential workloads interleave the clients call by call',
      '(rotating order), concurrency 16 alternates rounds of 50 calls in rotating order; after a warm-up of 20 calls each',
      '(5 for posts/new); latency per call with performance.now() (the page is cross-origin isolated, so 5 µs resolution),',
      'every result checked. A fourth client, raw XMLHttpRequest + JSON.parse, runs in the same rotation as a reference',
      'for the official client\'s transport.',
      'Parse: 1,000 distinct redirects (10% error redirects) cycled, parsers alternate in 5 rounds after a warm-up;',
      'official = url.parse + querystring.parse as wpcom-oauth-cors get() does.',
    ],
  };
  R.targets = targets(R);
  R.durationS = Math.round((Date.now() - started) / 1000);
  const rows = tableRows(R);
  // A --quick smoke run must not replace the figures of the last real run.
  const out = QUICK ? join(root, 'bench/out') : join(root, 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'results.json'), JSON.stringify(R, null, 2) + '\n');
  writeFileSync(join(out, 'RESULTS.md'), markdown(R, rows) + uploadMarkdown(R.upload));
  console.log(textTable(rows));
  console.log(xhrNote(R));
  console.log(uploadLine(R.upload));
  console.log(`\n${R.machine.cpu}, ${R.machine.cores} cores; Node ${R.machine.node}; Chromium ${R.machine.chromium}; ${R.date}`);
  for (const t of R.targets) console.log(`${t.met ? 'met   ' : 'MISSED'}  ${t.target} (${t.value})`);
  if (QUICK) console.log('(--quick: small counts, figures not comparable)');
}

/** Ready time: LOADS fresh loads of each package, alternating, each in a new browser context. */
async function readyTimes(browser, origin, apiBase) {
  const samples = { ours: [], official: [] };
  const detail = { ours: [], official: [] };
  const stamp = Date.now().toString(36);
  for (let i = 0; i < LOADS; i++) {
    for (const which of i % 2 ? ['official', 'ours'] : ['ours', 'official']) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.goto(`${origin}/bench/page/ready.html`);
        await page.waitForFunction(() => typeof window.measure === 'function');
        const r = await page.evaluate(([w, v, b]) => window.measure(w, v, b), [which, `${stamp}-${i}-${which}`, apiBase]);
        if (!r.ok) throw new Error(`ready (${which}): ${r.error}`);
        samples[which].push(r.ms);
        detail[which].push({ ms: r.ms, importMs: r.importMs, initMs: r.initMs });
      } finally {
        await context.close();
      }
    }
  }
  const part = (k, f) => summary(detail[k].map((d) => d[f])).median;
  const ready = { loads: LOADS };
  for (const k of ['ours', 'official']) {
    ready[k] = { ...summary(samples[k]), importMedian: part(k, 'importMs'), initMedian: part(k, 'initMs'), samples: samples[k].map((x) => Math.round(x * 1000) / 1000) };
  }
  ready.ratio = ratio(ready.ours.median, ready.official.median);
  log(`ready: ours ${ready.ours.median} ms, official ${ready.official.median} ms`);
  return ready;
}

/** The per-call workloads and the fragment parse, all in one page. */
async function callsAndParse(browser, origin, apiBase, token, args) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${origin}/bench/page/index.html`);
  await page.waitForFunction(() => window.__benchLoaded === true);
  const info = await page.evaluate(([t, b]) => window.bench.setup(t, b), [token, apiBase]);

  const calls = {};
  try {
    for (const w of WORKLOADS) {
      const entry = await runWorkload(page, w, args);
      calls[w.key] = entry;
      log(`${w.label}: median ours ${entry.ours.median} / raw ${entry.raw.median} / official ${entry.official.median} ms`);
    }
    const N = scale(100000);
    const p = await page.evaluate(([n]) => window.bench.parse(n, 5, 1000), [N]);
    const per = (ms) => (ms == null ? null : { totalMs: Math.round(ms * 10) / 10, perOpUs: Math.round((ms * 1000 / p.n) * 1000) / 1000 });
    const parse = {
      n: p.n, export: p.parseExport, ours: per(p.total.ours), byHand: per(p.total.byHand), official: per(p.total.official),
    };
    parse.ratioOursByHand = ratio(parse.ours?.totalMs, parse.byHand.totalMs);
    parse.ratioOursOfficial = ratio(parse.ours?.totalMs, parse.official.totalMs);
    if (!p.parseExport) log('fragment parse: wpcom-wasm exports no pure parse function; "ours" left empty');
    return { calls, parse, oursExports: info.oursExports, isolated: info.isolated };
  } catch (e) {
    if (errors.length) log('page errors:\n' + errors.join('\n'));
    throw e;
  } finally {
    await context.close();
  }
}

/** One workload through the three clients: per-client latency summaries and the ratios. */
async function runWorkload(page, w, args) {
  const n = scale(w.n);
  const lat = Object.fromEntries(CLIENTS.map((c) => [c, []]));
  const wall = Object.fromEntries(CLIENTS.map((c) => [c, 0]));
  const warm = w.op === 'createPost' ? 5 : w.perItem ? 3 : 20;
  await page.evaluate(([names, op, k, a]) => window.bench.interleaved(names, op, k, a), [CLIENTS, w.op, warm, args]);
  let rounds;
  if (w.concurrency === 1) {
    // Chunks of 100 steps (10 walks) per evaluate keep each round trip to the page short.
    const chunk = w.perItem ? 10 : 100;
    rounds = Math.ceil(n / chunk);
    for (let done = 0; done < n; done += chunk) {
      const k = Math.min(chunk, n - done);
      const res = await page.evaluate(([names, op, k, a]) => window.bench.interleaved(names, op, k, a), [CLIENTS, w.op, k, args]);
      for (const c of CLIENTS) {
        lat[c].push(...res[c]);
        wall[c] += res[c].reduce((x, y) => x + y, 0);
      }
    }
  } else {
    rounds = Math.min(w.rounds, n);
    const perRound = Math.ceil(n / rounds);
    for (let r = 0; r < rounds; r++) {
      for (let j = 0; j < CLIENTS.length; j++) {
        const c = CLIENTS[(r + j) % CLIENTS.length];
        const res = await page.evaluate(([c, op, k, conc, a]) => window.bench.round(c, op, k, conc, a),
          [c, w.op, perRound, w.concurrency, args]);
        lat[c].push(...res.lat);
        wall[c] += res.wallMs;
      }
    }
  }
  const entry = { label: w.label, op: w.op, n: lat.ours.length, concurrency: w.concurrency, rounds };
  for (const c of CLIENTS) entry[c] = { ...summary(lat[c]), wallMs: Math.round(wall[c] * 10) / 10 };
  entry.ratios = {};
  for (const s of ['median', 'p95']) {
    entry.ratios[s] = { oursRaw: ratio(entry.ours[s], entry.raw[s]), oursOfficial: ratio(entry.ours[s], entry.official[s]) };
  }
  if (w.perItem) {
    // What each item costs over raw fetch of the same pages, in µs (medians of whole walks).
    entry.perItem = w.perItem;
    entry.perItemOverUs = Math.round(((entry.ours.median - entry.raw.median) * 1000 / w.perItem) * 100) / 100;
    log(`${w.label}: ours ${entry.perItemOverUs} µs per item over raw fetch`);
  }
  return entry;
}

// --- Upload a 1 MB image: uploadMedia vs raw XMLHttpRequest + FormData ---------------------------

const UPLOAD_BYTES = 1 << 20;

/** `n` uploads of a 1 MB PNG through wpcom-wasm's `uploadMedia` and through raw
 *  XMLHttpRequest + FormData, interleaved in one page (bench/page/upload.js). */
async function uploadBench(browser, origin, apiBase, token) {
  const n = scale(40);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench/page/index.html`);
    await page.addScriptTag({ type: 'module', url: '/bench/page/upload.js' });
    await page.waitForFunction(() => window.benchUpload !== undefined);
    await page.evaluate(([t, b]) => window.benchUpload.setup(t, b), [token, apiBase]);
    await page.evaluate(([s, size]) => window.benchUpload.run(s, size, 2), [SITE, UPLOAD_BYTES]); // warm-up
    const lat = await page.evaluate(([s, size, k]) => window.benchUpload.run(s, size, k), [SITE, UPLOAD_BYTES, n]);
    const upload = { bytes: UPLOAD_BYTES, n, ours: summary(lat.ours), rawXhr: summary(lat.rawXhr) };
    upload.ratio = { median: ratio(upload.ours.median, upload.rawXhr.median), p95: ratio(upload.ours.p95, upload.rawXhr.p95) };
    log(uploadLine(upload));
    return upload;
  } finally {
    await context.close();
  }
}

function uploadLine(u) {
  return `upload 1 MB image (${u.n} each): median ours ${u.ours.median} ms / raw XHR + FormData ${u.rawXhr.median} ms (${u.ratio.median}×), p95 ${u.ours.p95} / ${u.rawXhr.p95} ms`;
}

function uploadMarkdown(u) {
  return `\n## Upload a 1 MB image\n\n${u.n} uploads each of a ${u.bytes.toLocaleString('en')}-byte PNG to \`media/new\`, ` +
    'wpcom-wasm\'s `uploadMedia` and raw `XMLHttpRequest` + `FormData` interleaved upload by upload in one page, each result checked.\n\n' +
    '| | median ms | p95 ms |\n| --- | ---: | ---: |\n' +
    `| wpcom-wasm \`uploadMedia\` | ${u.ours.median} | ${u.ours.p95} |\n` +
    `| raw XHR + FormData | ${u.rawXhr.median} | ${u.rawXhr.p95} |\n` +
    `| ratio | ${u.ratio.median}× | ${u.ratio.p95}× |\n`;
}

main().then(cleanup, async (e) => {
  console.error(`[bench] failed: ${e && e.stack || e}`);
  await cleanup();
  process.exit(1);
});
