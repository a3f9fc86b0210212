// `wpcom-wasm/web` (pkg/web/index.js, copied and minified by scripts/build.mjs): wasm-bindgen's
// `web` glue as is, with an init() that fetches the .wasm itself so that it can say what the URL
// answered when that is not WebAssembly. The usual case is a dev server answering an unknown
// path with its index.html (200, text/html), which the glue alone reports as a bare
// `CompileError` naming neither the URL nor what came back. Hand-written rather than a rewrite
// of the generated glue: it only uses the glue's public init().
import init from './wpcom_wasm.js';

export * from './wpcom_wasm.js';
// The class the wasm makes its errors with (src/js/error.js), and the popup's callback side
// (src/browser/popup.js): the modules the glue imports, resolved by scripts/build.mjs.
export { WpcomError } from 'wpcom-wasm:error';
export { popupCallback } from 'wpcom-wasm:popup';

// The first init()'s result: later calls return it without fetching the .wasm again.
let output;

/** The glue's init(), same arguments; a URL (the default too) is fetched and checked here. */
export default async function (options) {
  if (output) return output;
  // `{ module_or_path }`, or (deprecated in the glue) the module or URL itself.
  let input = options?.constructor === Object ? options.module_or_path : options;
  input = await (typeof input === 'string' || input instanceof URL || input instanceof Request
    ? fetch(input)
    : input ?? fetch(new URL('wpcom_wasm_bg.wasm', import.meta.url)));
  const got = input instanceof Response && `${input.status} ${input.headers.get('content-type')}`;
  const html = /html/i.test(got);
  const fail = (cause) => new Error(`wpcom-wasm: ${input.url} answered ${html ? `HTML (${got})` : got}, not WebAssembly. `
    + "Serve wpcom_wasm_bg.wasm at that URL, or pass its URL: init({ module_or_path: '/path/wpcom_wasm_bg.wasm' })", { cause });
  // Checked before the glue sees it: the glue would read the whole page, warn about its MIME
  // type, then fail to compile it.
  if (html || (got && !input.ok)) throw fail();
  try {
    return (output = await init({ module_or_path: input }));
  } catch (e) {
    throw got && e instanceof WebAssembly.CompileError ? fail(e) : e;
  }
}
