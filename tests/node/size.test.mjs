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
// - 43,500 → 45,500 (issue 12 item 4, connected applications: 43,175 → 45,466 B, +2,291 B):
//   connectedApplications() and disconnect() (two routes, the own-entry lookup, the sign-out,
//   a second Promise-returning export with its options) ~1.3 KB; their quirk rules and the
//   field-alias walker (ID/connection_ID, site/blog) ~0.4 KB; error texts that say what to do
//   (scope refusal naming the Connected Apps page, connection_not_found) and two codes ~0.6 KB.
// - 45,500 → 52,000 (issue 13 item 3, media: alone 43,175 → 49,410 B, +6,235 gzip; merged with
//   connected applications 45,466 → 51,894 B, +6,428; +16.6 KB of optimised .wasm before gzip, measured per function with twiggy): the four exports
//   uploadMedia, sideloadMedia, media, deleteMedia and their argument checks (files, URLs, attrs
//   with unknown keys refused, onProgress) ~7.3 KB; the media/new form plan (attrs renumbered as
//   WordPress.com reads them, Blob file names from the title or the MIME type) and the FormData
//   built from it ~4.2 KB; route calls with a query, a media ID and a form, the FormData body
//   and XHR upload progress ~1.4 KB; the errors-keyed-by-index list (Fix::Indexed) and the media
//   rules ~0.7 KB; messages that say what to do next ~1.8 KB of data.
// - 52,000 → 60,500 (issue 13, pages of results, a post's life, comments, follows, wp/v2 and
//   envelopes: alone 43,175 → 51,968 B, +8.8 KB; merged with
//   connected applications and media 51,894 → 60,103 B, +8,209): 14 new Client methods ~4.4 KB (each wasm-bindgen
//   export and its argument conversions ~0.3 KB, however thin: one route caller reads every
//   route's arguments); the pager (sans-IO state machine, the Pager class the async generator
//   drives, collection paths) ~2.9 KB; routes, quirk rules of comments and follows, envelopes and
//   X-WP-TotalPages in the transport ~1.5 KB (estimates: the growth of each part before wasm-opt,
//   applied to the measured total).
// - 60,500 → 82,000 (issue 14, "Any WordPress site": alone 43,175 → 64,424 B, +21,249;
//   merged 60,103 → 81,401 B, +21,298; the split is estimated
//   from twiggy on the unoptimised module): a second door with its
//   own classes — discoverSite, SiteAuth, SiteClient and their 13 exported methods ~3 KB of glue
//   and export shims; the Link header parser, ?rest_route= route joining and absolute URLs read
//   back ~2.5 KB; the Authorize Application flow (state in success_url kept with its site,
//   redirect read from query or fragment, scrubbing) ~2.5 KB; the site transport (fetch with
//   credentials 'omit', raw bodies, paging headers) and the client's seven calls ~4 KB;
//   base64ct ~0.5 KB (the base64 crate pulled core::fmt in: +1.8 KB, not kept); messages that
//   say why and what next ~2 KB; the rest, closures and their vtables.
// - 82,000 → 88,000 (issue 12, the connect flow, popup and extension parts: alone 43,175 →
//   48,835 B, +5,660; merged, with media() as an iterable and a post's typed featured_image
//   and discussion, 81,401 → 86,617 B, +5,216):
//   checkConnection ~1.5 KB (token-info, then /me to tell a revoked token from another app's,
//   the verdict as an object); signInWithPopup ~1.0 KB of wasm and, with the extension helper,
//   ~0.8 KB of JS (src/browser/popup.js: the opener's listeners, the COOP check, popupCallback in
//   the entries); signInWithExtension ~0.9 KB; the rest ~1.4 KB: the three methods' promise
//   glue, two error codes, storage 'extension', the extension's default redirect URI. (A
//   closure returning a value pulled core::fmt in: 1 KB avoided with a callback instead.)
// - 88,000 → 90,000 (issue 14 finished, 86,272 → 89,938 B, +3,666): SiteClient's pages through
//   the shared pager — paginate(path) and posts() as async iterables, listPosts(), the Walk both
//   clients' pagers share, the site path split for the pager — +1,716 (three exports ~0.9 KB of
//   glue and option reading, the site walk ~0.8 KB); SiteAuth.signInWithPopup — the popup
//   runner made one for both flows (only the completion is generic), Authorize Application's
//   answer rule, popupCallback forwarding an application password, the shared popup options —
//   +1,950 (measured per function with twiggy: the runner's window plumbing ~1.1 KB of .wasm,
//   the site's begin/answer/complete ~1.5 KB, the export and its promise ~0.7 KB, before gzip).
//   Then −186 B (89,759 B): SiteClient.list() and list_posts() are the first page of the same
//   walk, not a second one-page path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const TARGET = 25000;
const CEILING = 90000;
const size = JSON.parse(readFileSync(new URL('../../pkg/size.json', import.meta.url), 'utf8'));

test(`gzip size of .wasm + JS stays within ${CEILING} bytes (target ${TARGET})`, (t) => {
  // The entry bundles the glue: a page that imports it fetches nothing else before the .wasm.
  assert.deepEqual(size.files.map((f) => f.file), ['web/index.js', 'web/wpcom_wasm_bg.wasm']);
  const sum = size.files.reduce((n, f) => n + f.gzip, 0);
  assert.equal(size.gzipTotal, sum);
  t.diagnostic(`gzip total ${size.gzipTotal} B; ceiling ${CEILING} B; target ${TARGET} B (${(size.gzipTotal / TARGET).toFixed(2)}× the target)`);
  assert.ok(size.gzipTotal <= CEILING, `gzip total ${size.gzipTotal} B is over the ${CEILING} B ceiling`);
});
