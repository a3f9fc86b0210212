// An expiring token (emulator with --token-ttl 3): the reconnect prompt, and no failed-call loop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoTokenInConsole } from '../support/assertions.mjs';
import { DEMO_URL, openSuite, passOAuthPages, screenshot, signIn, storedToken } from '../support/demo.mjs';

const TTL_SECONDS = 3;
const QUIET_MS = 6000;

let suite;
before(async () => {
  suite = await openSuite({ emulatorArgs: ['--token-ttl', String(TTL_SECONDS)] });
});
after(async () => {
  await suite?.close();
});

test('an expired token: the reconnect prompt, no API call after it, and Reconnect signs in again', async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const calls = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${suite.emulator.url}/rest/`)) calls.push({ at: Date.now(), url: request.url() });
  });
  const failures = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${suite.emulator.url}/rest/`) && response.status() >= 400) failures.push(response.status());
  });

  await signIn(page, { user: 'alice' });
  assert.match(await page.textContent('#time-left'), /^\d s$/, 'seconds left, ticking');

  await page.locator('#banner[data-kind="expired"]').waitFor({ timeout: (TTL_SECONDS + 5) * 1000 });
  const promptAt = Date.now();
  assert.match(await page.textContent('#banner'), /expired/);
  assert.equal(await page.textContent('.banner__action'), 'Reconnect');
  assert.ok(await page.locator('#signed-out').isVisible(), 'the signed-in panels are gone');
  assert.equal(await storedToken(page), null, 'the expired token is dropped');
  await screenshot(page, 'expired', { fullPage: false });

  // Nothing is retried in the background: no call at all while the prompt waits.
  await page.waitForTimeout(QUIET_MS);
  const late = calls.filter((call) => call.at >= promptAt);
  assert.deepEqual(late, [], 'no API call after the prompt');
  assert.ok(failures.length <= 1, `at most one failed call before the prompt (saw ${failures.length})`);

  // Reconnect: straight to the authorize page (still logged in there), then back, signed in.
  await page.click('.banner__action');
  await page.waitForURL((url) => url.href.startsWith(`${suite.emulator.url}/oauth2/`));
  await passOAuthPages(page, { user: 'alice' });
  await page.waitForURL((url) => url.href.startsWith(DEMO_URL));
  await page.locator('#profile-username').waitFor();
  assert.equal(page.url(), DEMO_URL);
  await context.close();
});

test('no console message carried an access token, and no page error happened', () => {
  assertNoTokenInConsole(suite);
});
