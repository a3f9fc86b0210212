// Cargo's test runner for wasm32 in Chromium (scripts/wasm-test.sh sets it through
// CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER): `node scripts/wasm-test-chromium.mjs <test.wasm>`.
//
// wasm-bindgen-test-runner drives Chromium through ChromeDriver, and on this project's test pages
// ChromeDriver now and then never came back from opening the page (no test ran, then a 300 s
// renderer timeout), on a quiet machine too. Here the runner only serves the page
// (`NO_HEADLESS=1`, its interactive mode), and Playwright's Chromium — the one every end-to-end
// test uses — opens it and reads the results the page writes into `#output`.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/support/browser.mjs';

const [wasm] = process.argv.slice(2);
const limitMs = Number(process.env.WASM_BINDGEN_TEST_TIMEOUT || 60) * 1000;
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const runner = spawn('wasm-bindgen-test-runner', [wasm], {
  env: { ...process.env, NO_HEADLESS: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => runner.kill('SIGKILL');
process.on('exit', stop);

/** The page's address, once the runner says it serves it. */
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('wasm-bindgen-test-runner did not start its server')), 60_000);
  createInterface({ input: runner.stdout }).on('line', (line) => {
    const found = /available at (http:\/\/\S+)/.exec(line);
    if (found) { clearTimeout(timer); resolve(found[1]); }
  });
  runner.once('exit', (code) => { clearTimeout(timer); reject(new Error(`wasm-bindgen-test-runner exited (${code})`)); });
});

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
let output = '';
let passed = false;
try {
  const page = await browser.newPage();
  console.log(`Running the tests in Playwright's Chromium at ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // The page appends to #output as tests end, then a `test result:` line.
  await page.waitForFunction(() => /test result: (ok|FAILED)\./.test(document.getElementById('output')?.textContent ?? ''),
    null, { timeout: limitMs * 5, polling: 250 }).catch(() => {});
  output = await page.evaluate(() => document.getElementById('output')?.textContent ?? '');
  passed = /test result: ok\./.test(output);
  if (!/test result: /.test(output)) output += '\n(no test result in time)';
} finally {
  await browser.close();
  stop();
}
console.log(output);
process.exit(passed ? 0 : 1);
