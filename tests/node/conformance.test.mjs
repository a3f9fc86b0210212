// Conformance with Automattic's official client: npm `wpcom` driven by `wpcom-xhr-request`
// (superagent, so it runs in node) against the emulator binary. If this client cannot use
// the emulator, the emulator is wrong, not the client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The packages' ESM builds use extension-less imports node cannot resolve: load the CJS builds.
const require = createRequire(import.meta.url);
const WPCOM = require('wpcom').default;
const xhrRequest = require('wpcom-xhr-request').default;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
const binary = process.env.WPCOM_EMULATOR_BIN || path.join(targetDir, 'debug', 'wpcom-emulator');

let emulator;
let baseUrl;
let token;

/** Resolves with the first stdout line of the emulator: its base URL. */
function firstLine(stream, timeoutMs) {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('emulator did not print its URL in time')), timeoutMs);
    stream.on('data', (chunk) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(buffered.slice(0, end).trim());
      }
    });
    stream.on('end', () => reject(new Error('emulator exited before printing its URL')));
  });
}

/** An official client whose requests go to the emulator through `proxyOrigin`. */
function client(accessToken) {
  const handler = (params, callback) => xhrRequest({ ...params, proxyOrigin: baseUrl }, callback);
  return accessToken ? new WPCOM(accessToken, handler) : new WPCOM(handler);
}

before(async () => {
  if (!existsSync(binary)) {
    execFileSync('cargo', ['build', '-p', 'wpcom-emulator'], { cwd: root, stdio: 'inherit' });
  }
  emulator = spawn(binary, ['--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  emulator.stderr.resume(); // the request log; drained so the pipe never fills
  emulator.stdout.setEncoding('utf8');
  baseUrl = await firstLine(emulator.stdout, 30000);
  assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  const minted = await fetch(`${baseUrl}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: 'alice', client_id: '1234', scope: 'global', blog: null, expires_in: null }),
  });
  assert.equal(minted.status, 200);
  token = (await minted.json()).access_token;
});

after(() => {
  emulator?.kill();
});

test('wpcom reads /me with the contract fields', async () => {
  const me = await client(token).req.get('/me');
  assert.equal(me.ID, 1001);
  assert.equal(me.username, 'alice');
  assert.equal(me.email_verified, true);
  assert.deepEqual(me.token_scope, ['global']);
  assert.equal(me.token_site_id, false);
  assert.equal(me.primary_blog_url, 'https://example.wordpress.com');
  assert.equal(typeof me.avatar_URL, 'string');
});

test('wpcom unwraps an http_envelope answer like the real one', async () => {
  const me = await client(token).req.get('/me', { http_envelope: 1, fields: 'ID,username' });
  assert.deepEqual(me, { ID: 1001, username: 'alice' });
});

test('wpcom lists /me/sites', async () => {
  const { sites } = await client(token).req.get('/me/sites');
  assert.deepEqual(sites.map((s) => s.ID), [2001, 2002, 2003, 2004]);
  const example = sites.find((s) => s.ID === 2001);
  assert.equal(example.URL, 'https://example.wordpress.com');
  assert.deepEqual(example.logo.sizes, []);
  assert.equal(sites.find((s) => s.ID === 2003).jetpack, true);
});

test('wpcom lists posts of a site by domain', async () => {
  const page = await client(token).site('example.wordpress.com').postsList({ number: 5 });
  assert.equal(page.found, 48);
  assert.equal(page.posts.length, 5);
  assert.match(page.meta.next_page, /^value=.+&id=\d+$/);
});

test("wpcom reads a post's likes, without a token too", async () => {
  for (const wpcom of [client(token), client(null)]) {
    const likes = await wpcom.req.get('/sites/2001/posts/3/likes');
    assert.equal(likes.found, 3);
    assert.deepEqual(likes.likes.map((l) => l.login).sort(), ['alice', 'carol', 'dave']);
  }
});

test('wpcom likes a post and the count grows', async () => {
  const wpcom = client(token);
  const before = await wpcom.req.get('/sites/2001/posts/8/likes');
  const liked = await wpcom.req.post('/sites/2001/posts/8/likes/new', {});
  assert.ok(liked.success);
  assert.equal(liked.i_like, true);
  const after = await wpcom.req.get('/sites/2001/posts/8/likes');
  assert.equal(after.found, before.found + 1);
  assert.equal(after.i_like, true);
});

test('wpcom creates a post that the site then lists', async () => {
  const site = client(token).site(2001);
  const created = await site.addPost({ title: 'Written by the official client', content: 'Hello', tags: 'conformance,node' });
  assert.equal(created.title, 'Written by the official client');
  assert.equal(created.status, 'publish');
  assert.deepEqual(Object.keys(created.tags), ['conformance', 'node']);
  const fetched = await site.post(created.ID).get();
  assert.equal(fetched.ID, created.ID);
  const newest = await site.postsList({ number: 1 });
  assert.equal(newest.posts[0].ID, created.ID);
});

test('wpcom surfaces API errors with their code and status', async () => {
  await assert.rejects(client(token).site(999999).get(), (err) => {
    assert.equal(err.statusCode, 404);
    assert.equal(err.error, 'unknown_blog');
    return true;
  });
  await assert.rejects(client(null).req.get('/me'), (err) => {
    assert.equal(err.statusCode, 403);
    assert.equal(err.error, 'authorization_required');
    return true;
  });
  await assert.rejects(client(token).site(2001).addPost({}), (err) => {
    assert.equal(err.statusCode, 400);
    assert.equal(err.error, 'invalid_input');
    return true;
  });
});
