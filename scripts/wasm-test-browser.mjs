// Cargo's test runner for wasm32 in a browser (scripts/wasm-test.sh sets it through
// CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER): `node scripts/wasm-test-browser.mjs <test.wasm>`,
// in Chromium, or in Firefox ESR with E2E_BROWSER=firefox (WebDriver BiDi), as the end-to-end
// tests choose theirs (tests/support/browser.mjs).
//
// wasm-bindgen-test-runner serves the test page and, by default, drives the browser through
// ChromeDriver or geckodriver. On this project's pages its server now and then stalls before the
// page has loaded (the browser's connections are left unaccepted; seen on a quiet machine too),
// and the driver then waits 300 s for nothing. Here the runner only serves the page
// (`NO_HEADLESS=1`, its interactive mode) and Playwright's browser — the one every end-to-end
// test uses — opens it and reads the results the page writes into `#output`. A page that does not
// load within the time limit means a stalled server: that runner is stopped and a fresh one
// started, up to four times. A test that fails is never run again.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BROWSER, launchBrowser } from '../tests/support/browser.mjs';

const [wasm] = process.argv.slice(2);
const limitMs = Number(process.env.WASM_BINDGEN_TEST_TIMEOUT || 60) * 1000;
const LOAD_MS = 20_000;
const ATTEMPTS = 4;

/** Starts the runner's server; resolves with its process and the page's address. */
async function startRunner() {
  const runner = spawn('wasm-bindgen-test-runner', [wasm], {
    env: { ...process.env, NO_HEADLESS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('wasm-bindgen-test-runner did not start its server')), 60_000);
    createInterface({ input: runner.stdout }).on('line', (line) => {
      const found = /available at (http:\/\/\S+)/.exec(line);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    runner.once('exit', (code) => { clearTimeout(timer); reject(new Error(`wasm-bindgen-test-runner exited (${code})`)); });
  });
  return { runner, url };
}

const browser = await launchBrowser();
let output = 'the test page did not load';
let passed = false;
try {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const { runner, url } = await startRunner();
    const stop = () => runner.kill('SIGKILL');
    process.on('exit', stop);
    const page = await browser.newPage();
    try {
      console.log(`Running the tests in Playwright's ${BROWSER} at ${url}`);
      const loaded = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_MS }).then(() => true, () => false);
      if (!loaded) {
        console.log(`the test page did not load in ${LOAD_MS / 1000} s (attempt ${attempt} of ${ATTEMPTS})`);
        continue;
      }
      // The page appends to #output as tests end, then a `test result:` line.
      await page.waitForFunction(() => /test result: (ok|FAILED)\./.test(document.getElementById('output')?.textContent ?? ''),
        null, { timeout: limitMs * 5, polling: 250 }).catch(() => {});
      output = await page.evaluate(() => document.getElementById('output')?.textContent ?? '');
      passed = /test result: ok\./.test(output);
      if (!/test result: /.test(output)) output += '\n(no test result in time)';
      break;
    } finally {
      await page.close().catch(() => {});
      stop();
    }
  }
} finally {
  await browser.close();
}
console.log(output);
process.exit(passed ? 0 : 1);
