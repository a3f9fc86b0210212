// Every error the demo shows in words, with its next step: a denied consent, a tampered
// state, a log-in-only token asking for sites, throttling and an unreachable API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoTokenInConsole } from '../support/assertions.mjs';
import { DEMO_URL, STATE_KEY, TOKEN_KEY, openSuite, passOAuthPages, screenshot, signIn, storedToken } from '../support/demo.mjs';

// How many times the client tries a GET before giving up (its default retry policy).
const CLIENT_ATTEMPTS = 3;

let suite;
before(async () => {
  suite = await openSuite();
});
after(async () => {
  await suite?.close();
});

/** The banner's kind and text once it shows. */
async function banner(page) {
  await page.locator('#banner:not([hidden])').waitFor();
  return { kind: await page.getAttribute('#banner', 'data-kind'), text: await page.textContent('#banner') };
}

test('denying consent: "you declined", a Try again button, nothing stored', async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  await page.click('#connect-redirect');
  await passOAuthPages(page, { user: 'alice', decision: 'deny' });
  await page.waitForURL((url) => url.href.startsWith(DEMO_URL));
  const { kind, text } = await banner(page);
  assert.equal(kind, 'denied');
  assert.match(text, /You declined to connect/);
  assert.match(await page.textContent('.banner__action'), /Try again/);
  assert.equal(page.url(), DEMO_URL, 'the error fragment is scrubbed too');
  assert.equal(await storedToken(page), null);
  assert.ok(await page.locator('#connect-redirect').isVisible());
  await screenshot(page, 'error-denied', { fullPage: false });

  // Try again leads back to the connect buttons, banner gone.
  await page.click('.banner__action');
  assert.ok(await page.locator('#banner').isHidden());
  await context.close();
});

test('a tampered state is refused and nothing is stored', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  await page.click('#connect-redirect');
  await page.waitForURL((url) => url.href.startsWith(`${suite.emulator.url}/oauth2/authorize`));
  const tampered = new URL(page.url());
  const original = tampered.searchParams.get('state');
  tampered.searchParams.set('state', `${original.slice(0, -2)}xx`);
  await page.goto(tampered.href);
  await passOAuthPages(page, { user: 'alice' });
  await page.waitForURL((url) => url.href.startsWith(DEMO_URL));
  const { kind, text } = await banner(page);
  assert.equal(kind, 'refused');
  assert.match(text, /refused/);
  assert.match(text, /nothing was stored/);
  assert.equal(page.url(), DEMO_URL);
  assert.equal(await storedToken(page), null, 'no token stored');
  // A state that matches no pending sign-in leaves the genuine one pending (it could still
  // complete); it is not used up by a forgery.
  const pending = await page.evaluate((key) => sessionStorage.getItem(key), STATE_KEY);
  assert.ok(pending?.startsWith(`${original}:`), `the genuine sign-in is still pending: ${pending}`);
  assert.ok(suite.seenTokens().length > 0, 'the emulator did issue a token, which the demo refused');
  assert.ok(await page.locator('#signed-out').isVisible());
  await context.close();
});

test('a log-in-only token: the profile shows, the sites panel explains why there are no sites', async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  await page.click('#connect-login');
  await page.waitForURL((url) => url.href.startsWith(`${suite.emulator.url}/oauth2/authenticate`));
  assert.equal(new URL(page.url()).searchParams.get('scope'), 'auth');
  await passOAuthPages(page, { user: 'alice' });
  await page.locator('#profile-username').waitFor();
  assert.match(await page.textContent('#token-scope'), /log-in only/);
  await page.locator('#sites-refused').waitFor();
  assert.match(await page.textContent('#sites-refused'), /log-in-only connection can't list sites — connect with full access/);
  assert.ok(await page.locator('#posts').isHidden());
  assert.ok(await page.locator('#banner').isHidden(), 'an expected refusal, not an error banner');
  await screenshot(page, 'login-only', { fullPage: false });

  // Its button upgrades to full access: the authorize page, scope=global.
  await page.click('#sites-refused button');
  await page.waitForURL((url) => url.href.startsWith(`${suite.emulator.url}/oauth2/authorize`));
  assert.equal(new URL(page.url()).searchParams.get('scope'), 'global');
  await context.close();
});

test('throttling: "limiting requests", and Retry loads the sites once it passes', async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#site-list').waitFor();
  // As many throttled answers as the client tries a GET (3 by default); GET only, so CORS
  // preflights are not hit.
  await suite.emulator.queueFaults({ path: '/rest/v1.1/me/sites', method: 'GET', count: CLIENT_ATTEMPTS, fault: { kind: 'limit_reached' } });
  await page.reload();
  const { kind, text } = await banner(page);
  assert.equal(kind, 'rate-limited');
  assert.match(text, /limiting requests/);
  assert.match(text, /Wait a minute/);
  await screenshot(page, 'error-rate-limited', { fullPage: false });
  assert.deepEqual(await suite.emulator.pendingFaults(), [], 'every attempt was throttled, none is left');

  await page.click('.banner__action');
  await page.locator('#site-list').waitFor();
  assert.ok(await page.locator('#banner').isHidden());
  await context.close();
});

test('an unreachable API: "could not be reached", with a Retry that works once it is back', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#post-list .post').first().waitFor();
  // The browser goes offline: fetch fails as it does when the host is down or unreachable.
  await context.setOffline(true);
  await page.click('#posts-refresh');
  const { kind, text } = await banner(page);
  assert.equal(kind, 'network');
  assert.match(text, /could not be reached/);
  assert.ok(text.includes(suite.emulator.url), 'names the API host');
  await context.setOffline(false);
  await page.click('.banner__action');
  await page.locator('#post-list .post').first().waitFor();
  assert.ok(await page.locator('#banner').isHidden());
  await context.close();
});

test('a token the server no longer accepts: the reconnect prompt, and the token is dropped', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#site-list').waitFor();
  // Corrupt the stored token so the server answers invalid_token.
  await page.evaluate((key) => {
    const stored = sessionStorage.getItem(key);
    const params = new URLSearchParams(stored);
    params.set('access_token', 'revoked-token-value');
    sessionStorage.setItem(key, params.toString());
  }, TOKEN_KEY);
  await page.reload();
  const { kind, text } = await banner(page);
  assert.equal(kind, 'expired');
  assert.match(text, /Reconnect/);
  assert.equal(await storedToken(page), null);
  assert.ok(await page.locator('#signed-out').isVisible());
  await context.close();
});

test('the WebAssembly module cannot be fetched: "could not start", and Reload works once it can', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await context.route(/\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto(DEMO_URL);
  const { kind, text } = await banner(page);
  assert.equal(kind, 'network');
  assert.match(text, /could not start/);
  assert.ok(await page.locator('#loading').isHidden(), 'no "Loading…" beside it');
  await context.unroute(/\.wasm$/);
  await page.click('#banner .banner__action');
  await page.locator('#connect-redirect').waitFor();
  assert.ok(await page.locator('#banner').isHidden(), 'loaded: no banner');
  await context.close();
});

test('429 with a Retry-After the page may not read: rate-limited, and no console error', async () => {
  // The emulator, like WordPress.com as far as anyone knows, exposes no response header to the
  // page. Reading one anyway (getResponseHeader) makes Chromium log "Refused to get unsafe
  // header" as a console error on every failed call.
  const context = await suite.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#site-list').waitFor();
  const before = suite.log.console.length;
  await suite.emulator.queueFaults({ path: '/rest/v1.1/me/sites', method: 'GET', count: CLIENT_ATTEMPTS, fault: { kind: 'status', status: 429, retry_after: 1 } });
  await page.reload();
  const { kind } = await banner(page);
  assert.equal(kind, 'rate-limited');
  assert.deepEqual(await suite.emulator.pendingFaults(), [], 'each attempt met its 429');
  const logged = suite.log.console.slice(before).filter((m) => /unsafe header|Retry-After/i.test(m));
  assert.deepEqual(logged, [], 'no console message about reading a header');
  await context.close();
});

test('no console message carried an access token, and no page error happened', () => {
  assertNoTokenInConsole(suite);
});
