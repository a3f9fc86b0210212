// The demo under test: built once (when stale), served on :8080 (the redirect URI the
// emulator's app registered) with a /config.js that points it at this test file's emulator.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BROWSER, launchBrowser, newLog, recordContext, stubExternalImages } from './browser.mjs';
import { startEmulator } from './emulator.mjs';
import { DEMO_DIST, ROOT, SCREENSHOTS } from './paths.mjs';
import { startStaticServer } from './static-server.mjs';

/** The port the emulator's app has registered redirect URIs on. */
export const DEMO_PORT = 8080;
/** The demo's address: its redirect URI. */
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}/`;
/** sessionStorage key of the token for the emulator's app (client id 1234). */
export const TOKEN_KEY = 'wpcom-wasm:1234:token';
/** sessionStorage key of the pending OAuth state. */
export const STATE_KEY = 'wpcom-wasm:1234:state';

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Runs the production webpack build of the demo when www/dist is missing or older than its inputs. */
export function ensureDemoBuilt() {
  if (!existsSync(path.join(ROOT, 'pkg', 'package.json'))) {
    throw new Error('pkg/ is missing: run `npm run build` first');
  }
  const index = path.join(DEMO_DIST, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const inputs = Math.max(
    newestMtime(path.join(ROOT, 'www')),
    newestMtime(path.join(ROOT, 'pkg')),
    newestMtime(path.join(ROOT, 'webpack.config.js')),
  );
  if (builtAt >= inputs) return;
  const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const result = spawnSync(process.execPath, [cli, '--mode', 'production', '--config', path.join(ROOT, 'webpack.config.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WPCOM_CLIENT_ID: '', WPCOM_API_BASE: '', WPCOM_OAUTH_BASE: '' },
  });
  if (result.status !== 0) throw new Error('webpack failed to build the demo');
}

/**
 * The `/config.js` the demo loads, pointing it at `emulatorUrl`; `extra` adds settings
 * (`wordpressUrl`, `wordpressLogins`: see www/src/config.js).
 */
export function configScript(emulatorUrl, clientId = '1234', extra = {}) {
  const config = { clientId, apiBase: emulatorUrl, oauthBase: emulatorUrl, ...extra };
  return { type: 'text/javascript; charset=utf-8', body: `window.WPCOM_DEMO_CONFIG = ${JSON.stringify(config)};\n` };
}

/** Every access token in a URL's fragment or query (the redirect to the demo carries one). */
function tokensIn(url) {
  const found = [];
  try {
    const parsed = new URL(url);
    for (const part of [parsed.hash.slice(1), parsed.search.slice(1)]) {
      const value = new URLSearchParams(part).get('access_token');
      if (value) found.push(value);
    }
  } catch {
    // Not a URL.
  }
  return found;
}

/**
 * Starts what a test file needs: its own emulator (`emulatorArgs`), the demo on :8080 (with
 * `config`'s extra settings in its /config.js) and the browser of this run ($E2E_BROWSER).
 * `newContext()` gives a browser context whose console, page errors, navigations and issued
 * tokens are recorded in `suite.log` / `suite.tokens`.
 */
export async function openSuite({ emulatorArgs = [], config = {} } = {}) {
  ensureDemoBuilt();
  const emulator = await startEmulator({ args: emulatorArgs });
  let demo;
  let browser;
  try {
    demo = await startStaticServer({
      root: DEMO_DIST,
      port: DEMO_PORT,
      routes: { '/config.js': configScript(emulator.url, '1234', config) },
      waitForPortMs: 180_000,
    });
    browser = await launchBrowser();
  } catch (err) {
    if (demo) await demo.close();
    await emulator.stop();
    throw err;
  }
  const log = newLog();
  const tokens = new Set();
  const contexts = [];
  return {
    emulator,
    demo,
    browser,
    log,
    tokens,
    /** A fresh browser context (no storage shared with any other). */
    async newContext(options = {}) {
      const context = await browser.newContext(options);
      contexts.push(context);
      recordContext(context, log);
      await stubExternalImages(context);
      context.on('response', (response) => {
        const location = response.headers().location;
        if (location) tokensIn(location).forEach((t) => tokens.add(t));
      });
      return context;
    },
    /** Every token seen so far: in redirects, navigations, or minted by the test. */
    seenTokens() {
      log.urls.forEach((url) => tokensIn(url).forEach((t) => tokens.add(t)));
      return [...tokens];
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      if (browser) await browser.close().catch(() => {});
      if (demo) await demo.close();
      await emulator.stop();
    },
  };
}

/**
 * Goes through the emulator's log-in page (when shown) and consent page. `decision` is
 * 'approve' or 'deny'; `blog` picks a site in the consent page's picker when there is one.
 */
export async function passOAuthPages(page, { user = 'alice', password = `${user}-password`, decision = 'approve', blog } = {}) {
  const first = page.locator('#user_login, #approve, #deny').first();
  await first.waitFor({ timeout: 15_000 });
  if (await page.locator('#user_login').count()) {
    await page.fill('#user_login', user);
    await page.fill('#user_pass', password);
    await page.click('#wp-submit');
    await page.locator('#approve').waitFor({ timeout: 15_000 });
  }
  if (blog !== undefined && (await page.locator('select[name="blog"]').count())) {
    await page.selectOption('select[name="blog"]', String(blog));
  }
  await page.click(decision === 'deny' ? '#deny' : '#approve');
}

/** Opens the demo in `page` and connects (redirect flow) as `user`; resolves when the profile shows. */
export async function signIn(page, { user = 'alice', button = '#connect-redirect' } = {}) {
  await page.goto(DEMO_URL);
  await page.click(button);
  await passOAuthPages(page, { user });
  await page.waitForURL((url) => url.href.startsWith(DEMO_URL));
  await page.locator('#profile-username').waitFor();
}

/** The token entry the demo keeps in sessionStorage, or null. */
export function storedToken(page) {
  return page.evaluate((key) => window.sessionStorage.getItem(key), TOKEN_KEY);
}

/**
 * Writes docs/screenshots/<name>.png once the page's images have loaded. The README's pictures
 * come from the Chromium run; the Firefox run of the same tests leaves them alone.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  if (BROWSER !== 'chromium') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete), null, { timeout: 5000 }).catch(() => {});
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

/** The phone-sized viewport of the phone screenshots (Firefox has no mobile emulation). */
export const PHONE = BROWSER === 'chromium'
  ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
  : { viewport: { width: 390, height: 844 } };

/**
 * The URL of every entry of `page`'s session history. Chromium tells them over CDP; elsewhere
 * they are walked back to the first one and forward again (each entry is visited).
 */
export async function historyUrls(context, page) {
  if (BROWSER === 'chromium') {
    const cdp = await context.newCDPSession(page);
    const { entries } = await cdp.send('Page.getNavigationHistory');
    await cdp.detach();
    return entries.map((entry) => entry.url);
  }
  const length = await page.evaluate(() => history.length);
  const urls = [page.url()];
  // Each step waits for its page to load: the next navigation may otherwise meet a tab that is
  // still moving to another process (the entries cross origins).
  for (let i = 1; i < length; i += 1) {
    await page.goBack({ waitUntil: 'load' });
    urls.unshift(page.url());
  }
  for (let i = 1; i < length; i += 1) await page.goForward({ waitUntil: 'load' });
  return urls;
}
