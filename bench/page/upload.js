// The upload workload of `npm run bench` (bench/run.mjs `uploadBench`): a 1 MB PNG sent to
// media/new by wpcom-wasm's `uploadMedia` and by raw XMLHttpRequest + FormData, interleaved
// upload by upload (the order alternating), each result checked. Loaded into the bench page by
// run.mjs; exposes `window.benchUpload`.

let client = null;
let raw = null;

/** The bytes of a PNG of about `size` bytes: a real 1×1 PNG, zero-padded (the emulator reads
 *  the header to know the type). */
function image(size) {
  const dot = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
  ];
  const bytes = new Uint8Array(size);
  bytes.set(dot);
  return new Blob([bytes], { type: 'image/png' });
}

/** Raw XMLHttpRequest + FormData: what a page does by hand (bearer header, `media[]`,
 *  `attrs[0][title]`, JSON.parse). */
function rawUpload(token, apiBase) {
  return (site, blob, title) => new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('media[]', blob, `${title}.png`);
    form.append('attrs[0][title]', title);
    const x = new XMLHttpRequest();
    x.open('POST', `${apiBase}/rest/v1.1/sites/${site}/media/new`);
    x.setRequestHeader('Authorization', `Bearer ${token}`);
    x.onload = () => (x.status === 200 ? resolve(JSON.parse(x.responseText)) : reject(new Error(`raw XHR upload: HTTP ${x.status}`)));
    x.onerror = () => reject(new Error('raw XHR upload: network error'));
    x.send(form);
  });
}

async function setup(token, apiBase) {
  const ours = await import('/pkg/web/wpcom_wasm.js');
  await ours.default({ module_or_path: '/pkg/web/wpcom_wasm_bg.wasm' });
  const c = new ours.Client({ token, apiBase });
  client = (site, blob, title) => c.uploadMedia(site, blob, { attrs: { title } });
  raw = rawUpload(token, apiBase);
}

/** `n` uploads of a `size`-byte image by each client, interleaved; per-upload times (ms). */
async function run(site, size, n) {
  const blob = image(size);
  const clients = { ours: client, rawXhr: raw };
  const lat = { ours: [], rawXhr: [] };
  for (let i = 0; i < n; i++) {
    for (const k of i % 2 ? ['rawXhr', 'ours'] : ['ours', 'rawXhr']) {
      const t0 = performance.now();
      const r = await clients[k](site, blob, `bench-${k}-${i}`);
      lat[k].push(performance.now() - t0);
      if (!(r && r.media && r.media.length === 1 && r.media[0].ID)) {
        throw new Error(`${k} upload: unexpected result ${JSON.stringify(r).slice(0, 200)}`);
      }
    }
  }
  return lat;
}

window.benchUpload = { setup, run };
