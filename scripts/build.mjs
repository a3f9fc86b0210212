// `npm run build`: the publishable npm package in pkg/ (bundler build at the root, `web` build
// in pkg/web/) and the gzip size a page loads. The steps:
//   1. cargo build the release .wasm with the `npm` feature;
//   2. wasm-bindgen, once per target (`bundler`, `web`);
//   3. wasm-opt (binaryen from npm) on each .wasm; the `web` one also gets short import/export
//      names, and prints which name became which;
//   4. esbuild bundles the `web` build's JS: pkg/web/index.js is the whole `wpcom-wasm/web`
//      entry in one minified file (src/js/web-entry.js, the glue, its snippets), and
//      pkg/web/wpcom_wasm.js the glue alone (for a service worker, without the entry's checks),
//      and pkg/web/element.js the `<wpcom-connect>` element (`wpcom-wasm/element`);
//   5. the popup's callback: pkg/callback.js (`wpcom-wasm/callback`, no wasm) and
//      pkg/callback.html, a ready page with its script inlined;
//   6. package.json, and pkg/size.json: what a page that imports `wpcom-wasm/web` loads.
//
// `--without TRICK[,TRICK…]` turns size tricks off and `--out DIR` writes elsewhere than pkg/:
// `npm run size` (scripts/size-tricks.mjs) uses them to measure what each trick pays.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The size tricks of the shipped build: name → what it is (and what `--without` builds instead). */
export const TRICKS = {
  'npm-feature': 'the `npm` feature: `no_std`, panics trap, lol_alloc (without: `std`, its panic messages and allocator)',
  'opt-level-z': 'Cargo `opt-level = "z"` (without: the release default, 3)',
  'codegen-units-1': 'Cargo `codegen-units = 1` (without: 16)',
  'wasm-opt': 'wasm-opt `-Oz` after wasm-bindgen (without: no optimisation pass)',
  'inline-limit': 'wasm-opt `--one-caller-inline-max-function-size=20` (without: no limit)',
  'minify-names': 'short import and export names in the `web` build: binaryen renames them, esbuild the glue\'s properties to match (without: wasm-bindgen\'s hashed names)',
  'minify-js': 'esbuild minifies `web/index.js` and `web/wpcom_wasm.js` (without: bundled, not minified)',
};

// Cargo settings of a trick turned off, as Cargo's environment overrides of Cargo.toml.
const CARGO_WITHOUT = {
  'opt-level-z': { CARGO_PROFILE_RELEASE_OPT_LEVEL: '3' },
  'codegen-units-1': { CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '16' },
};

// Rust's wasm32 target emits these post-MVP features by default; wasm-opt must be told. Not
// `--all-features`: binaryen then writes compact imports that Chromium refuses.
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

// The JS modules the glue imports that the package's entries also export from.
const ERROR_JS = 'src/js/error.js';
const POPUP_JS = 'src/browser/popup.js';
// Where src/js/callback.html takes its script.
const CALLBACK_MARKER = '<!-- callback-page.js -->';

// The first line of wasm-bindgen's glue: where TypeScript and Deno find its declarations.
const TYPES_POINTER = '/* @ts-self-types="./wpcom_wasm.d.ts" */';

/** Runs a command in the repository; returns its output when `capture` (else it is shown). */
function run(cmd, args, { capture = false, env } = {}) {
  return execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8', maxBuffer: 16 << 20 });
}

/** Builds the package into `out` with the tricks in `without` turned off. */
export async function build({ out = join(root, 'pkg'), without = new Set() } = {}) {
  const on = (trick) => !without.has(trick);
  // Only the npm packages in package-lock.json: binaryen at a known version (Debian's binaryen
  // 108 corrupts wasm-bindgen's externref table) and esbuild.
  const wasmOpt = join(root, 'node_modules/.bin/wasm-opt');
  let esbuild;
  try {
    if (!existsSync(wasmOpt)) throw new Error(`${wasmOpt} not found`);
    esbuild = await import('esbuild');
  } catch (e) {
    throw new Error(`the build needs the npm packages binaryen and esbuild: run \`npm ci\` (or \`npm run setup\`) first (${e.message})`);
  }

  // `npm`: no std (a panic handler that traps, a small allocator) and no typed Rust API, whose
  // serde-wasm-bindgen decoding the JS surface does not use (see Cargo.toml's features).
  const cargoOff = Object.keys(CARGO_WITHOUT).concat('npm-feature').filter((t) => !on(t));
  const targetDir = cargoOff.length ? join(root, 'target/size-tricks', `cargo-without-${cargoOff.join('-')}`) : join(root, 'target');
  run('cargo', ['build', '-p', 'wpcom-wasm', '--release', '--target', 'wasm32-unknown-unknown', '--target-dir', targetDir,
    '--no-default-features', '--features', on('npm-feature') ? 'npm' : 'std'],
  { env: { ...process.env, ...Object.assign({}, ...cargoOff.map((t) => CARGO_WITHOUT[t])) } });
  const wasmIn = join(targetDir, 'wasm32-unknown-unknown/release/wpcom_wasm.wasm');

  rmSync(out, { recursive: true, force: true });
  const webDir = join(out, 'web');
  run('wasm-bindgen', ['--target', 'bundler', '--out-dir', out, '--out-name', 'wpcom_wasm', wasmIn]);
  run('wasm-bindgen', ['--target', 'web', '--out-dir', webDir, '--out-name', 'wpcom_wasm', wasmIn]);
  // The bundler build's entry: wasm-bindgen's glue as generated, and `WpcomError` and
  // `popupCallback` from the very modules the glue imports (see snippet below).
  const fromOut = (file) => relative(out, snippet(out, file)).replaceAll('\\', '/');
  writeFileSync(join(out, 'index.js'), `${TYPES_POINTER}
// The entry of \`wpcom-wasm\` (written by scripts/build.mjs): wasm-bindgen's glue, WpcomError
// and popupCallback.
export * from './wpcom_wasm.js';
export { WpcomError } from './${fromOut(ERROR_JS)}';
export { popupCallback } from './${fromOut(POPUP_JS)}';
`);

  // Not inlining single-caller functions above 20 instructions: measured smaller after gzip
  // (the budget's unit), although larger raw.
  const passes = [...(on('wasm-opt') ? ['-Oz', ...(on('inline-limit') ? ['--one-caller-inline-max-function-size=20'] : [])] : []), ...FEATURES];
  run(wasmOpt, [...passes, join(out, 'wpcom_wasm_bg.wasm'), '-o', join(out, 'wpcom_wasm_bg.wasm')]);
  const webWasm = join(webDir, 'wpcom_wasm_bg.wasm');
  const renames = on('minify-names') ? minifyWasmNames(wasmOpt, passes, webWasm) : null;
  if (!renames) run(wasmOpt, [...passes, webWasm, '-o', webWasm]);

  // The `web` build is what a page without a bundler loads as is: one file to fetch before the
  // .wasm (wasm-bindgen writes `module = …` JS as separate snippet files), minified (bundlers
  // minify the `bundler` build's glue themselves, so that one stays as generated).
  // `wpcom-wasm:error` and `wpcom-wasm:popup` (src/js/web-entry.js) are the snippets the glue
  // imports, so the bundle holds one copy of each.
  const snippets = { 'wpcom-wasm:error': snippet(webDir, ERROR_JS), 'wpcom-wasm:popup': snippet(webDir, POPUP_JS) };
  const errorPlugin = {
    name: 'wpcom-wasm-snippets',
    setup(build) {
      build.onResolve({ filter: /^wpcom-wasm:(error|popup)$/ }, (args) => ({ path: snippets[args.path] }));
    },
  };
  const bundle = async (options, outfile) => {
    const result = await esbuild.build({
      ...options,
      plugins: [errorPlugin],
      bundle: true,
      format: 'esm',
      minify: on('minify-js'),
      legalComments: 'none',
      banner: { js: TYPES_POINTER },
      write: false,
      metafile: true,
      outfile,
      ...(renames && { mangleProps: renames.pattern, mangleQuoted: true, mangleCache: renames.cache }),
    });
    const { imports } = Object.values(result.metafile.outputs)[0];
    if (imports.length) throw new Error(`${outfile} still imports ${imports.map((i) => i.path)}`);
    writeFileSync(outfile, result.outputFiles[0].contents);
  };
  const glue = join(webDir, 'wpcom_wasm.js');
  const entry = join(root, 'src/js/web-entry.js');
  await bundle({ stdin: { contents: readFileSync(entry, 'utf8'), resolveDir: webDir, sourcefile: entry } }, join(webDir, 'index.js'));
  // The glue alone (for apps that call init() themselves, e.g. an extension's service worker),
  // with `WpcomError` too.
  const glueEntry = "export * from './wpcom_wasm.js';\nexport { default } from './wpcom_wasm.js';\n"
    + "export { WpcomError } from 'wpcom-wasm:error';\nexport { popupCallback } from 'wpcom-wasm:popup';\n";
  await bundle({ stdin: { contents: glueEntry, resolveDir: webDir, sourcefile: 'glue-entry.js' }, allowOverwrite: true }, glue);
  // `wpcom-wasm/element`: the `<wpcom-connect>` element in a file of its own, which only that
  // entry loads; it imports the `web` entry above (the same module, not a copy of it).
  const webEntry = {
    name: 'wpcom-wasm-web',
    setup(build) {
      build.onResolve({ filter: /^wpcom-wasm:web$/ }, () => ({ path: './index.js', external: true }));
    },
  };
  const element = await esbuild.build({
    entryPoints: [join(root, 'src/js/element.js')], plugins: [webEntry], bundle: true, format: 'esm',
    minify: on('minify-js'), legalComments: 'none', write: false, outfile: join(webDir, 'element.js'),
  });
  writeFileSync(join(webDir, 'element.js'), element.outputFiles[0].contents);
  copyFileSync(join(root, 'src/js/element.d.ts'), join(webDir, 'element.d.ts'));
  await writeCallback(esbuild, out, on('minify-js'));
  // Inlined above; and the .wasm's declarations are for importing it as a module, which the
  // `web` build never does (and name the exports before minification).
  rmSync(join(webDir, 'snippets'), { recursive: true, force: true });
  rmSync(join(webDir, 'wpcom_wasm_bg.wasm.d.ts'), { force: true });

  // Everything but the generated files: .gitignore from wasm-bindgen, its own package.json.
  for (const dir of [out, webDir]) {
    for (const f of ['.gitignore', 'package.json']) rmSync(join(dir, f), { force: true });
  }
  writeManifest(out);
  return writeSize(out);
}

/**
 * Runs wasm-opt with binaryen's `--minify-imports-and-exports-and-modules` on `file`: the
 * import module, import and export names of wasm-bindgen (with 16-hex-digit hashes that gzip
 * cannot compress) become one or two letters. Returns what esbuild needs to rename the glue's
 * properties to match: the old names as a pattern, and old → new as a `mangleCache`.
 */
function minifyWasmNames(wasmOpt, passes, file) {
  const modulesOf = (bytes) => new Set(WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.module));
  const [oldModule, ...more] = modulesOf(readFileSync(file));
  // The pass prints its mapping of imports and exports as JSON, but not of the module name.
  // The old names are wasm-bindgen's (`__wbg_…_<hash>`, `client_me`, `memory`…): no other
  // property of the bundle is named like one, so esbuild renames only the glue's uses of them.
  const mapping = JSON.parse(run(wasmOpt, [...passes, '--minify-imports-and-exports-and-modules', file, '-o', file], { capture: true }));
  const [newModule, ...moreNew] = modulesOf(readFileSync(file));
  if (more.length || moreNew.length) throw new Error(`expected one import module, got ${[oldModule, ...more]}`);
  const cache = Object.fromEntries([[oldModule, newModule], ...mapping.imports.map(([, from, to]) => [from, to]), ...mapping.exports]);
  const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { pattern: new RegExp(`^(${Object.keys(cache).map(escape).join('|')})$`), cache };
}

function writeManifest(out) {
  const version = /^version = "([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
  const manifest = {
    name: 'wpcom-wasm',
    version,
    description: 'WordPress.com implicit OAuth2 and REST API client for the browser, in Rust compiled to WebAssembly',
    license: 'MIT OR Apache-2.0',
    keywords: ['wordpress', 'wordpress.com', 'oauth2', 'wasm', 'rest-api'],
    type: 'module',
    module: './index.js',
    main: './index.js',
    types: './wpcom_wasm.d.ts',
    exports: {
      '.': { types: './wpcom_wasm.d.ts', default: './index.js' },
      './web': { types: './web/wpcom_wasm.d.ts', default: './web/index.js' },
      './web/wpcom_wasm.js': { types: './web/wpcom_wasm.d.ts', default: './web/wpcom_wasm.js' },
      './web/wpcom_wasm_bg.wasm': './web/wpcom_wasm_bg.wasm',
      './element': { types: './web/element.d.ts', default: './web/element.js' },
      './callback': { types: './callback.d.ts', default: './callback.js' },
      './callback.html': './callback.html',
      './wpcom_wasm_bg.wasm': './wpcom_wasm_bg.wasm',
      './package.json': './package.json',
    },
    files: files(out).filter((f) => !f.endsWith('package.json')).concat(['README.md']),
    // web/element.js registers `<wpcom-connect>` when imported.
    sideEffects: ['./index.js', './wpcom_wasm.js', './snippets/*', './web/element.js'],
  };
  copyFileSync(join(root, 'README.md'), join(out, 'README.md'));
  writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * The snippet file that wasm-bindgen wrote under `dir` for `source`, a JS module the glue
 * imports: `WpcomError` (src/js/error.js) and the popup's protocol (src/browser/popup.js). The
 * package's entries export from that same module, so the class the wasm throws is the one apps
 * test with `instanceof`, and one copy of the popup's names serves both ends.
 */
function snippet(dir, source) {
  const found = readdirSync(join(dir, 'snippets'), { recursive: true }).map(String)
    .filter((f) => f.replaceAll('\\', '/').endsWith(source));
  if (found.length !== 1) throw new Error(`expected one ${source} snippet in ${dir}, found ${found.length}`);
  return join(dir, 'snippets', found[0]);
}

/**
 * `wpcom-wasm/callback` (callback.js and its declarations: popupCallback without the wasm, for
 * a callback page of the app's own) and `callback.html`, the ready callback page: its script
 * (src/js/callback-page.js) bundled and inlined, so it is one file to serve.
 */
async function writeCallback(esbuild, out, minify) {
  const build = async (options) => (await esbuild.build({
    bundle: true, format: 'esm', minify, legalComments: 'none', write: false, ...options,
  })).outputFiles[0].text;
  const popup = join(root, POPUP_JS);
  const module = await build({ stdin: { contents: `export { popupCallback } from ${JSON.stringify(popup)};`, resolveDir: root } });
  writeFileSync(join(out, 'callback.js'), `// wpcom-wasm/callback: popupCallback() alone (src/browser/popup.js), no wasm.\n${module}`);
  writeFileSync(join(out, 'callback.d.ts'), `/**
 * The popup's callback page, in one call: forwards the URL it landed on to the window that
 * started \`signInWithPopup\`, scrubs the OAuth data from the address bar and closes the window.
 * Resolves with \`true\` once the opener took the URL, \`false\` when the page holds no OAuth data
 * or nobody took it within 4 s.
 */
export declare function popupCallback(): Promise<boolean>;
`);
  const script = await build({ entryPoints: [join(root, 'src/js/callback-page.js')] });
  const page = readFileSync(join(root, 'src/js/callback.html'), 'utf8');
  if (!page.includes(CALLBACK_MARKER)) throw new Error(`src/js/callback.html lacks ${CALLBACK_MARKER}`);
  writeFileSync(join(out, 'callback.html'), page.replace(CALLBACK_MARKER, () => `<script type="module">${script.trim()}</script>`));
}

/** Writes size.json: gzip -9 of what a page that imports `wpcom-wasm/web` loads. */
function writeSize(out) {
  const rows = ['web/index.js', 'web/wpcom_wasm_bg.wasm'].map((file) => {
    const bytes = readFileSync(join(out, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  // `wpcom-wasm/element` on top of that (only pages that import the element load it).
  const element = readFileSync(join(out, 'web/element.js'));
  const size = {
    files: rows,
    gzipTotal: rows.reduce((n, r) => n + r.gzip, 0),
    element: { file: 'web/element.js', bytes: element.length, gzip: gzipSync(element, { level: 9 }).length },
  };
  writeFileSync(join(out, 'size.json'), JSON.stringify(size, null, 2) + '\n');
  return size;
}

function files(dir) {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' }, without: { type: 'string', multiple: true, default: [] } } });
    const without = new Set(values.without.flatMap((w) => w.split(',')).filter(Boolean));
    for (const trick of without) {
      if (!(trick in TRICKS)) throw new Error(`--without ${trick}: no such trick (${Object.keys(TRICKS).join(', ')})`);
    }
    const size = await build({ out: values.out ? resolve(values.out) : undefined, without });
    for (const r of size.files) console.log(`[build] ${r.file.padEnd(28)} ${String(r.bytes).padStart(8)} B  ${String(r.gzip).padStart(7)} B gzip`);
    console.log(`[build] gzip total (.wasm + JS): ${size.gzipTotal} bytes (limits: tests/node/size.test.mjs)`);
    const e = size.element;
    console.log(`[build] ${e.file.padEnd(28)} ${String(e.bytes).padStart(8)} B  ${String(e.gzip).padStart(7)} B gzip (wpcom-wasm/element only)`);
  } catch (e) {
    // A failed command has shown its own output: the first line says which one it was.
    console.error(`[build] ${e.message.split('\n')[0]}`);
    process.exit(1);
  }
}
