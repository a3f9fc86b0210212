// Seeing and cutting the connection: the demo's "Connected apps" panel (client.connectedApplications
// and client.disconnect) and www/element.html (`<wpcom-connect>` alone), through the emulator's
// log-in and consent pages. What the page does is checked against the emulator's side: its
// Connected Applications page and the tokens it still accepts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoTokenInConsole } from '../support/assertions.mjs';
import { DEMO_URL, openSuite, passOAuthPages, screenshot, signIn, storedToken } from '../support/demo.mjs';

let suite;
before(async () => {
  suite = await openSuite();
});
after(async () => {
  await suite?.close();
});

/** Whether the emulator still accepts `token` (`GET /me`). */
async function accepted(token) {
  const { status } = await suite.emulator.rest('GET', '/me', { token });
  return status === 200;
}

test('Connected apps: lists the demo and another app; Disconnect cuts that one, then the demo itself', async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  // Alice has also connected the seed's second app (client ID 5678).
  const other = await suite.emulator.mintToken({ user: 'alice', clientId: '5678' });
  suite.tokens.add(other);
  await signIn(page, { user: 'alice' });
  // The stored entry is form-encoded (`v=…&access_token=…&…`).
  const demoToken = new URLSearchParams(await storedToken(page)).get('access_token');
  assert.ok(demoToken, 'the demo stored its token');

  const rows = page.locator('#app-list .app');
  await rows.first().waitFor();
  assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.dataset.appId).sort()), ['1234', '5678']);
  await assert.doesNotReject(page.locator('#app-list .app[data-app-id="1234"] .app__name', { hasText: 'wpcom-wasm demo' }).waitFor());
  await screenshot(page, 'connected-apps');

  await page.click('#app-list .app[data-app-id="5678"] button');
  await page.locator('#app-list .app[data-app-id="5678"]').waitFor({ state: 'detached' });
  assert.equal(await accepted(other), false, 'the other app\'s token is refused');
  assert.equal(await accepted(demoToken), true, 'the demo\'s own token still works');

  await page.click('#app-list .app[data-app-id="1234"] button');
  await page.waitForFunction(() => document.body.dataset.state === 'signed-out');
  assert.equal(await storedToken(page), null, 'the demo forgot its token');
  assert.equal(await accepted(demoToken), false, 'the old token is refused');

  // The emulator's own Connected Applications page (Alice's session from the log-in above).
  await page.goto(`${suite.emulator.url}/me/security/connected-applications`);
  const text = await page.textContent('body');
  assert.doesNotMatch(text, /wpcom-wasm demo/);
  assert.doesNotMatch(text, /Second app/);
  assertNoTokenInConsole(suite);
});

test('element.html: <wpcom-connect> connects in a popup, shows the user, disconnects', async () => {
  const context = await suite.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  await page.goto(new URL('element.html', DEMO_URL).href);
  const element = page.locator('wpcom-connect');
  await page.waitForSelector('wpcom-connect[state="signed-out"]');
  await screenshot(page, 'element-signed-out', { fullPage: false });

  const connect = page.getByRole('button', { name: 'Connect WordPress.com' });
  const [popup] = await Promise.all([page.waitForEvent('popup'), connect.click()]);
  await passOAuthPages(popup, { user: 'alice' });
  await page.waitForSelector('wpcom-connect[state="connected"]', { timeout: 20_000 });
  assert.equal(await element.locator('[part="name"]').textContent(), 'Alice Anderson');
  assert.match(await page.textContent('#event-log'), /wpcom-connected: Alice Anderson/);
  assert.match(await element.locator('[role="status"]').textContent(), /Connected as Alice Anderson/);
  const token = await page.evaluate(() => document.querySelector('wpcom-connect').auth.token().accessToken);
  suite.tokens.add(token);
  await screenshot(page, 'element-connected', { fullPage: false });

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.waitForSelector('wpcom-connect[state="signed-out"]');
  assert.match(await page.textContent('#event-log'), /wpcom-disconnected \(revoked: true\)/);
  assert.equal(await accepted(token), false, 'the token is refused after Disconnect');
  assertNoTokenInConsole(suite);
});
