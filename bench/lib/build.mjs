// The builds a bench run needs and the size figures: our package through the lead's
// `npm run build`, the official stack through webpack 5 production, the emulator in release.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

function run(root, cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Builds pkg/ (npm run build), bench/dist/official.js (webpack) and the release emulator. */
export function buildAll(root) {
  run(root, 'npm', ['run', 'build', '--silent']);
  run(root, 'npx', ['--no-install', 'webpack', '--config', 'bench/webpack.config.cjs', '--stats', 'errors-warnings']);
  run(root, 'cargo', ['build', '-p', 'wpcom-emulator', '--release', '--quiet']);
}

/** The release emulator binary (the debug one if no release build exists, with a warning). */
export function emulatorBinary(root) {
  const release = join(root, 'target/release/wpcom-emulator');
  if (existsSync(release)) return { path: release, profile: 'release' };
  const debug = join(root, 'target/debug/wpcom-emulator');
  if (existsSync(debug)) return { path: debug, profile: 'debug' };
  throw new Error('no wpcom-emulator binary: run without --no-build, or cargo build -p wpcom-emulator --release');
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** gzip -9 bytes of what a page loads of ours: the files pkg/size.json counts (the
 * `wpcom-wasm/web` entry, which bundles the glue, and the .wasm). */
export function oursSize(root) {
  const sizeFile = join(root, 'pkg/size.json');
  if (!existsSync(sizeFile)) throw new Error('pkg/size.json is missing: run without --no-build (npm run build)');
  const size = JSON.parse(readFileSync(sizeFile, 'utf8'));
  const files = size.files.map(({ file }) => {
    const b = readFileSync(join(root, 'pkg', file));
    return { file: `pkg/${file}`, bytes: b.length, gzip: gz(b) };
  });
  const gzip = files.reduce((a, f) => a + f.gzip, 0);
  return { files, gzip, bytes: files.reduce((a, f) => a + f.bytes, 0), sizeJsonGzip: size.gzipTotal };
}

/** gzip -9 bytes of the official bundle as a page loads it (the LICENSE.txt side file is not). */
export function officialSize(root) {
  const f = join(root, 'bench/dist/official.js');
  if (!existsSync(f)) throw new Error('bench/dist/official.js is missing: run without --no-build');
  const b = readFileSync(f);
  return { files: [{ file: 'bench/dist/official.js', bytes: b.length, gzip: gz(b) }], gzip: gz(b), bytes: b.length };
}
