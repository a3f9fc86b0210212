// The packed tarball, installed the way users install it, in three fresh projects: a static page
// with no build step (served by `python3 -m http.server`), webpack 5 and Vite. Each is built,
// served on 127.0.0.1 and signed in through in headless Chromium, then calls `me()` against the
// emulator with a token it minted.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import {
  ROOT, requireBuilt, tempRoot, startEmulator, serveStatic, servePython, launchChromium,
  newWatchedPage, sh, packTarball, npmInstall, copyExample,
} from './support.mjs';
import { approveWithToken, stubAvatars } from './oauth.mjs';

const ALICE = { display_name: 'Alice Anderson', username: 'alice', email: 'alice@example.com' };

/// Waits until the page left its `loading` state; returns the state and the status line.
async function settled(page) {
  await page.waitForSelector('body:not([data-state="loading"])', { timeout: 20_000 });
  return page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.getElementById('status')?.textContent ?? '',
  }));
}

/// The whole user journey on a served page: signed out → "Sign in" → back with a token → me().
async function signInAndReadProfile({ browser, emulator, origin, clientId }) {
  const redirectUri = `${origin}/`;
  await emulator.registerApp({ clientId, redirectUris: [redirectUri], origins: [origin] });
  const token = await emulator.mintToken({ user: 'alice', clientId });
  const page = await newWatchedPage(browser);
  try {
    await stubAvatars(page);
    await page.goto(redirectUri);
    const first = await settled(page);
    assert.equal(first.state, 'signed-out', `page says: ${first.status}`);
    const authorizeUrls = await approveWithToken(page, emulator.base, token);
    await page.evaluate(() => { document.body.dataset.state = 'loading'; });
    await Promise.all([page.waitForNavigation(), page.click('#sign-in')]);
    const after = await settled(page);
    assert.equal(after.state, 'signed-in', `page says: ${after.status}`);

    assert.equal(authorizeUrls.length, 1);
    const sent = new URL(authorizeUrls[0]);
    assert.equal(sent.searchParams.get('client_id'), clientId);
    assert.equal(sent.searchParams.get('redirect_uri'), redirectUri);
    assert.equal(sent.searchParams.get('response_type'), 'token');
    assert.ok((sent.searchParams.get('state') ?? '').length >= 22, 'state carries ≥ 128 bits');

    const fields = await page.$$eval('[data-field]', (els) => Object.fromEntries(els.map((e) => [e.dataset.field, e.textContent])));
    for (const [k, v] of Object.entries(ALICE)) assert.equal(fields[k], v, k);
    assert.ok(!page.url().includes('access_token'), `token scrubbed from ${page.url()}`);
    assert.deepEqual(page.problems, []);
    return page;
  } catch (e) {
    await page.close();
    throw e;
  }
}

describe('the npm tarball in fresh projects', () => {
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

  test('the tarball holds both builds, their types, the popup\'s callback page and no sources', () => {
    const files = new Set(tarball.files);
    for (const f of ['package.json', 'wpcom_wasm.js', 'wpcom_wasm_bg.js', 'wpcom_wasm_bg.wasm', 'wpcom_wasm.d.ts',
      'web/index.js', 'web/wpcom_wasm.js', 'web/wpcom_wasm_bg.wasm', 'web/wpcom_wasm.d.ts',
      'callback.html', 'callback.js', 'callback.d.ts']) {
      assert.ok(files.has(f), `${f} in ${[...files].join(', ')}`);
    }
    for (const f of files) assert.doesNotMatch(f, /\.rs$|Cargo|node_modules|size\.json/, f);
  });

  test('static page served by python3 -m http.server, no build step', async () => {
    const dir = copyExample('static', join(tmp, 'static'));
    // What the README says: unpack the package next to index.html as ./wpcom-wasm.
    sh('tar', ['xzf', tarball.path, '-C', dir], dir);
    renameSync(join(dir, 'package'), join(dir, 'wpcom-wasm'));
    const server = await servePython(dir);
    try {
      writeConfigModule(join(dir, 'config.js'), { clientId: '5001', apiBase: emulator.base, oauthBase: emulator.base });
      const page = await signInAndReadProfile({ browser, emulator, origin: server.origin, clientId: '5001' });
      // sessionStorage keeps the token across a reload: no second trip to WordPress.com.
      await page.evaluate(() => { document.body.dataset.state = 'loading'; });
      await page.reload();
      assert.equal((await settled(page)).state, 'signed-in');
      await page.click('#sign-out');
      assert.equal((await settled(page)).state, 'signed-out');
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      server.close();
    }
  });

  test('webpack 5 project (bundler build, asyncWebAssembly)', async () => {
    const dir = join(tmp, 'webpack');
    cpSync(join(ROOT, 'tests/hosts/fixtures/webpack'), dir, { recursive: true });
    useTarball(dir, tarball.path);
    writeConfigModule(join(dir, 'src/config.js'), { clientId: '5002', apiBase: emulator.base, oauthBase: emulator.base });
    npmInstall(dir);
    sh('npx', ['--no-install', 'webpack'], dir);
    cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
    const server = await serveStatic(join(dir, 'dist'));
    try {
      const page = await signInAndReadProfile({ browser, emulator, origin: server.origin, clientId: '5002' });
      await page.close();
    } finally {
      await server.close();
    }
  });

  test('Vite project (examples/vite: the web build, no plugin), built and on the dev server', async () => {
    const dir = copyExample('vite', join(tmp, 'vite'));
    useTarball(dir, tarball.path);
    npmInstall(dir);
    // The port is known only once the server runs, and the page derives its redirect URI from
    // its own address, so the build does not depend on it.
    writeFileSync(join(dir, '.env.local'), [
      'VITE_WPCOM_CLIENT_ID=5004', `VITE_WPCOM_API_BASE=${emulator.base}`, `VITE_WPCOM_OAUTH_BASE=${emulator.base}`, '',
    ].join('\n'));
    sh('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], dir);
    const server = await serveStatic(join(dir, 'dist'));
    try {
      const page = await signInAndReadProfile({ browser, emulator, origin: server.origin, clientId: '5004' });
      await page.close();
    } finally {
      await server.close();
    }

    // The dev server too: it serves dependencies its own way (see the example's vite.config.js).
    const dev = await startViteDev(dir);
    try {
      const page = await signInAndReadProfile({ browser, emulator, origin: dev.origin, clientId: '5004' });
      await page.close();
    } finally {
      dev.close();
    }
  });
});

/// `vite` (the dev server) in `dir` on a free port of 127.0.0.1.
async function startViteDev(dir) {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = probe.address().port;
  await new Promise((ok) => probe.close(ok));
  // Vite colours its banner whenever `CI` is set (picocolors), which splits `127.0.0.1:PORT`
  // with escape codes: ask for no colour, and strip any that come anyway.
  const child = spawn(process.execPath, [join(dir, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  process.on('exit', () => child.kill());
  let output = '';
  try {
    await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`vite dev did not start: ${output}`)), 20_000);
      const read = (d) => {
        output += String(d).replace(/\x1b\[[0-9;]*m/g, '');
        if (output.includes(`127.0.0.1:${port}`)) { clearTimeout(timer); ok(); }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`vite dev exited (${code}): ${output}`)); });
    });
  } catch (err) {
    // A server left running keeps this test file's process (and so the whole run) alive.
    child.kill('SIGKILL');
    throw err;
  }
  return { origin: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

/// Points a copied project's `wpcom-wasm` dependency at the tarball.
function useTarball(dir, tarballPath) {
  const file = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.dependencies['wpcom-wasm'] = `file:${tarballPath}`;
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/// Writes a `config.js` like the static example's, pointing at the emulator; the redirect URI
/// is the page's own folder, as in the example (the port is known only at run time).
function writeConfigModule(file, values) {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `export const config = { ...${JSON.stringify(values)}, redirectUri: new URL('./', location.href).href };\n`);
}
