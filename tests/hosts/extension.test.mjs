// The MV3 extension of examples/extension, loaded unpacked in headless Chromium: its service
// worker loads the wasm from an extension URL, signs in with auth.signInWithExtension() (the
// browser's chrome.identity.launchWebAuthFlow, the redirect URI left to getRedirectURL()),
// keeps the token in chrome.storage (storage: 'extension') and calls me() on the emulator; a
// stopped-and-restarted worker restores the token; the popup shows the profile.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  PKG, CHROMIUM, CHROMIUM_ARGS, requireBuilt, tempRoot, startEmulator, copyExample,
} from './support.mjs';
import { devKey, extensionId } from './extension-key.mjs';
import { stubAvatars } from './oauth.mjs';

const CLIENT_ID = '5003';
const ALICE = { display_name: 'Alice Anderson', username: 'alice', email: 'alice@example.com' };

/// Copies the example, the package's web build into ./wpcom-wasm, the emulator into config.js
/// and a development `key` into the manifest (a fixed extension id). `defaultCsp` drops the
/// manifest's CSP, leaving MV3's default one.
function prepareExtension(dest, { apiBase, defaultCsp = false } = {}) {
  const dir = copyExample('extension', dest);
  cpSync(join(PKG, 'web'), join(dir, 'wpcom-wasm'), { recursive: true });
  const key = devKey();
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.key = key;
  if (defaultCsp) delete manifest.content_security_policy;
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'config.js'), `export const config = ${JSON.stringify({
    clientId: CLIENT_ID, scope: 'global', apiBase, oauthBase: apiBase,
  })};\n`);
  return { dir, id: extensionId(key) };
}

/// Chromium with only this extension; `--headless=new` is the mode that runs extensions.
async function launchWithExtension(dir) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tempRoot(), 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  context.problems = [];
  context.on('console', (m) => {
    // The browser's own favicon fetch for the emulator's log-in window is nobody's code.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) context.problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  context.on('weberror', (e) => context.problems.push(`error: ${e.error().message}`));
  return context;
}

async function serviceWorker(context, id) {
  const url = `chrome-extension://${id}/service-worker.js`;
  const found = context.serviceWorkers().find((w) => w.url() === url);
  return found ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url() === url, timeout: 10_000 });
}

/// Opens the popup as a tab and waits until it drew a state; returns the page.
async function openPopup(context, id) {
  const page = await context.newPage();
  await stubAvatars(page);
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.waitForSelector('body:not([data-state="loading"])', { timeout: 15_000 });
  return page;
}

async function popupState(page) {
  return page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.getElementById('status').textContent,
    fields: Object.fromEntries([...document.querySelectorAll('[data-field]')].map((e) => [e.dataset.field, e.textContent])),
  }));
}

/// Clicks a popup button that asks the service worker something, and waits for the new state.
async function clickAndSettle(page, selector) {
  await page.evaluate(() => { document.body.dataset.state = 'loading'; });
  await page.click(selector);
  await page.waitForSelector('body:not([data-state="loading"])', { timeout: 20_000 });
  return popupState(page);
}

describe('MV3 extension', () => {
  let emulator, context, ext;

  before(async () => {
    requireBuilt();
    emulator = await startEmulator();
    ext = prepareExtension(join(tempRoot(), 'extension'), { apiBase: emulator.base });
    await emulator.registerApp({
      clientId: CLIENT_ID,
      redirectUris: [`https://${ext.id}.chromiumapp.org/`],
      origins: [`chrome-extension://${ext.id}`],
    });
    context = await launchWithExtension(ext.dir);
  });
  after(async () => {
    await context?.close();
    await emulator?.stop();
  });

  test('loads with a fixed id; the wasm compiles under the manifest CSP', async () => {
    // Service workers refuse import() at run time; none may hide in a rarely taken path.
    for (const f of ['service-worker.js', 'config.js', 'wpcom-wasm/wpcom_wasm.js']) {
      const code = readFileSync(join(ext.dir, f), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      assert.doesNotMatch(code, /\bimport\s*\(/, f);
    }
    const sw = await serviceWorker(context, ext.id);
    const info = await sw.evaluate(() => ({ redirect: chrome.identity.getRedirectURL(), hasWindow: typeof window !== 'undefined' }));
    assert.deepEqual(info, { redirect: `https://${ext.id}.chromiumapp.org/`, hasWindow: false });
    const popup = await openPopup(context, ext.id);
    assert.equal((await popupState(popup)).state, 'signed-out');
    await popup.close();
    assert.deepEqual(context.problems, []);
  });

  test('signInWithExtension through launchWebAuthFlow (answered with a minted token) stores the token in chrome.storage', async () => {
    const sw = await serviceWorker(context, ext.id);
    const token = await emulator.mintToken({ user: 'alice', clientId: CLIENT_ID });
    // Stands in for WordPress.com's sign-in window: answers with the redirect it would send.
    await sw.evaluate((token) => {
      self.realLaunchWebAuthFlow ??= chrome.identity.launchWebAuthFlow;
      self.authorizeUrls = [];
      chrome.identity.launchWebAuthFlow = async ({ url, interactive }) => {
        self.authorizeUrls.push(url);
        self.interactive = interactive;
        const sent = new URL(url);
        const back = new URLSearchParams({
          access_token: token, expires_in: '3600', token_type: 'bearer', site_id: '0', scope: 'global',
          state: sent.searchParams.get('state'),
        });
        return `${sent.searchParams.get('redirect_uri')}#${back}`;
      };
    }, token);

    const popup = await openPopup(context, ext.id);
    const after = await clickAndSettle(popup, '#sign-in');
    assert.equal(after.state, 'signed-in', after.status);
    assert.deepEqual(after.fields, ALICE);

    const stored = await sw.evaluate(() => chrome.storage.local.get(null));
    const sent = new URL((await sw.evaluate(() => self.authorizeUrls))[0]);
    assert.equal(sent.searchParams.get('redirect_uri'), `https://${ext.id}.chromiumapp.org/`);
    assert.equal(sent.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(await sw.evaluate(() => self.interactive), true);
    // The adapter round-trip: the token went to chrome.storage.local, the used state left it.
    assert.deepEqual(Object.keys(stored), [`wpcom-wasm:${CLIENT_ID}:token`]);
    const value = String(stored[`wpcom-wasm:${CLIENT_ID}:token`]);
    assert.ok(value.includes(token) || new URLSearchParams(value).get('access_token') === token, 'the stored token is the minted one');
    await sw.evaluate(() => { chrome.identity.launchWebAuthFlow = self.realLaunchWebAuthFlow; });
    await popup.close();
    assert.deepEqual(context.problems, []);
  });

  test('a restarted service worker restores the token from chrome.storage and calls me()', async () => {
    const before = await serviceWorker(context, ext.id);
    await before.evaluate(() => { self.marker = 'first run'; });
    const popupForCdp = await context.newPage();
    const cdp = await context.newCDPSession(popupForCdp);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popupForCdp.close();

    const popup = await openPopup(context, ext.id); // its 'profile' message starts the worker
    const state = await popupState(popup);
    assert.equal(state.state, 'signed-in', state.status);
    assert.deepEqual(state.fields, ALICE);
    const sw = await serviceWorker(context, ext.id);
    assert.equal(await sw.evaluate(() => self.marker), undefined, 'the worker was restarted');

    const afterSignOut = await clickAndSettle(popup, '#sign-out');
    assert.equal(afterSignOut.state, 'signed-out');
    assert.deepEqual(await sw.evaluate(() => chrome.storage.local.get(null)), {});
    await popup.close();
    assert.deepEqual(context.problems, []);
  });

  test('real launchWebAuthFlow: the emulator\'s log-in window, driven like a user', async () => {
    const popup = await openPopup(context, ext.id);
    const authWindow = context.waitForEvent('page', { predicate: (p) => p.url().startsWith(emulator.base), timeout: 15_000 });
    await popup.evaluate(() => { document.body.dataset.state = 'loading'; });
    await popup.click('#sign-in');
    const login = await authWindow;
    await login.waitForLoadState();
    await login.fill('#user_login', 'alice');
    await login.fill('#user_pass', 'alice-password');
    await login.click('#wp-submit');
    // After logging in the emulator asks to approve the app (as WordPress.com does).
    const approve = login.locator('#approve, button[name="action"][value="approve"], input[name="approve"], button:has-text("Approve")').first();
    await approve.click({ timeout: 10_000 });
    await popup.waitForSelector('body:not([data-state="loading"])', { timeout: 20_000 });
    const after = await popupState(popup);
    assert.equal(after.state, 'signed-in', after.status);
    assert.deepEqual(after.fields, ALICE);
    await popup.close();
    assert.deepEqual(context.problems, []);
  });

  test('closing the sign-in window is popup_closed, and nothing is stored', async () => {
    const sw = await serviceWorker(context, ext.id);
    await sw.evaluate(() => {
      self.realLaunchWebAuthFlow ??= chrome.identity.launchWebAuthFlow;
      // What Chromium rejects with when the user closes the window.
      chrome.identity.launchWebAuthFlow = async () => { throw new Error('The user did not approve access.'); };
    });
    const popup = await openPopup(context, ext.id);
    if ((await popupState(popup)).state === 'signed-in') await clickAndSettle(popup, '#sign-out');
    const before = await sw.evaluate(() => chrome.storage.local.get(null));
    const after = await clickAndSettle(popup, '#sign-in');
    assert.equal(after.state, 'error');
    assert.match(after.status, /^popup_closed: /);
    const stored = await sw.evaluate(() => chrome.storage.local.get(null));
    assert.deepEqual(Object.keys(stored).filter((k) => k.endsWith(':token')), Object.keys(before).filter((k) => k.endsWith(':token')));
    await sw.evaluate(() => { chrome.identity.launchWebAuthFlow = self.realLaunchWebAuthFlow; });
    await popup.close();
    assert.deepEqual(context.problems, []);
  });
});

describe('MV3 extension with the default CSP (no \'wasm-unsafe-eval\')', () => {
  test('the wasm is refused and the popup shows the error (the CSP check above can fail)', async () => {
    requireBuilt();
    const emulator = await startEmulator();
    const ext = prepareExtension(join(tempRoot(), 'extension-default-csp'), { apiBase: emulator.base, defaultCsp: true });
    const context = await launchWithExtension(ext.dir);
    try {
      await serviceWorker(context, ext.id);
      const popup = await openPopup(context, ext.id);
      const state = await popupState(popup);
      assert.equal(state.state, 'error');
      assert.match(state.status, /WebAssembly.*Content Security polic.*'wasm-eval'/i);
    } finally {
      await context.close();
      await emulator.stop();
    }
  });
});
