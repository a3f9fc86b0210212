// A site's posts page by page ("Load more"), a new post with an uploaded featured image, editing
// and trashing a post (with Undo and Delete for good), each checked against the emulator over REST.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoTokenInConsole } from '../support/assertions.mjs';
import { openSuite, screenshot, signIn } from '../support/demo.mjs';
import { makePng } from '../support/png.mjs';

const SITE = 2001;
let suite;
let page;
let aliceToken;
let dir;
before(async () => {
  suite = await openSuite();
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#post-list .post').first().waitFor();
  aliceToken = await suite.emulator.mintToken({ user: 'alice' });
  suite.tokens.add(aliceToken);
  dir = mkdtempSync(path.join(tmpdir(), 'wpcom-e2e-'));
});
after(async () => {
  await suite?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The post IDs the list shows, in order. */
function shownIds() {
  return page.$$eval('#post-list .post:not(.post--trashed)', (rows) => rows.map((row) => Number(row.dataset.postId)));
}

/** Every post of the site as the emulator lists it with the demo's query (published, newest first). */
async function emulatorPosts() {
  const { status, body } = await suite.emulator.rest('GET', `/sites/${SITE}/posts/?number=100`, { token: aliceToken });
  assert.equal(status, 200);
  return body;
}

test('Load more reaches the last post: as many posts as the emulator finds, each once, in its order', async () => {
  const { found, posts } = await emulatorPosts();
  assert.ok(found > 40, `the big seeded site has ${found} posts`);
  assert.equal((await shownIds()).length, 10, 'one page of 10 at first');
  assert.equal(await page.textContent('#posts-count'), `Showing 10 of ${found} posts.`);
  const more = page.locator('#load-more');
  let clicks = 0;
  while (await more.isVisible()) {
    const before = (await shownIds()).length;
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#post-list .post').length > n, before);
    await page.waitForFunction(() => !document.querySelector('#load-more').disabled);
    clicks += 1;
    assert.ok(clicks < 10, 'the button goes away after the last page');
    if (clicks === 1) {
      assert.equal(await page.textContent('#posts-count'), `Showing 20 of ${found} posts.`);
      // The posts above, the count and the button at the bottom of the view.
      await more.evaluate((button) => button.scrollIntoView({ block: 'end' }));
      await page.evaluate(() => window.scrollBy(0, 40));
      await screenshot(page, 'posts-load-more', { fullPage: false });
    }
  }
  const ids = await shownIds();
  assert.equal(ids.length, found, 'every post is reachable');
  assert.equal(new Set(ids).size, ids.length, 'no post shows twice');
  assert.deepEqual(ids, posts.map((post) => post.ID), 'the same posts in the same order as the emulator\'s');
  assert.equal(await page.textContent('#posts-count'), `All ${found} posts shown.`);
  assert.equal(await page.textContent('#posts-live'), `8 more posts loaded. All ${found} posts shown.`);
  // The button went away under the user's focus: focus moved to the first post it brought.
  assert.equal(await page.evaluate(() => document.activeElement.closest('.post')?.dataset.postId), String(ids[40]));
  // The likes of the later pages are loaded too.
  const last = posts.at(-1);
  await page.waitForFunction((id) => document.querySelector(`.post[data-post-id="${id}"] .like-count`).dataset.count !== undefined, last.ID);
});

test('a new post with an uploaded featured image: progress, the post in the list with its image, the file served byte for byte', async () => {
  const png = makePng(240, 160);
  const file = path.join(dir, 'sunset.png');
  writeFileSync(file, png);
  await page.fill('#np-title', 'A sunset, uploaded from WebAssembly');
  await page.fill('#np-content', 'The picture went up with uploadMedia, then became the featured image.');
  await page.setInputFiles('#np-image', file);
  await page.fill('#np-alt', 'An orange sun over a blue sea');
  await page.locator('#np-preview').waitFor();
  await page.locator('#new-post').scrollIntoViewIfNeeded();
  await screenshot(page, 'new-post-image-form', { fullPage: false });

  // Every value the progress bar takes (the attribute reflects the property).
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => window.__progress.push(Number(document.getElementById('np-progress').getAttribute('value')))).observe(document.getElementById('np-progress'), { attributes: true, attributeFilter: ['value'] });
  });
  await page.click('#np-submit');
  await page.locator('#np-link').waitFor();
  assert.match(await page.textContent('#np-result'), /Published/);
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.includes(1), `the bar reached the end (${progress.join(', ')})`);
  assert.ok(progress.every((v) => v >= 0 && v <= 1), 'a share of the bytes');
  assert.equal(await page.inputValue('#np-title'), '', 'the form is cleared');
  assert.equal(await page.evaluate(() => document.getElementById('np-image').files.length), 0, 'the file input too');

  const first = page.locator('#post-list .post').first();
  assert.equal(await first.locator('.post__title').textContent(), 'A sunset, uploaded from WebAssembly');
  const postId = Number(await first.getAttribute('data-post-id'));
  const image = first.locator('img.post__image');
  // The list is long by now and the image loads lazily: bring it into view.
  await first.scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => {
    const img = document.querySelector(`.post[data-post-id="${id}"] img.post__image`);
    return img && img.complete && img.naturalWidth === 240;
  }, postId);
  const src = await image.getAttribute('src');

  // The emulator: the post's featured image is the uploaded file, with the alt text typed.
  const { body: post } = await suite.emulator.rest('GET', `/sites/${SITE}/posts/${postId}`, { token: aliceToken });
  assert.equal(post.featured_image, src);
  const { body: media } = await suite.emulator.rest('GET', `/sites/${SITE}/media?number=1`, { token: aliceToken });
  assert.equal(media.media[0].URL, src, 'the newest media item');
  assert.equal(media.media[0].alt, 'An orange sun over a blue sea');
  assert.equal(media.media[0].mime_type, 'image/png');
  const served = await fetch(src);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.ok(Buffer.from(await served.arrayBuffer()).equals(png), 'the file comes back byte for byte');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'new-post-image', { fullPage: false });
});

test('a file that is not an image is refused in the form, and nothing is posted', async () => {
  const { found: before } = await emulatorPosts();
  const file = path.join(dir, 'notes.png');
  writeFileSync(file, 'not a picture at all');
  await page.fill('#np-title', 'This one has no picture');
  await page.setInputFiles('#np-image', file);
  await page.click('#np-submit');
  await page.locator('#np-result .error-text').waitFor();
  assert.match(await page.textContent('#np-result'), /The image was refused: Invalid file type\./);
  assert.equal(await page.isVisible('#banner'), false, 'said in the form, not as a failure');
  assert.equal(await page.inputValue('#np-title'), 'This one has no picture', 'the text stays');
  assert.equal((await emulatorPosts()).found, before, 'no post was created');
  await page.setInputFiles('#np-image', []);
  await page.fill('#np-title', '');
  await page.locator('#np-result').evaluate((el) => el.replaceChildren());
});

test('Edit changes a post\'s title and content in place, and the emulator has them', async () => {
  const postId = 47;
  const row = page.locator(`.post[data-post-id="${postId}"]`);
  await row.locator('.edit-btn').click();
  const title = row.locator('.post-edit input[name="title"]');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'title', 'focus goes to the title');
  assert.ok((await title.inputValue()).length > 0, 'the current title is filled in');
  await title.fill('Edited: “quotes” & ampersands');
  await row.locator('.post-edit textarea').fill('<p>New content.</p>');
  await row.locator('.post-edit button[type="submit"]').click();
  await page.waitForFunction((id) => !document.querySelector(`.post[data-post-id="${id}"] .post-edit`), postId);
  const shown = page.locator(`.post[data-post-id="${postId}"] .post__title`);
  assert.equal(await shown.textContent(), 'Edited: “quotes” & ampersands', 'decoded, shown as text');
  assert.equal(await page.textContent('#posts-live'), 'Saved “Edited: “quotes” & ampersands”.');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('edit-btn')), true, 'focus back on Edit');
  const { body } = await suite.emulator.rest('GET', `/sites/${SITE}/posts/${postId}`, { token: aliceToken });
  assert.match(body.title, /^Edited: /);
  assert.match(body.content, /New content\./);
});

test('Trash moves a post to the trash, Undo brings it back, Delete for good deletes it', async () => {
  const postId = 45;
  const before = (await emulatorPosts()).found;
  const row = page.locator(`.post[data-post-id="${postId}"]`);
  const title = await row.locator('.post__title').textContent();
  await row.locator('.trash-btn').click();
  const trashed = page.locator(`.post--trashed[data-post-id="${postId}"]`);
  await trashed.waitFor();
  assert.equal(await trashed.locator('.post__trashed').textContent(), `“${title}” is in the trash.`);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('undo-btn')), true, 'focus on Undo');
  let { body } = await suite.emulator.rest('GET', `/sites/${SITE}/posts/${postId}`, { token: aliceToken });
  assert.equal(body.status, 'trash');
  assert.equal((await emulatorPosts()).found, before - 1);
  await trashed.scrollIntoViewIfNeeded();
  await screenshot(page, 'post-trashed', { fullPage: false });

  await trashed.locator('.undo-btn').click();
  await page.locator(`.post:not(.post--trashed)[data-post-id="${postId}"]`).waitFor();
  ({ body } = await suite.emulator.rest('GET', `/sites/${SITE}/posts/${postId}`, { token: aliceToken }));
  assert.equal(body.status, 'publish', 'restored to its status before the trash');
  assert.match(await page.textContent('#posts-live'), /is back from the trash/);

  await page.locator(`.post[data-post-id="${postId}"] .trash-btn`).click();
  await trashed.waitFor();
  await trashed.locator('.purge-btn').click();
  await page.waitForFunction((id) => !document.querySelector(`.post[data-post-id="${id}"]`), postId);
  assert.match(await page.textContent('#posts-live'), /was deleted for good/);
  const gone = await suite.emulator.rest('GET', `/sites/${SITE}/posts/${postId}`, { token: aliceToken });
  assert.equal(gone.status, 404);
  assert.equal(await page.isVisible('#banner'), false, 'no error on the way');
});

test('no console message carried an access token, and no page error happened', () => {
  assertNoTokenInConsole(suite);
});
