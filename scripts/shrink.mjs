// Size steps of `npm run build` for the `web` build (what a page loads without a bundler):
// short import/export names in the .wasm, with the JS glue renamed to match, and a minified
// glue. The bundler build is left alone: bundlers minify its glue themselves.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Runs binaryen's `--minify-imports-and-exports-and-modules` on `wasmFile` (the last pass of
 * `passes`) and renames the same imports, exports and module in wasm-bindgen's glue files.
 * wasm-bindgen's names carry 16-hex-digit hashes that gzip cannot compress: this is about 2 KB
 * of gzip over the .wasm and the glue.
 */
export function minifyNames(wasmOpt, passes, wasmFile, glueFiles) {
  const out = execFileSync(wasmOpt, [...passes, '--minify-imports-and-exports-and-modules', wasmFile, '-o', wasmFile], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 << 20,
  });
  const mapping = JSON.parse(out.slice(out.indexOf('{')));
  const modules = new Set(mapping.imports.map(([module]) => module));
  const newModules = importModules(readFileSync(wasmFile));
  if (modules.size !== 1 || newModules.size !== 1) {
    throw new Error(`expected one import module, got ${[...modules]} → ${[...newModules]}`);
  }
  const [oldModule] = modules;
  const [newModule] = newModules;
  // Import names are unique (hashed) identifiers: whole-word replacement is exact. Exports are
  // read as `wasm.<name>` only.
  const imports = new Map(mapping.imports.map(([, from, to]) => [from, to]));
  const exports = new Map(mapping.exports);
  for (const file of glueFiles.filter(existsSync)) {
    let js = readFileSync(file, 'utf8');
    js = js.replace(/\b(__wbg_\w+|__wbindgen_\w+)\b(?=\s*[:(])/g, (name) => imports.get(name) ?? name);
    js = js.replace(/\bwasm\.(\w+)\b/g, (whole, name) => (exports.has(name) ? `wasm.${exports.get(name)}` : whole));
    js = js.split(JSON.stringify(oldModule)).join(JSON.stringify(newModule));
    js = js.replace(/\bexport const (\w+)\b/g, (whole, name) => (exports.has(name) ? `export const ${exports.get(name)}` : whole));
    for (const name of imports.keys()) {
      if (js.includes(name)) throw new Error(`${file}: import ${name} was not renamed`);
    }
    writeFileSync(file, js);
  }
}

/** The module names of a .wasm's imports (the import section, read by hand). */
function importModules(bytes) {
  let at = 8;
  const leb = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      n |= (b & 0x7f) << shift;
      shift += 7;
      if (b < 0x80) return n >>> 0;
    }
  };
  const name = () => {
    const len = leb();
    const text = bytes.subarray(at, at + len).toString('utf8');
    at += len;
    return text;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      const modules = new Set();
      const count = leb();
      for (let i = 0; i < count; i++) {
        modules.add(name());
        name();
        const kind = bytes[at++];
        if (kind === 0) leb(); // function: type index
        else if (kind === 1) { at++; limits(); } // table: reftype, limits
        else if (kind === 2) limits(); // memory
        else if (kind === 3) at += 2; // global: valtype, mutability
        else if (kind === 4) { at++; leb(); } // tag
        else throw new Error(`unknown import kind ${kind}`);
      }
      return modules;
    }
    at = end;
  }
  return new Set();

  function limits() {
    const flags = bytes[at++];
    leb();
    if (flags & 1) leb();
  }
}

/**
 * Replaces each `import { … } from './snippets/…'` of the glue `file` with the snippet's own
 * code (its `export` keywords dropped) and deletes the snippets folder: wasm-bindgen writes
 * `module = …` JS as separate files, and each one is a request a page waits for before init().
 * Snippets must be self-contained (no imports) and export every name the glue imports.
 */
export function inlineSnippets(file) {
  const dir = dirname(file);
  let js = readFileSync(file, 'utf8');
  js = js.replace(/^import \{([^}]*)\} from '(\.\/snippets\/[^']+)';$/gm, (_, names, path) => {
    let code = readFileSync(join(dir, path), 'utf8');
    if (/^\s*(import|export\s+(default|\{|\*))/m.test(code)) throw new Error(`${path}: only \`export function\` snippets can be inlined`);
    code = code.replace(/^export (?=(async )?function |const |let |class )/gm, '');
    for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) {
      if (!new RegExp(`^(async )?function ${name}\\b|^(const|let|class) ${name}\\b`, 'm').test(code)) {
        throw new Error(`${path}: ${name} not found`);
      }
    }
    return code;
  });
  if (/from '\.\/snippets\//.test(js)) throw new Error(`${file}: a snippet import was not inlined`);
  writeFileSync(file, js);
  rmSync(join(dir, 'snippets'), { recursive: true, force: true });
}

/** Minifies an ES module in place with terser, keeping its first-line TypeScript pointer. */
export async function minifyJs(file) {
  let terser;
  try {
    terser = await import('terser');
  } catch {
    console.warn('[build] terser not found (npm install): the web glue is not minified');
    return;
  }
  const source = readFileSync(file, 'utf8');
  const banner = source.startsWith('/* @ts-self-types=') ? source.slice(0, source.indexOf('\n') + 1) : '';
  const result = await terser.minify(source, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  writeFileSync(file, banner + result.code + '\n');
}
