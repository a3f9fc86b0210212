// The popup sign-in, the library's auth.signInWithPopup() and popupCallback(): the callback page
// hands the URL to its opener by postMessage (and a same-origin BroadcastChannel); the opener
// accepts it only from its own origin and from the popup it opened, with its own state. Also
// with the popup blocker on, and with the demo served with `Cross-Origin-Opener-Policy:
// same-origin`, which cuts the popup off from its opener.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoTokenInConsole } from '../support/assertions.mjs';
import { DEMO_URL, STATE_KEY, openSuite, passOAuthPages, storedToken } from '../support/demo.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { startStaticServer } from '../support/static-server.mjs';

const MESSAGE_TYPE = 'wpcom-wasm:popup';

// A page on another origin that posts a forged callback to the window that frames it.
const EVIL_PAGE = `<!doctype html><title>evil</title><script>
  const url = new URLSearchParams(location.search).get('url');
  parent.postMessage({ type: ${JSON.stringify(MESSAGE_TYPE)}, url }, '*');
  document.title = 'sent';
</script>`;

// A page that tries to open a window without any click.
const OPEN_ON_LOAD = `<!doctype html><title>?</title><script>
  document.title = window.open('about:blank', '_blank', 'popup') ? 'opened' : 'blocked';
</script>`;

let suite;
let evil;
before(async () => {
  suite = await openSuite();
  evil = await startStaticServer({
    port: 0,
    routes: {
      '/evil.html': { type: 'text/html; charset=utf-8', body: EVIL_PAGE },
      '/open-on-load.html': { type: 'text/html; charset=utf-8', body: OPEN_ON_LOAD },
    },
  });
});
after(async () => {
  await evil?.close();
  await suite?.close();
});

/** Clicks "Connect in a popup"; resolves with the popup once it shows the emulator's page. */
async function openPopup(context, page) {
  const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#connect-popup')]);
  await popup.waitForURL((url) => url.href.startsWith(`${suite.emulator.url}/oauth2/authorize`));
  return popup;
}

test('popup flow end to end: the opener gets the token, its own address untouched', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  const popup = await openPopup(context, page);
  const authorize = new URL(popup.url());
  assert.equal(authorize.searchParams.get('redirect_uri'), `${DEMO_URL}callback.html`);
  assert.equal(authorize.searchParams.get('scope'), 'global');

  const closed = popup.waitForEvent('close');
  await passOAuthPages(popup, { user: 'alice' });
  await closed;
  await page.locator('#profile-username').waitFor();
  assert.equal(await page.textContent('#profile-username'), '@alice');
  assert.equal(page.url(), DEMO_URL);
  assert.ok(await storedToken(page));
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), STATE_KEY), null, 'the state was used up');
  await page.locator('#site-list .site').first().waitFor();
  await context.close();
});

test('a forged callback from another origin, a same-origin frame, the page itself or the popup on another origin is ignored', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  const popup = await openPopup(context, page);
  const state = new URL(popup.url()).searchParams.get('state');
  // The forgery even carries the right state: only the origin and source checks stop it.
  const forged = `${DEMO_URL}callback.html#access_token=forged-token&expires_in=3600&token_type=bearer&site_id=0&scope=global&state=${encodeURIComponent(state)}`;

  const apiCalls = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${suite.emulator.url}/rest/`)) apiCalls.push(request.url());
  });

  // 1. A frame from another origin; 2. a frame on our own origin, which is not the popup.
  const addFrame = (props) =>
    page.evaluate(
      (p) =>
        new Promise((resolve) => {
          const frame = document.createElement('iframe');
          frame.onload = resolve;
          Object.assign(frame, p);
          document.body.append(frame);
        }),
      props,
    );
  await addFrame({ src: `${evil.url}/evil.html?url=${encodeURIComponent(forged)}` });
  await addFrame({ srcdoc: `<script>parent.postMessage(${JSON.stringify({ type: MESSAGE_TYPE, url: forged })}, '*')</script>` });
  // 3. The page posting to itself.
  await page.evaluate(([type, url]) => window.postMessage({ type, url }, window.location.origin), [MESSAGE_TYPE, forged]);
  // 4. The popup itself while it shows another origin's page (the right window, the wrong origin).
  await popup.evaluate(([type, url]) => window.opener.postMessage({ type, url }, '*'), [MESSAGE_TYPE, forged]);
  await page.waitForTimeout(500);

  assert.deepEqual(apiCalls, [], 'the forged token was never used');
  assert.equal(await storedToken(page), null, 'no forged token stored');
  assert.ok(await page.locator('#signed-out').isVisible(), 'still signed out');
  assert.ok(await page.locator('#banner').isHidden(), 'ignored silently');
  const pending = await page.evaluate((key) => sessionStorage.getItem(key), STATE_KEY);
  assert.ok(pending?.startsWith(`${state}:`), `the state is still pending: ${pending}`);

  // The real popup still completes, with the real token.
  const closed = popup.waitForEvent('close');
  await passOAuthPages(popup, { user: 'alice' });
  await closed;
  await page.locator('#profile-username').waitFor();
  const stored = await storedToken(page);
  assert.ok(stored && !stored.includes('forged-token'));
  await context.close();
});

test('with the popup blocker on, a click signs in through the popup (window.open runs inside the click)', async () => {
  const browser = await launchBrowser({ popupBlocker: true });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(DEMO_URL);
    // Control: the blocker is on — a window.open outside a user gesture is refused.
    const control = await context.newPage();
    await control.goto(`${evil.url}/open-on-load.html`);
    assert.equal(await control.title(), 'blocked', 'the popup blocker is active');
    await control.close();
    const popup = await openPopup(context, page);
    assert.ok(popup.url().startsWith(`${suite.emulator.url}/oauth2/authorize`));
    const closed = popup.waitForEvent('close');
    await passOAuthPages(popup, { user: 'alice' });
    await closed;
    await page.locator('#profile-username').waitFor();
    assert.equal(await page.textContent('#profile-username'), '@alice');
    assert.ok(await page.locator('#banner').isHidden(), 'no "popup blocked" message');
  } finally {
    await browser.close();
  }
});

test('with Cross-Origin-Opener-Policy: same-origin, the answer comes over the channel and signs in', async () => {
  suite.demo.headers['cross-origin-opener-policy'] = 'same-origin';
  try {
    const context = await suite.newContext();
    const page = await context.newPage();
    const response = await page.goto(DEMO_URL);
    assert.equal(response.headers()['cross-origin-opener-policy'], 'same-origin');
    const popup = await openPopup(context, page);
    // COOP has cut the popup off from its opener (which, in turn, reads it as closed).
    assert.equal(await popup.evaluate(() => window.opener), null, 'no opener under COOP');
    await passOAuthPages(popup, { user: 'alice' });
    await page.locator('#profile-username').waitFor();
    assert.equal(await page.textContent('#profile-username'), '@alice');
    assert.ok(await storedToken(page));
    assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), STATE_KEY), null, 'the state was used up');
    assert.ok(await page.locator('#banner').isHidden(), 'no popup_closed although the handle read closed');
    await popup.waitForEvent('close', { timeout: 10_000 }).catch(() => {});
    assert.ok(popup.isClosed(), 'the callback closed itself once the opener took its URL');
    await context.close();
  } finally {
    delete suite.demo.headers['cross-origin-opener-policy'];
  }
});

test('denying in the popup: the opener says so, nothing stored', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  const popup = await openPopup(context, page);
  const closed = popup.waitForEvent('close');
  await passOAuthPages(popup, { user: 'alice', decision: 'deny' });
  await closed;
  await page.locator('#banner[data-kind="denied"]').waitFor();
  assert.match(await page.textContent('#banner'), /You declined to connect/);
  assert.equal(await storedToken(page), null);
  await context.close();
});

test('closing the popup before finishing says so', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  const popup = await openPopup(context, page);
  await popup.close();
  await page.locator('#banner[data-kind="popup"]').waitFor();
  assert.match(await page.textContent('#banner'), /closed before it finished/);
  assert.equal(await storedToken(page), null);
  await context.close();
});

test('the callback page opened on its own explains itself and keeps no token in the address', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(`${DEMO_URL}callback.html#access_token=abc&state=xyz`);
  // popupCallback() waits a few seconds for an opener to take the URL, then says so.
  await page.waitForFunction(() => document.getElementById('callback-title').textContent === 'Nothing to finish here');
  assert.equal(page.url(), `${DEMO_URL}callback.html`);
  await context.close();
});

test('no console message carried an access token, and no page error happened', () => {
  assertNoTokenInConsole(suite);
});
