// `npm run size [-- TRICK…]`: what each size trick of the build pays. Builds the shipped
// configuration, then one variant per trick with only that trick turned off
// (`scripts/build.mjs --without TRICK`), each into target/size-tricks/, never pkg/; prints a
// markdown table of the gzip bytes each trick saves on what a page that imports
// `wpcom-wasm/web` loads (pkg/size.json's total). Variants with other Cargo settings compile in
// their own target dirs: the first run takes several minutes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRICKS } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tricks = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TRICKS);
for (const trick of tricks) {
  if (!(trick in TRICKS)) throw new Error(`${trick}: no such trick (${Object.keys(TRICKS).join(', ')})`);
}

/** Builds with `without` off into target/size-tricks/<name>/pkg; returns its gzip total. */
function gzipTotal(name, without = []) {
  const out = join(root, 'target/size-tricks', name, 'pkg');
  console.error(`[size] building ${name}`);
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', out, ...without.flatMap((t) => ['--without', t])],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(join(out, 'size.json'), 'utf8')).gzipTotal;
}

const fmt = (n) => n.toLocaleString('en-US');
const shipped = gzipTotal('shipped');
const rows = tricks.map((trick) => [trick, gzipTotal(`without-${trick}`, [trick]) - shipped]).sort((a, b) => b[1] - a[1]);

console.log(`Measured ${new Date().toISOString().slice(0, 10)} by \`npm run size\`: the shipped build is ${fmt(shipped)} bytes gzip.\n`);
console.log('| Trick | gzip bytes it saves |');
console.log('| --- | ---: |');
for (const [trick, saved] of rows) console.log(`| \`${trick}\`: ${TRICKS[trick]} | ${fmt(saved)} |`);
const small = rows.filter(([, saved]) => saved < 1000).map(([trick]) => trick);
if (small.length) console.error(`[size] paying less than 1 KB, to remove: ${small.join(', ')}`);
