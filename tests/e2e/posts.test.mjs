// Posts, likes and the new-post form, checked against the emulator over REST.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoTokenInConsole } from '../support/assertions.mjs';
import { openSuite, screenshot, signIn } from '../support/demo.mjs';

let suite;
let page;
let aliceToken;
before(async () => {
  suite = await openSuite();
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#post-list .post').first().waitFor();
  // An independent token for checking the emulator's side over REST.
  aliceToken = await suite.emulator.mintToken({ user: 'alice' });
  suite.tokens.add(aliceToken);
});
after(async () => {
  await suite?.close();
});

/** The selected site's ID, from the page. */
async function selectedSite() {
  return Number(await page.getAttribute('.site--selected', 'data-site-id'));
}

/** A post row's like count as shown. */
async function shownCount(postId) {
  return Number(await page.getAttribute(`.post[data-post-id="${postId}"] .like-count`, 'data-count'));
}

test('the primary site\'s recent posts show with their like counts and likers', async () => {
  const site = await selectedSite();
  assert.equal(site, 2001, 'alice\'s primary blog is picked');
  const rows = page.locator('#post-list .post');
  assert.equal(await rows.count(), 10, 'the 10 most recent posts');
  // The counts match the emulator's, and posts with likes show the likers' avatars.
  const { body } = await suite.emulator.rest('GET', `/sites/${site}/posts/?number=10`, { token: aliceToken });
  for (const post of body.posts) {
    assert.equal(await shownCount(post.ID), Number(post.like_count), `post ${post.ID}`);
  }
  const liked = body.posts.find((post) => Number(post.like_count) > 0);
  assert.ok(liked, 'the seed has liked posts');
  await page.locator(`.post[data-post-id="${liked.ID}"] .likers .liker`).first().waitFor();
  await screenshot(page, 'posts-likes');
});

test('like → count +1 (and the emulator agrees); unlike → −1', async () => {
  const site = await selectedSite();
  const postId = Number(await page.getAttribute('#post-list .post:has(.like-btn[aria-pressed="false"])', 'data-post-id'));
  const before = await shownCount(postId);
  const button = page.locator(`.post[data-post-id="${postId}"] .like-btn`);

  await button.click();
  await page.waitForFunction(([id, n]) => document.querySelector(`.post[data-post-id="${id}"] .like-count`).dataset.count === String(n), [postId, before + 1]);
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  let likes = (await suite.emulator.rest('GET', `/sites/${site}/posts/${postId}/likes`, { token: aliceToken })).body;
  assert.equal(likes.found, before + 1);
  assert.equal(likes.i_like, true);
  await page.locator(`.post[data-post-id="${postId}"] .likers .liker`).first().waitFor();

  await button.click();
  await page.waitForFunction(([id, n]) => document.querySelector(`.post[data-post-id="${id}"] .like-count`).dataset.count === String(n), [postId, before]);
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  likes = (await suite.emulator.rest('GET', `/sites/${site}/posts/${postId}/likes`, { token: aliceToken })).body;
  assert.equal(likes.found, before);
  assert.equal(likes.i_like, false);
});

test('a new post is created in the emulator, linked, and added to the list', async () => {
  const site = await selectedSite();
  // Each test file has a fresh emulator, so a fixed title is unique there.
  const title = 'Hello from WebAssembly';
  await page.fill('#np-title', title);
  await page.fill('#np-content', 'Written in the browser, sent by Rust compiled to WebAssembly.');
  await page.fill('#np-tags', 'wasm, demo');
  await page.fill('#np-categories', 'Testing');
  await page.selectOption('#np-status', 'publish');
  await page.click('#np-submit');
  await page.locator('#np-link').waitFor();
  assert.match(await page.textContent('#np-result'), /Published/);
  assert.equal(await page.inputValue('#np-title'), '', 'the form is cleared after success');

  const href = await page.getAttribute('#np-link', 'href');
  const first = page.locator('#post-list .post').first();
  assert.equal(await first.locator('.post__title').textContent(), title, 'the new post heads the list');
  assert.equal(await first.locator('.post__title').getAttribute('href'), href);
  const postId = Number(await first.getAttribute('data-post-id'));

  // The emulator has it, with what was typed.
  const { status, body } = await suite.emulator.rest('GET', `/sites/${site}/posts/${postId}`, { token: aliceToken });
  assert.equal(status, 200);
  assert.equal(body.title, title);
  assert.equal(body.status, 'publish');
  assert.equal(body.URL, href);
  assert.deepEqual(Object.keys(body.tags).sort(), ['demo', 'wasm']);
  assert.deepEqual(Object.keys(body.categories), ['Testing']);
  assert.ok(await first.evaluate((row) => row.classList.contains('post--new')), 'the new post is highlighted');
  const list = (await suite.emulator.rest('GET', `/sites/${site}/posts/?number=1`, { token: aliceToken })).body;
  assert.equal(list.posts[0].ID, postId, 'it is the site\'s newest post');
  await screenshot(page, 'new-post-created');
});

test('an empty post is not sent', async () => {
  const before = suite.emulator.url;
  const requests = [];
  const onRequest = (request) => {
    if (request.url().startsWith(before) && request.method() === 'POST') requests.push(request.url());
  };
  page.on('request', onRequest);
  await page.fill('#np-title', '');
  await page.fill('#np-content', '');
  await page.click('#np-submit');
  await page.locator('#np-result .error-text').waitFor();
  page.off('request', onRequest);
  assert.deepEqual(requests, []);
});

test('no console message carried an access token, and no page error happened', () => {
  assertNoTokenInConsole(suite);
});
