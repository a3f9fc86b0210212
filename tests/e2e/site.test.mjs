// "Connect a WordPress site": the demo's second way in, against a real WordPress 6.1
// (scripts/wordpress.sh) through its own wp-login.php and Authorize Application pages — approve,
// reject, revoke — and the application password nowhere it should not be: the address bar, the
// session history, the referrer of later requests, the console.
//
// Skipped, with the reason, only when WordPress's Debian packages cannot be installed here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_URL, historyUrls, openSuite, screenshot } from '../support/demo.mjs';
import { approveInBrowser, startWordPressOrSkip, wordpressConfig } from '../support/wordpress.mjs';

const { wp, skip } = await startWordPressOrSkip();

const DEMO_ORIGIN = new URL(DEMO_URL).origin;
/** Every application password a redirect carried (never printed). */
const passwords = new Set();
/** Posts the tests created, deleted afterwards so the site stays as seeded. */
const createdPosts = [];
let suite;

before(async () => {
  if (skip) return;
  suite = await openSuite({ config: wordpressConfig(wp) });
});

after(async () => {
  if (wp && !skip) {
    for (const id of createdPosts) await wp.rest('DELETE', `/wp/v2/posts/${id}?force=true`, { user: 'admin' }).catch(() => {});
    // The demo's passwords a test left (a failed one): revoked with the seeded ones.
    for (const user of ['admin', 'author']) {
      const list = await wp.rest('GET', '/wp/v2/users/me/application-passwords', { user }).catch(() => null);
      for (const item of (list && Array.isArray(list.body) && list.body) || []) {
        if (item.name.startsWith('wpcom-wasm demo')) {
          await wp.rest('DELETE', `/wp/v2/users/me/application-passwords/${item.uuid}`, { user }).catch(() => {});
        }
      }
    }
  }
  await suite?.close();
  await wp?.stop();
});

/** The forms a password could leak in: as shown, percent-encoded, `+` for spaces, without spaces. */
function leakForms(password) {
  return [password, encodeURIComponent(password), password.replace(/ /g, '+'), password.replace(/ /g, '')];
}

/** Whether `text` holds any password seen so far, in any form. */
function holdsPassword(text) {
  return [...passwords].some((password) => leakForms(password).some((form) => text.includes(form)));
}

/** The password in the URL WordPress sent the browser to (its parameters are in the fragment). */
function passwordIn(url) {
  const parsed = new URL(url);
  for (const part of [parsed.hash.slice(1), parsed.search.slice(1)]) {
    const value = new URLSearchParams(part).get('password');
    if (value) return value;
  }
  return null;
}

/** Basic-auth `GET /wp/v2/users/me` with `admin`'s `password`, from outside the browser. */
function meWith(password) {
  return wp.rest('GET', '/wp/v2/users/me', { user: { login: 'admin', password } });
}

/** The seeded admin's application passwords whose name is the demo's. */
async function demoPasswords() {
  const list = await wp.rest('GET', '/wp/v2/users/me/application-passwords', { user: 'admin' });
  assert.equal(list.status, 200);
  return list.body.filter((item) => item.name.startsWith('wpcom-wasm demo'));
}

/**
 * Opens the demo, submits the (prefilled) address, and goes through wp-login.php and the
 * Authorize Application page with `decision`. Resolves with `{ authorize, redirect, password }`:
 * the Authorize Application URL the demo sent the browser to, and the URL WordPress sent it back
 * to (with the password, when approved).
 */
async function connect(page, { decision = 'approve', user = 'admin' } = {}) {
  await page.goto(DEMO_URL);
  await page.locator('#site-door').waitFor();
  assert.equal(await page.inputValue('#site-address'), wp.url, 'the address is the local WordPress');
  const asked = page.waitForRequest((request) => request.url().includes('/wp-admin/authorize-application.php'), { timeout: 15_000 });
  await page.click('#site-submit');
  const authorize = new URL((await asked).url());
  const redirect = await approveInBrowser(page, { user, decision });
  assert.ok(redirect && redirect.startsWith(DEMO_URL), 'WordPress sent the browser back to the demo');
  const password = passwordIn(redirect);
  if (password) passwords.add(password);
  await page.waitForURL((url) => url.href.startsWith(DEMO_URL));
  return { authorize, redirect, password };
}

test('the signed-out page offers "Connect a WordPress site", prefilled with the local WordPress', { skip }, async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  await page.locator('#site-door').waitFor();
  assert.ok(await page.locator('#connect-redirect').isVisible(), 'the WordPress.com door is still there');
  assert.ok(await page.locator('#site-submit').isVisible());
  assert.equal(await page.inputValue('#site-address'), wp.url);
  assert.match(await page.textContent('#site-logins'), /admin.*admin-password/);
  assert.match(await page.textContent('#site-door'), /all of your rights on that site/);
  await screenshot(page, 'site-connect');
  await context.close();
});

test('approve: the site\'s profile and posts appear, a new post lands on WordPress, no password in the address, history or referrers', { skip }, async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  // Firefox would restore WordPress's wp-login.php from its back-forward cache when historyUrls
  // walks back, with no navigation that Playwright sees; a page with an `unload` listener is
  // never cached there.
  await context.addInitScript(() => window.addEventListener('unload', () => {}));
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request));

  const { authorize, redirect, password } = await connect(page);
  // What the demo asked for: its own page back, with a state, and a UUID for the app.
  assert.match(authorize.searchParams.get('app_id'), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.match(authorize.searchParams.get('app_name'), /^wpcom-wasm demo/);
  const successUrl = authorize.searchParams.get('success_url');
  assert.ok(successUrl.startsWith(`${DEMO_URL}?state=`), `success_url is the demo's page: ${successUrl}`);
  assert.ok(successUrl.endsWith('#'), 'the password is to arrive in the fragment');
  assert.ok(password, 'WordPress sent a password');
  assert.ok(new URL(redirect).hash.includes('password='), 'it came in the fragment');

  await page.locator('#site-view').waitFor();
  await page.waitForFunction(() => document.getElementById('wp-profile-name').textContent === 'Ada Admin');
  assert.equal(page.url(), DEMO_URL, 'the address bar is scrubbed');
  assert.equal(await page.textContent('#wp-profile-username'), '@admin');
  assert.equal(await page.textContent('#wp-login'), 'admin');
  assert.ok(await page.locator('#wp-disconnect').isVisible());
  assert.ok(!(await page.locator('#site-door').isVisible()), 'the door is closed while connected');
  assert.ok(!holdsPassword(await page.content()), 'the page shows no password');

  // The posts are WordPress's: the same first page, in the same order.
  const expected = await wp.rest('GET', '/wp/v2/posts?per_page=10', { user: 'admin' });
  await page.waitForFunction(() => document.querySelectorAll('#wp-posts-list .post').length > 0);
  const shown = await page.locator('#wp-posts-list .post').evaluateAll((rows) => rows.map((row) => Number(row.dataset.postId)));
  assert.deepEqual(shown, expected.body.map((post) => post.id));
  assert.match(await page.textContent('#wp-posts-status'), new RegExp(`10 of ${expected.headers.get('x-wp-total')} published posts`));
  const index = await wp.rest('GET', '/?_fields=name');
  await page.locator('#wp-site strong').waitFor();
  assert.equal(await page.textContent('#wp-site strong'), index.body.name, "the site's name, from its REST index");

  // A new post, through the form: WordPress has it, by admin, published.
  const title = `From the demo ${Date.now()}`;
  await page.fill('#wp-np-title', title);
  await page.fill('#wp-np-content', 'Written with an application password, from WebAssembly.');
  await page.click('#wp-np-submit');
  await page.locator('#wp-np-link').waitFor();
  assert.match(await page.textContent('#wp-np-result'), /^Published: “From the demo/);
  const id = Number(await page.locator('#wp-posts-list .post').first().getAttribute('data-post-id'));
  createdPosts.push(id);
  assert.equal(await page.locator('#wp-posts-list .post').first().locator('.post__title').textContent(), title);
  const stored = await wp.rest('GET', `/wp/v2/posts/${id}`, { user: 'admin' });
  assert.equal(stored.status, 200);
  assert.equal(stored.body.title.rendered, title);
  assert.equal(stored.body.status, 'publish');
  assert.equal(stored.body.author, wp.user('admin').id);
  assert.match(await page.textContent('#target'), /Connected to 127\.0\.0\.1:\d+ with an application password/);
  assert.equal(await page.textContent('#wp-posts-status'), `11 of ${Number(expected.headers.get('x-wp-total')) + 1} published posts`);
  await screenshot(page, 'site-connected');

  // Load more: the next page follows, without the post the new one pushed onto it twice.
  await page.click('#wp-posts-more');
  await page.waitForFunction(() => document.querySelectorAll('#wp-posts-list .post').length > 11);
  const all = await page.locator('#wp-posts-list .post').evaluateAll((rows) => rows.map((row) => row.dataset.postId));
  assert.equal(new Set(all).size, all.length, 'no post twice');
  const second = await wp.rest('GET', '/wp/v2/posts?per_page=10&page=2', { user: 'admin' });
  assert.deepEqual(all.slice(11).map(Number), second.body.map((post) => post.id).filter((postId) => !all.slice(0, 11).includes(String(postId))));

  // Every history entry of this tab: none holds the password; the last is the clean demo address.
  const entries = await historyUrls(context, page);
  for (const url of entries) assert.ok(!holdsPassword(url) && !/[?&#]password=/.test(url), 'a history entry holds the password');
  assert.ok(entries.some((url) => url.includes('/wp-admin/authorize-application.php')), 'the Authorize Application page is in the history');
  assert.equal(entries[entries.length - 1], DEMO_URL);
  await page.locator('#site-view').waitFor();

  // The referrer of every request (the demo's calls to the site included) holds no password, and
  // the demo's own requests send no more than its origin.
  const fromDemo = [];
  for (const request of requests) {
    const headers = await request.allHeaders().catch(() => request.headers());
    const referer = headers.referer || '';
    assert.ok(!holdsPassword(referer) && !referer.includes('password='), `a request's referrer holds the password (${request.url()})`);
    if (headers.origin === DEMO_ORIGIN && request.url().startsWith(wp.url)) fromDemo.push(referer);
  }
  assert.ok(fromDemo.length >= 2, 'the demo called the site');
  for (const referer of fromDemo) assert.ok(referer === '' || referer === DEMO_URL, `the demo's call sent the referrer ${referer}`);
  // The next page of the tab: its document.referrer is the scrubbed address, at most.
  await page.evaluate(() => location.assign('/config.js?next-page'));
  await page.waitForURL((url) => url.pathname === '/config.js');
  const referrer = await page.evaluate(() => document.referrer);
  assert.ok(referrer === '' || referrer === DEMO_URL, `document.referrer ${referrer}`);

  // The password stays in this tab's sessionStorage only.
  await page.goto(DEMO_URL);
  await page.locator('#wp-profile-username').waitFor();
  await page.click('#wp-disconnect');
  await page.locator('#site-door').waitFor();
  await context.close();
});

test('approve in a popup: the demo stays put, the popup hands the password over and closes; Disconnect revokes it', { skip }, async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (request) => requests.push(request));
  await page.goto(DEMO_URL);
  // The prefilled address is looked up ahead, so the window opens inside the click.
  await page.locator('#site-popup[data-ready="true"]').waitFor();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#site-popup')]);
  const closed = popup.waitForEvent('close', { timeout: 20_000 });
  assert.match(await page.textContent('#site-status'), /^Approve the connection in the popup/);
  const redirect = await approveInBrowser(popup, { user: 'author' });
  // WordPress sent the popup to the demo's callback.html, the password in the fragment.
  assert.ok(redirect.startsWith(`${DEMO_ORIGIN}/callback.html?state=`), redirect);
  const password = passwordIn(redirect);
  assert.ok(password && new URL(redirect).hash.includes('password='), 'the password came in the fragment');
  passwords.add(password);
  await closed;
  await page.locator('#site-view').waitFor();
  assert.equal(page.url(), DEMO_URL, 'the demo never left its page');
  await page.waitForFunction(() => document.getElementById('wp-login').textContent === 'author');
  await page.locator('#wp-profile-username').filter({ hasText: '@author' }).waitFor();
  assert.ok(!holdsPassword(await page.content()), 'the page shows no password');
  for (const url of await historyUrls(context, page)) assert.ok(!holdsPassword(url), 'a history entry holds the password');
  for (const request of requests) {
    const referer = (await request.allHeaders().catch(() => request.headers())).referer || '';
    assert.ok(!holdsPassword(referer), `a request's referrer holds the password (${request.url()})`);
  }
  assert.equal((await wp.rest('GET', '/wp/v2/users/me', { user: { login: 'author', password } })).status, 200);
  await page.click('#wp-disconnect');
  await page.locator('#site-door').waitFor();
  assert.equal((await wp.rest('GET', '/wp/v2/users/me', { user: { login: 'author', password } })).status, 401, 'revoked on the site');
  await context.close();
});

test('reject: the demo says the user declined (access_denied), and WordPress made no password', { skip }, async () => {
  const before = (await demoPasswords()).length;
  const context = await suite.newContext();
  const page = await context.newPage();
  const { password } = await connect(page, { decision: 'reject' });
  assert.equal(password, null);
  await page.locator('#banner[data-kind="denied"]').waitFor();
  const banner = await page.textContent('#banner');
  assert.match(banner, /You declined to connect the site\./);
  assert.match(banner, /\(access_denied\)/);
  assert.equal(page.url(), DEMO_URL, 'the address bar is scrubbed');
  assert.ok(await page.locator('#site-door').isVisible(), 'the door stays open');
  assert.ok(!(await page.locator('#site-view').isVisible()));
  assert.equal((await demoPasswords()).length, before, 'no application password was created');
  await context.close();
});

test('revoke: Disconnect deletes the password on the site, which refuses it afterwards', { skip }, async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const { password } = await connect(page);
  await page.locator('#wp-profile-username').waitFor();
  const accepted = await meWith(password);
  assert.equal(accepted.status, 200, 'the password opens the site');
  assert.equal(accepted.body.slug, 'admin');
  const named = await wp.rest('GET', '/wp/v2/users/me/application-passwords/introspect', { user: { login: 'admin', password } });
  assert.match(named.body.name, /^wpcom-wasm demo/);

  await page.click('#wp-disconnect');
  await page.locator('#banner[data-kind="info"]').waitFor();
  assert.match(await page.textContent('#banner'), /Disconnected from .*revoked/);
  assert.ok(await page.locator('#site-door').isVisible(), 'back to the doors');
  assert.ok(!(await page.locator('#site-view').isVisible()));
  assert.match(await page.textContent('#target'), /local emulator/, 'the top bar names the WordPress.com side again');

  const refused = await meWith(password);
  assert.equal(refused.status, 401, 'WordPress refuses the revoked password');
  assert.equal(refused.body.code, 'rest_not_logged_in');
  assert.ok(!(await demoPasswords()).some((item) => item.uuid === named.body.uuid), 'it is gone from the user\'s list');
  const kept = await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('wpcom-wasm:site:') && key.endsWith(':token')));
  assert.deepEqual(kept, [], 'the demo forgot it');
  await page.reload();
  await page.locator('#site-door').waitFor();
  assert.ok(!(await page.locator('#site-view').isVisible()), 'still disconnected after a reload');
  await context.close();
});

test('a password revoked on the site: the demo says the site no longer takes it, and forgets it', { skip }, async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const { password } = await connect(page);
  await page.locator('#wp-profile-username').waitFor();
  // The user revokes it on the site (Users → Profile → Application Passwords).
  const named = await wp.rest('GET', '/wp/v2/users/me/application-passwords/introspect', { user: { login: 'admin', password } });
  const deleted = await wp.rest('DELETE', `/wp/v2/users/me/application-passwords/${named.body.uuid}`, { user: 'admin' });
  assert.equal(deleted.status, 200);
  await page.reload();
  await page.locator('#banner[data-kind="expired"]').waitFor();
  const banner = await page.textContent('#banner');
  // WordPress 6.1 answers a revoked password as if none was sent (docs/real-wordpress.md).
  assert.match(banner, /The site answered as if you were not logged in\./);
  assert.match(banner, /\(credentials_ignored\)/);
  await page.locator('#site-door').waitFor();
  assert.ok(!(await page.locator('#site-view').isVisible()));
  await page.reload();
  await page.locator('#site-door').waitFor();
  assert.ok(!(await page.locator('#banner').isVisible()), 'forgotten: no second attempt after a reload');
  await context.close();
});

test('an address that is not WordPress: not_wordpress, in words', { skip }, async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  await page.locator('#site-door').waitFor();
  // The demo's own server: it answers, but with no WordPress REST API.
  await page.fill('#site-address', DEMO_URL);
  await page.click('#site-submit');
  await page.locator('#banner[data-kind="refused"]').waitFor();
  const banner = await page.textContent('#banner');
  assert.match(banner, /That address isn't a WordPress site\./);
  assert.match(banner, /\(not_wordpress\)/);
  assert.equal(page.url(), DEMO_URL, 'the demo did not leave');
  assert.ok(await page.locator('#site-submit').isEnabled(), 'the form can be sent again');
  await context.close();
});

test('no console message or page error carried an application password', { skip }, () => {
  assert.ok(passwords.size >= 3, 'the run saw the passwords it checks for');
  for (const message of [...suite.log.console, ...suite.log.pageErrors]) {
    assert.ok(!holdsPassword(message), 'a console message or page error holds an application password');
  }
  const demoErrors = suite.log.pageErrors.filter((text) => text.includes(DEMO_ORIGIN));
  assert.deepEqual(demoErrors, [], 'no uncaught error in the demo');
});
