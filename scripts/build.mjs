// `npm run build`: the publishable npm package in pkg/ (bundler build at the root, `web` build
// in pkg/web/), the release .wasm through `wasm-opt -Os`, and the gzip size a page loads.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineSnippets, minifyJs, minifyNames } from './shrink.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const wasmIn = join(root, 'target/wasm32-unknown-unknown/release/wpcom_wasm.wasm');
const cargoToml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargoToml)[1];

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
function have(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

// `npm`: no std (a panic handler that traps, a small allocator) and no typed Rust API, whose
// serde-wasm-bindgen decoding the JS surface does not use (see Cargo.toml's features).
run('cargo', ['build', '-p', 'wpcom-wasm', '--release', '--target', 'wasm32-unknown-unknown',
  '--no-default-features', '--features', 'npm']);

// Rust's wasm32 target emits these post-MVP features by default; wasm-opt must be told. Not
// `--all-features`: binaryen then writes compact imports that Chromium refuses.
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
// binaryen from npm (v132+) runs after wasm-bindgen, on the final module. Debian's binaryen 108
// must not: it rewrites wasm-bindgen's output with `__wbindgen_externrefs` exporting the funcref
// table, and init() then fails ("WebAssembly.Table.set(): Argument 1 is invalid for table"), so
// when only that one is installed it runs before wasm-bindgen (a little less effective).
const npmWasmOpt = join(root, 'node_modules/.bin/wasm-opt');
const postBindgen = existsSync(npmWasmOpt);
let wasmForBindgen = wasmIn;
if (!postBindgen && have('wasm-opt')) {
  console.warn('[build] node_modules/.bin/wasm-opt missing (npm install): using the system wasm-opt before wasm-bindgen');
  wasmForBindgen = wasmIn.replace(/\.wasm$/, '.opt.wasm');
  run('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', ...features, wasmIn, '-o', wasmForBindgen]);
} else if (!postBindgen) {
  console.warn('[build] wasm-opt not found (npm install): the .wasm is not optimised');
}
rmSync(pkg, { recursive: true, force: true });
// `encodeInto` exists in every engine the package supports: no fallback glue for its absence.
const bindgen = ['--remove-name-section', '--remove-producers-section', '--encode-into', 'always'];
run('wasm-bindgen', ['--target', 'bundler', ...bindgen, '--out-dir', pkg, '--out-name', 'wpcom_wasm', wasmForBindgen]);
run('wasm-bindgen', ['--target', 'web', ...bindgen, '--out-dir', join(pkg, 'web'), '--out-name', 'wpcom_wasm', wasmForBindgen]);
const webDir = join(pkg, 'web');
if (postBindgen) {
  // Not inlining single-caller functions above 20 instructions, and `-Os` rather than `-Oz`:
  // measured smaller after gzip (the budget's unit), although larger raw. The
  // `target_features` section is for tools; engines ignore it.
  const passes = ['-Os', '--one-caller-inline-max-function-size=20', '--strip-debug', '--strip-producers',
    '--strip-target-features', ...features];
  run(npmWasmOpt, [...passes, join(pkg, 'wpcom_wasm_bg.wasm'), '-o', join(pkg, 'wpcom_wasm_bg.wasm')]);
  // The `web` build: also short import/export names, renamed in its glue to match.
  minifyNames(npmWasmOpt, passes, join(webDir, 'wpcom_wasm_bg.wasm'),
    [join(webDir, 'wpcom_wasm.js'), join(webDir, 'wpcom_wasm_bg.wasm.d.ts')]);
}
// The `web` build's glue is what a page without a bundler loads as is: its JS snippets inlined
// (each would be one more request before init()), then minified (bundlers minify the `bundler`
// build's glue themselves, so that one stays readable).
inlineSnippets(join(webDir, 'wpcom_wasm.js'));
await minifyJs(join(webDir, 'wpcom_wasm.js'));
// `wpcom-wasm/web` is a small hand-written module over the glue (src/js/web-entry.js): its
// init() names the URL and what it answered when the .wasm comes back as HTML or an error.
copyFileSync(join(root, 'src/js/web-entry.js'), join(webDir, 'index.js'));
await minifyJs(join(webDir, 'index.js'));

// Everything but the generated files: .gitignore from wasm-bindgen, its own package.json.
for (const dir of [pkg, join(pkg, 'web')]) {
  for (const f of ['.gitignore', 'package.json']) rmSync(join(dir, f), { force: true });
}

const files = (dir) => readdirSync(dir, { recursive: true }).map(String)
  .filter((f) => statSync(join(dir, f)).isFile());

const manifest = {
  name: 'wpcom-wasm',
  version,
  description: 'WordPress.com implicit OAuth2 and REST API client for the browser, in Rust compiled to WebAssembly',
  license: 'MIT OR Apache-2.0',
  keywords: ['wordpress', 'wordpress.com', 'oauth2', 'wasm', 'rest-api'],
  type: 'module',
  module: './wpcom_wasm.js',
  main: './wpcom_wasm.js',
  types: './wpcom_wasm.d.ts',
  exports: {
    '.': { types: './wpcom_wasm.d.ts', default: './wpcom_wasm.js' },
    './web': { types: './web/wpcom_wasm.d.ts', default: './web/index.js' },
    './web/wpcom_wasm.js': { types: './web/wpcom_wasm.d.ts', default: './web/wpcom_wasm.js' },
    './web/wpcom_wasm_bg.wasm': './web/wpcom_wasm_bg.wasm',
    './wpcom_wasm_bg.wasm': './wpcom_wasm_bg.wasm',
    './package.json': './package.json',
  },
  files: files(pkg).filter((f) => !f.endsWith('package.json')).concat(['README.md']),
  sideEffects: ['./wpcom_wasm.js', './snippets/*'],
};
if (existsSync(join(root, 'README.md'))) copyFileSync(join(root, 'README.md'), join(pkg, 'README.md'));
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// What a page without a bundler loads: the web build's entry, JS glue and .wasm.
const loaded = files(webDir).filter((f) => f.endsWith('.js') || f.endsWith('.wasm'));
let total = 0;
const rows = loaded.map((f) => {
  const bytes = readFileSync(join(webDir, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  return { file: `web/${f}`, bytes: bytes.length, gzip: gz };
});
writeFileSync(join(pkg, 'size.json'), JSON.stringify({ files: rows, gzipTotal: total }, null, 2) + '\n');
for (const r of rows) console.log(`[build] ${r.file.padEnd(36)} ${String(r.bytes).padStart(8)} B  ${String(r.gzip).padStart(7)} B gzip`);
console.log(`[build] gzip total (.wasm + JS): ${total} bytes (limits: tests/node/size.test.mjs)`);
