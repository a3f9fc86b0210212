// A post's comments (threads, a reply, a new comment, closed comments, HTML shown as text) and
// Follow / Unfollow on a site, each checked against the emulator over REST.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoTokenInConsole } from '../support/assertions.mjs';
import { openSuite, screenshot, signIn } from '../support/demo.mjs';

const SITE = 2001;
let suite;
let page;
let aliceToken;
before(async () => {
  suite = await openSuite();
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signIn(page, { user: 'alice' });
  await page.locator('#post-list .post').first().waitFor();
  aliceToken = await suite.emulator.mintToken({ user: 'alice' });
  suite.tokens.add(aliceToken);
});
after(async () => {
  await suite?.close();
});

/** A post's comments as the emulator lists them for alice (approved, oldest first). */
async function emulatorComments(postId) {
  const { status, body } = await suite.emulator.rest('GET', `/sites/${SITE}/posts/${postId}/replies/?number=100&order=ASC`, { token: aliceToken });
  assert.equal(status, 200);
  return body;
}

/** Opens a post's comments and waits until they are loaded. */
async function openComments(p, postId) {
  const row = p.locator(`.post[data-post-id="${postId}"]`);
  await row.locator('.comments-btn').click();
  await row.locator('.comments .comments__result').filter({ hasText: 'loaded' }).waitFor();
  return row;
}

test('a post\'s comments show as a thread: a reply under the comment it answers, content as text', async () => {
  const postId = 48;
  const { comments } = await emulatorComments(postId);
  const row = await openComments(page, postId);
  const toggle = row.locator('.comments-btn');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.getAttribute('aria-controls'), `comments-${postId}`);
  const shown = await row.locator('.comment-item').evaluateAll((items) => items.map((li) => Number(li.dataset.commentId)));
  assert.deepEqual([...shown].sort((a, b) => a - b), comments.map((c) => c.ID).sort((a, b) => a - b), 'the approved comments, each once');
  // Comment 2 answers comment 1: it sits in comment 1's list of replies.
  assert.equal(await row.locator('.comment-item[data-comment-id="1"] > .comments__replies > .comment-item[data-comment-id="2"]').count(), 1);
  // "tea &amp; biscuits" in the HTML reads "tea & biscuits".
  assert.equal(await row.locator('.comment-item[data-comment-id="3"] .comment__content').textContent(), 'I still prefer tea & biscuits.');
  // Closing and opening again keeps what was loaded.
  await toggle.click();
  assert.equal(await row.locator('.comments').isHidden(), true);
  await toggle.click();
  assert.equal(await row.locator('.comments').isVisible(), true);
});

test('a reply to a comment: shown under it, and the emulator has it with its parent', async () => {
  const postId = 48;
  const row = page.locator(`.post[data-post-id="${postId}"]`);
  const parent = row.locator('.comment-item[data-comment-id="3"]');
  const replyButton = parent.locator('> .comment .reply-btn');
  await replyButton.click();
  assert.equal(await replyButton.getAttribute('aria-expanded'), 'true');
  const box = parent.locator('> .comment .reply-form textarea');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA', 'focus in the reply box');
  // The reply box is labelled with whom it answers.
  assert.match(await parent.locator('> .comment .reply-form label').textContent(), /^Reply to Dave/);
  await box.fill('Tea is fine too. <b>Really</b>.');
  await parent.locator('> .comment .reply-form button[type="submit"]').click();
  const added = parent.locator('> .comments__replies > .comment-item--new');
  await added.waitFor();
  assert.match(await row.locator('.comments__result').textContent(), /Your reply to Dave Diaz was posted\./);
  assert.equal(await parent.locator('> .comment .reply-form').count(), 0, 'the box closes');
  const replyId = Number(await added.getAttribute('data-comment-id'));

  const { comments } = await emulatorComments(postId);
  const stored = comments.find((c) => c.ID === replyId);
  assert.ok(stored, 'the emulator has the reply');
  assert.equal(stored.parent.ID, 3, 'as an answer to comment 3');
  assert.match(stored.content, /Tea is fine too/);
  assert.equal(stored.author.login, 'alice');
  // What the API sends back as HTML is never markup in the page.
  assert.equal(await added.locator('.comment__content b').count(), 0);
  assert.equal(await row.locator('.comments-btn').getAttribute('data-count'), String(comments.length), 'the count follows');
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'comments-reply', { fullPage: false });
});

test('a busy post: all 25 comments load, and a new comment is added at the end', async () => {
  const postId = 44;
  const { found } = await emulatorComments(postId);
  assert.equal(found, 25);
  const row = await openComments(page, postId);
  assert.equal(await row.locator('.comment-item').count(), found);
  await row.locator('.comments > .comments__body > .comment-form textarea').fill('Number 26, from the demo.');
  await row.locator('.comments > .comments__body > .comment-form button[type="submit"]').click();
  await row.locator('.comments__list > .comment-item--new').waitFor();
  assert.equal((await emulatorComments(postId)).found, found + 1);
  assert.equal(await row.locator('.comments-btn').getAttribute('data-count'), String(found + 1));
  assert.equal(await row.locator('.comments-btn').textContent(), `Comments (${found + 1}) on “Music notes #44”`, 'named after its post');
});

test('comment HTML from the API is shown as text: no element, no script', async () => {
  const postId = 42;
  const html = '<p>Look <img src="x" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script><a href="javascript:alert(1)">here</a></p><p>Second paragraph.</p>';
  const { status } = await suite.emulator.rest('POST', `/sites/${SITE}/posts/${postId}/replies/new`, { token: aliceToken, body: { content: html } });
  assert.equal(status, 200);
  const row = await openComments(page, postId);
  const content = row.locator('.comment__content').last();
  assert.equal(await content.locator('*').count(), 0, 'no element inside');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const text = await content.textContent();
  assert.match(text, /Look\s+here\n\nSecond paragraph\./, 'paragraphs kept as line breaks');
});

test('Unfollow, then Follow: the button says what it does, and the emulator agrees', async () => {
  const follows = async () => (await suite.emulator.rest('GET', `/sites/${SITE}/follows/mine`, { token: aliceToken })).body.is_following;
  assert.equal(await follows(), true, 'members follow their own sites');
  const button = page.locator('#follow-btn');
  await page.waitForFunction(() => document.getElementById('follow').dataset.following === 'true');
  assert.equal(await button.textContent(), 'Unfollow');
  assert.equal(await page.textContent('#follow-state'), '✓ Following');

  await button.click();
  await page.waitForFunction(() => document.getElementById('follow').dataset.following === 'false');
  assert.equal(await button.textContent(), 'Follow');
  assert.equal(await page.textContent('#follow-state'), 'You no longer follow this site.');
  assert.equal(await follows(), false);

  await button.click();
  await page.waitForFunction(() => document.getElementById('follow').dataset.following === 'true');
  assert.equal(await button.textContent(), 'Unfollow');
  assert.equal(await page.textContent('#follow-state'), 'You follow this site.');
  assert.equal(await follows(), true);
});

test('comments closed: the post says so, and a refused comment is explained in place (bob)', async () => {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  const bobPage = await context.newPage();
  await signIn(bobPage, { user: 'bob' });
  await bobPage.locator('.site[data-site-id="2001"]').click();
  await bobPage.locator('.post[data-post-id="46"]').waitFor();
  const before = (await emulatorComments(46)).found;
  const row = await openComments(bobPage, 46);
  assert.match(await row.locator('.comments__closed').textContent(), /Comments are closed on this post/);
  assert.match(await row.locator('.post__meta').textContent(), /comments closed/);
  await row.locator('.comments > .comments__body > .comment-form textarea').fill('Can I still say something?');
  await row.locator('.comments > .comments__body > .comment-form button[type="submit"]').click();
  await row.locator('.comments__refused').waitFor();
  assert.equal(await row.locator('.comments__refused').textContent(), 'Not posted: Comments on this post are closed');
  assert.equal(await bobPage.isVisible('#banner'), false, 'not a failure banner');
  assert.equal(await row.locator('.comment-form textarea').inputValue(), 'Can I still say something?', 'the text stays');
  assert.equal((await emulatorComments(46)).found, before, 'nothing was added');
  await row.scrollIntoViewIfNeeded();
  await screenshot(bobPage, 'comments-closed', { fullPage: false });
  await context.close();
});

test('no console message carried an access token, and no page error happened', () => {
  assertNoTokenInConsole(suite);
});
