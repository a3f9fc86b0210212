// `<wpcom-connect>` (the `wpcom-wasm/element` entry) from the packed tarball in a fresh Vite
// React app and a fresh Vite Vue app (tests/hosts/fixtures/vite-react, vite-vue), each rendering
// the tag as it would any other, with no wrapper: built, served on 127.0.0.1, then connected
// (redirect mode) and disconnected in headless Chromium against the emulator.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, requireBuilt, tempRoot, startEmulator, serveStatic, launchChromium, newWatchedPage, sh, packTarball, npmInstall,
} from './support.mjs';
import { approveWithToken, stubAvatars } from './oauth.mjs';

/// Copies a fixture project, points its `wpcom-wasm` at the tarball and writes its config.
function project(name, dir, tarballPath, config) {
  cpSync(join(ROOT, 'tests/hosts/fixtures', name), dir, { recursive: true });
  const file = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.dependencies['wpcom-wasm'] = `file:${tarballPath}`;
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'src/config.js'), `export const config = ${JSON.stringify(config)};\n`);
  return dir;
}

/// Waits for the element's `state`; a timeout says what the element and the page reported.
async function waitForState(page, state) {
  try {
    await page.waitForSelector(`wpcom-connect[state="${state}"]`, { timeout: 20_000 });
  } catch (e) {
    const seen = await page.evaluate(() => {
      const el = document.querySelector('wpcom-connect');
      return { state: el?.getAttribute('state'), status: el?.shadowRoot?.querySelector('[role=status]')?.textContent };
    });
    throw new Error(`wpcom-connect never reached state ${state}: ${JSON.stringify(seen)}; page problems: ${page.problems.join(' | ')}`);
  }
}

/// Connects and disconnects through the element on a served app page.
async function connectAndDisconnect({ browser, emulator, origin, clientId }) {
  const redirectUri = `${origin}/`; // the element's default: the page without query and fragment
  await emulator.registerApp({ clientId, redirectUris: [redirectUri], origins: [origin] });
  const token = await emulator.mintToken({ user: 'alice', clientId });
  const page = await newWatchedPage(browser);
  try {
    await stubAvatars(page);
    await page.goto(redirectUri);
    await waitForState(page, 'signed-out');
    assert.equal(await page.textContent('#who'), 'nobody');
    // A real <button> inside the element's (open) shadow root, named for what it does.
    const connect = page.getByRole('button', { name: 'Connect WordPress.com' });
    assert.ok(await connect.isEnabled());
    const authorizeUrls = await approveWithToken(page, emulator.base, token);
    await Promise.all([page.waitForNavigation(), connect.click()]);
    await waitForState(page, 'connected');
    assert.equal(authorizeUrls.length, 1);
    assert.equal(new URL(authorizeUrls[0]).searchParams.get('redirect_uri'), redirectUri);
    await page.waitForFunction(() => document.getElementById('who').textContent === 'Alice Anderson');
    assert.ok(!page.url().includes('access_token'), `token scrubbed from ${page.url()}`);
    // The `client` property is the ready Client.
    assert.equal(await page.evaluate(async () => (await document.querySelector('wpcom-connect').client.me()).username), 'alice');

    await page.getByRole('button', { name: 'Disconnect' }).click();
    await waitForState(page, 'signed-out');
    await page.waitForFunction(() => document.getElementById('who').textContent === 'nobody');
    // Disconnect removed the app on the emulator: the token is refused from now on.
    const me = await fetch(`${emulator.base}/rest/v1.1/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 400);
    assert.equal((await me.json()).error, 'invalid_token');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.close();
  }
}

describe('<wpcom-connect> from the tarball in fresh Vite apps', () => {
  let emulator, browser, tarball, tmp;

  before(async () => {
    requireBuilt();
    tmp = tempRoot();
    tarball = packTarball(tmp);
    emulator = await startEmulator();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  test('the tarball exports wpcom-wasm/element with its types', () => {
    const files = new Set(tarball.files);
    for (const f of ['web/element.js', 'web/element.d.ts']) assert.ok(files.has(f), f);
  });

  for (const [name, clientId] of [['vite-react', '5011'], ['vite-vue', '5012']]) {
    test(`${name}: renders the tag, connects, disconnects`, async () => {
      const dir = project(name, join(tmp, name), tarball.path, { clientId, apiBase: emulator.base, oauthBase: emulator.base });
      npmInstall(dir);
      sh('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], dir);
      const server = await serveStatic(join(dir, 'dist'));
      try {
        await connectAndDisconnect({ browser, emulator, origin: server.origin, clientId });
      } finally {
        await server.close();
      }
    });
  }
});
