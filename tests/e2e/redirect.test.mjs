// The redirect sign-in through the emulator's log-in and consent pages, what the address bar
// and the history keep afterwards, and how long the session lasts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_URL, PHONE, TOKEN_KEY, historyUrls, openSuite, passOAuthPages, screenshot, signIn, storedToken } from '../support/demo.mjs';
import { assertNoTokenInConsole } from '../support/assertions.mjs';

let suite;
before(async () => {
  suite = await openSuite();
});
after(async () => {
  await suite?.close();
});

test('after the redirect, the next navigation carries no token in document.referrer or the Referer header', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#profile-username').waitFor();
  const sent = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) sent.push(request.headers().referer ?? '');
  });
  // A same-origin navigation: the one that would get the fullest referrer.
  await page.evaluate(() => location.assign('/config.js?next-page'));
  await page.waitForURL((url) => url.pathname === '/config.js');
  const referrer = await page.evaluate(() => document.referrer);
  assert.equal(referrer, DEMO_URL, 'the referrer is the scrubbed demo address');
  assert.ok(sent.length > 0, 'the navigation request was seen');
  const tokens = suite.seenTokens();
  assert.ok(tokens.length > 0, 'the sign-in carried a token');
  for (const value of [referrer, ...sent, page.url()]) {
    assert.ok(!value.includes('access_token'), `no token parameter in ${value}`);
    for (const token of tokens) assert.ok(!value.includes(token) && !value.includes(encodeURIComponent(token)));
  }
  await context.close();
});

test('the signed-out page offers the three ways to connect', async () => {
  for (const [name, options] of [['signed-out', { viewport: { width: 1280, height: 800 } }], ['signed-out-phone', PHONE]]) {
    const context = await suite.newContext(options);
    const page = await context.newPage();
    await page.goto(DEMO_URL);
    await page.locator('#signed-out').waitFor();
    for (const id of ['#connect-redirect', '#connect-popup', '#connect-login']) {
      assert.ok(await page.locator(id).isVisible(), `${id} is visible`);
    }
    assert.match(await page.locator('#target').textContent(), /local emulator/);
    assert.match(await page.locator('#demo-logins').textContent(), /alice-password/);
    await screenshot(page, name);
    await context.close();
  }
});

test('redirect flow: log-in and consent pages, then the profile, with no token left in the address or the history', async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  await page.click('#connect-redirect');
  await page.waitForURL((url) => url.href.startsWith(`${suite.emulator.url}/oauth2/authorize`));
  const authorize = new URL(page.url());
  assert.equal(authorize.searchParams.get('client_id'), '1234');
  assert.equal(authorize.searchParams.get('redirect_uri'), DEMO_URL);
  assert.equal(authorize.searchParams.get('response_type'), 'token');
  assert.equal(authorize.searchParams.get('scope'), 'global');
  assert.ok((authorize.searchParams.get('state') || '').length >= 22, 'a state of at least 128 bits');

  await passOAuthPages(page, { user: 'alice' });
  await page.waitForURL((url) => url.href.startsWith(DEMO_URL));
  await page.locator('#profile-username').waitFor();

  // The redirect carried a token, and it is gone from the address bar.
  assert.ok(suite.seenTokens().length > 0, 'the emulator redirected with a token');
  assert.equal(page.url(), DEMO_URL, 'no fragment left in the address');
  assert.equal(await page.textContent('#profile-name'), 'Alice Anderson');
  assert.equal(await page.textContent('#profile-username'), '@alice');
  assert.match(await page.textContent('#profile-email'), /alice@example\.com.*verified/);
  assert.match(await page.textContent('#token-scope'), /global/);
  assert.match(await page.textContent('#time-left'), /^13 d 23 h/);
  await page.locator('#site-list .site').first().waitFor();
  assert.ok((await page.locator('#site-list .site').count()) >= 2, 'alice has several sites');
  assert.match(await page.textContent('.site--selected'), /Example Blog/);

  // Every history entry of this tab, as the browser keeps them: none holds the token.
  const entries = await historyUrls(context, page);
  const tokens = suite.seenTokens();
  for (const url of entries) {
    assert.ok(!/access_token/.test(url), `history entry without a token: ${url}`);
    for (const token of tokens) assert.ok(!url.includes(encodeURIComponent(token)) && !url.includes(token));
  }
  assert.ok(entries.some((url) => url.startsWith(`${suite.emulator.url}/oauth2/`)), 'the OAuth pages are in the history');
  assert.equal(entries[entries.length - 1], DEMO_URL, 'the last entry is the clean demo address');

  // Going back shows the consent page (or whatever came before), never a URL with the token;
  // going forward again lands on the clean demo address, still signed in.
  await page.goBack({ waitUntil: 'commit' }).catch(() => {});
  assert.ok(!page.url().includes('access_token'), `back: ${page.url()}`);
  // Back crossed to the emulator's origin, so Chromium may have moved the tab to a new renderer
  // process: going forward before that page settles can fail with "Not attached to an active page".
  await page.waitForLoadState('load');
  await page.goForward({ waitUntil: 'load' }).catch(() => {});
  assert.equal(page.url(), DEMO_URL);
  await page.locator('#profile-username').waitFor();
  await screenshot(page, 'profile-sites');
  await context.close();
});

test('reload keeps the session (sessionStorage); a new browser context does not', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  assert.ok(await storedToken(page), 'the token is in sessionStorage');

  const oauthVisits = [];
  page.on('request', (request) => {
    if (request.url().includes('/oauth2/')) oauthVisits.push(request.url());
  });
  await page.reload();
  await page.locator('#profile-username').waitFor();
  assert.equal(await page.textContent('#profile-username'), '@alice');
  assert.deepEqual(oauthVisits, [], 'no new sign-in on reload');

  const other = await suite.newContext();
  const fresh = await other.newPage();
  await fresh.goto(DEMO_URL);
  await fresh.locator('#connect-redirect').waitFor();
  assert.ok(await fresh.locator('#signed-out').isVisible());
  assert.ok(!(await fresh.locator('#signed-in').isVisible()));
  assert.equal(await fresh.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY), null);
  await other.close();
  await context.close();
});

test('sign out forgets the token', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.click('#sign-out');
  await page.locator('#connect-redirect').waitFor();
  assert.equal(await storedToken(page), null);
  await page.reload();
  await page.locator('#connect-redirect').waitFor();
  assert.ok(!(await page.locator('#signed-in').isVisible()));
  await context.close();
});

test('an unverified email is marked, and an account without sites says so', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await signIn(page, { user: 'bob' });
  assert.match(await page.textContent('#email-status'), /not verified/);
  assert.match(await page.textContent('#profile'), /hasn't verified this address/);
  await page.click('#sign-out');

  const carolContext = await suite.newContext();
  const carol = await carolContext.newPage();
  await signIn(carol, { user: 'carol' });
  await carol.locator('#no-sites').waitFor();
  assert.match(await carol.textContent('#email-status'), /✓ verified/);
  assert.ok(!(await carol.locator('#posts').isVisible()), 'no posts panel without a site');
  await carolContext.close();
  await context.close();
});

test('on a phone-sized screen the profile and sites read well', async () => {
  const context = await suite.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#site-list .site').first().waitFor();
  await page.locator('#post-list .post').first().waitFor();
  // Nothing wider than the screen: no sideways scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows the phone width by ${overflow}px`);
  await screenshot(page, 'profile-sites-phone', { fullPage: false });
  await context.close();
});

test('no console message carried an access token, and no page error happened', () => {
  assertNoTokenInConsole(suite);
});
