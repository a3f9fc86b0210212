// "Connect a WordPress site" meets a real WordPress 6.1 (scripts/wordpress.sh) that refuses:
// its REST API turned off for visitors, as the "Disable REST API" plugin does (`switch
// rest-disabled`: 401 rest_cannot_access → the library's `rest_api_disabled`), or application
// passwords turned off (`switch app-passwords-off`: the index's authentication is [] →
// `application_passwords_unavailable`). The demo says so in words, with the code, stays on its
// page, and connects once the site is back to `none`. docs/real-wordpress.md has the raw answers.
//
// The site is this file's own (its own state file): switching a shared one would break the
// tests that use it. Skipped, with the reason, only when WordPress's Debian packages cannot be
// installed here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_URL, openSuite, screenshot } from '../support/demo.mjs';
import { approveInBrowser, startWordPressOrSkip, wordpressConfig } from '../support/wordpress.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'wpcom-site-refusals-'));
const { wp, skip } = await startWordPressOrSkip({ state: path.join(dir, 'state.json') });
let suite;

before(async () => {
  if (skip) return;
  suite = await openSuite({ config: wordpressConfig(wp) });
});

after(async () => {
  await suite?.close();
  await wp?.stop({ force: true });
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens the demo, submits the prefilled address of the local WordPress (in whatever state it was
 * switched to) and waits for the banner. Resolves with `{ page, banner, answers }`: the banner's
 * visible words (without its buttons), and every answer the page got from the site
 * (`{ url, status }`).
 */
async function submitAddress(context) {
  const page = await context.newPage();
  const answers = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${wp.url}/`)) answers.push({ url: response.url(), status: response.status() });
  });
  await page.goto(DEMO_URL);
  await page.locator('#site-door').waitFor();
  assert.equal(await page.inputValue('#site-address'), wp.url, 'the address is the local WordPress');
  await page.click('#site-submit');
  await page.locator('#banner').waitFor({ state: 'visible', timeout: 15_000 });
  const banner = (await page.locator('#banner .banner__text').innerText()).replace(/\s+/g, ' ').trim();
  return { page, banner, answers };
}

/** The demo stayed on its page, sent nobody to Authorize Application, and can be used again. */
async function stayed(page, answers) {
  assert.equal(page.url(), DEMO_URL, 'the demo did not leave');
  assert.ok(!answers.some((a) => a.url.includes('authorize-application.php')), 'nobody was sent to Authorize Application');
  assert.ok(await page.locator('#site-submit').isEnabled(), 'the form can be sent again');
  assert.equal(await page.textContent('#site-status'), '', 'no "Looking for WordPress…" left behind');
  // The banner's button goes back to the address.
  await page.click('#banner .banner__action');
  assert.ok(!(await page.locator('#banner').isVisible()), 'the button closes the banner');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'site-address');
}

test('REST API turned off (rest_authentication_errors → 401 rest_cannot_access): rest_api_disabled, in words', { skip }, async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await wp.switch('rest-disabled');
    const { page, banner, answers } = await submitAddress(context);
    assert.equal(await page.getAttribute('#banner', 'data-kind'), 'refused');
    assert.match(banner, /^This WordPress site has its REST API turned off\. /);
    // WordPress's own code and words reached the page through the library's message, said once.
    assert.match(banner, /refused its index with rest_cannot_access \(“Only authenticated users can access the REST API\.”\)/);
    assert.match(banner, /only its administrator can allow it\./);
    assert.equal(banner.match(/administrator|owner/g).length, 1, `said once: ${banner}`);
    assert.match(banner, /\(rest_api_disabled\)$/, 'the library\'s code ends the text');
    // The page read the refusal itself: the index answered 401 (CORS headers and all).
    assert.ok(answers.some((a) => a.url.includes('rest_route=') && a.status === 401), `the index answered 401: ${JSON.stringify(answers)}`);
    await screenshot(page, 'site-rest-disabled');
    await stayed(page, answers);
  } finally {
    await context.close();
    await wp.switch('none');
  }
});

test('application passwords turned off (wp_is_application_passwords_available false): application_passwords_unavailable, in words', { skip }, async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await wp.switch('app-passwords-off');
    const { page, banner, answers } = await submitAddress(context);
    assert.equal(await page.getAttribute('#banner', 'data-kind'), 'refused');
    assert.match(banner, /^This site doesn't offer application passwords\. /);
    assert.match(banner, /This site offers no application passwords: /, 'the library\'s reason is shown');
    // Over http the index cannot say why: a local-only rule or a switch, both named.
    assert.match(banner, /plain http/);
    assert.match(banner, /has turned them off \(a security plugin, its host, or the wp_is_application_passwords_available filter\)/);
    assert.match(banner, /\(application_passwords_unavailable\)$/);
    // The index itself answered (200, with "authentication": []): it is the verdict, not a failure.
    assert.ok(answers.some((a) => a.url.includes('rest_route=') && a.status === 200), `the index answered 200: ${JSON.stringify(answers)}`);
    await stayed(page, answers);
  } finally {
    await context.close();
    await wp.switch('none');
  }
});

test('switched back to none, the same address connects: Authorize Application, then the site\'s profile', { skip }, async () => {
  assert.equal(await wp.switch('none'), 'none');
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(DEMO_URL);
    await page.locator('#site-door').waitFor();
    const asked = page.waitForRequest((request) => request.url().includes('/wp-admin/authorize-application.php'), { timeout: 15_000 });
    await page.click('#site-submit');
    assert.ok((await asked).url().startsWith(`${wp.url}/wp-admin/authorize-application.php?`));
    const redirect = await approveInBrowser(page, { user: 'admin' });
    assert.ok(redirect && redirect.startsWith(DEMO_URL), 'WordPress sent the browser back to the demo');
    await page.waitForURL((url) => url.href.startsWith(DEMO_URL));
    await page.locator('#site-view').waitFor();
    await page.waitForFunction(() => document.getElementById('wp-profile-name').textContent === 'Ada Admin');
    assert.ok(!(await page.locator('#banner').isVisible()), 'no error banner');
  } finally {
    await context.close();
  }
});
