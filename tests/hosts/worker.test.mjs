// The client where there is no `window`: a dedicated module worker and a module service worker
// of a page, each importing the package's `web` build and calling `me()` against the emulator.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, PKG, requireBuilt, startEmulator, serveStatic, launchChromium, newWatchedPage } from './support.mjs';

const CLIENT_ID = '5005';

describe('workers', () => {
  let emulator, server, browser, page, input;

  before(async () => {
    requireBuilt();
    server = await serveStatic(join(ROOT, 'tests/hosts/fixtures/worker'), { mounts: { '/wpcom-wasm/': PKG } });
    emulator = await startEmulator();
    const redirectUri = `${server.origin}/`;
    await emulator.registerApp({ clientId: CLIENT_ID, redirectUris: [redirectUri], origins: [server.origin] });
    const token = await emulator.mintToken({ user: 'alice', clientId: CLIENT_ID });
    input = { apiBase: emulator.base, oauthBase: emulator.base, clientId: CLIENT_ID, redirectUri, token };
    browser = await launchChromium();
    page = await newWatchedPage(browser);
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
    await server?.close();
  });

  for (const kind of ['dedicated', 'service']) {
    test(`${kind} worker: me() works, Web Storage is refused with unsupported, no panic`, async () => {
      const report = await page.evaluate(([k, i]) => window.inWorker(k, i), [kind, input]);
      assert.equal(report.hasWindow, false);
      assert.equal(report.hasDocument, false);
      assert.deepEqual(report.init, { ok: true, value: true });

      assert.ok(report.meWithToken.ok, JSON.stringify(report.meWithToken));
      assert.equal(report.meWithToken.value.username, 'alice');
      assert.equal(report.meWithToken.value.display_name, 'Alice Anderson');
      assert.equal(report.meWithToken.value.email, 'alice@example.com');

      assert.ok(report.viaAuth.ok, JSON.stringify(report.viaAuth));
      assert.deepEqual(report.viaAuth.value, { handledScope: ['global'], username: 'alice' });

      for (const check of ['redirectFromLocation', 'storage_session', 'storage_local']) {
        const r = report[check];
        assert.equal(r.ok, false, `${check}: must be refused in a worker`);
        assert.equal(r.error.isWpcomError, true, JSON.stringify(r.error));
        assert.equal(r.error.isError, true);
        assert.equal(r.error.code, 'unsupported');
        assert.match(r.error.message, /worker|window|location|storage/i);
      }
      assert.deepEqual(report.afterErrors, { ok: true, value: 'alice' });
      assert.deepEqual(page.problems, []);
    });
  }
});
