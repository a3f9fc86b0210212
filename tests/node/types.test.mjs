// The shipped declarations (pkg/wpcom_wasm.d.ts, pkg/web/wpcom_wasm.d.ts: ours and what
// wasm-bindgen writes beside them) compile in a strict TypeScript project that checks libraries
// too, and type the whole surface: tests/types/ is such a project, copied into a temporary
// folder whose node_modules/wpcom-wasm points at pkg/, so imports resolve through the package's
// `exports` as in a user's project. Its `@ts-expect-error` lines prove wrong uses are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PKG = join(ROOT, 'pkg');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

let project;

before(() => {
  assert.ok(existsSync(join(PKG, 'package.json')), 'pkg/ is missing: npm run build');
  assert.ok(existsSync(TSC), 'typescript is missing: npm ci');
  project = mkdtempSync(join(tmpdir(), 'wpcom-types-'));
  cpSync(join(ROOT, 'tests/types'), project, { recursive: true });
  // An ES module project, as `--module nodenext` needs for `import` of an ESM-only package.
  writeFileSync(join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(PKG, join(project, 'node_modules/wpcom-wasm'), 'dir');
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Runs tsc on the project with extra flags; fails with tsc's diagnostics. */
function tsc(...flags) {
  try {
    execFileSync(process.execPath, [TSC, '-p', project, '--pretty', 'false', ...flags], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc ${flags.join(' ')}:\n${e.stdout}${e.stderr}`);
  }
}

test('the declarations compile with --strict --skipLibCheck false, target ES2022, bundler resolution', () => {
  tsc('--module', 'ES2022', '--moduleResolution', 'bundler');
});

test('the declarations compile with --module nodenext', () => {
  tsc('--module', 'nodenext', '--moduleResolution', 'nodenext');
});
