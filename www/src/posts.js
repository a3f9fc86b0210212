// The posts panel: a site's posts page by page ("Load more"), each with its featured image, its
// like count, the likers' avatars and a Like / Unlike button, and its tools: Comments (a thread
// with reply boxes, see comments.js), Edit (title and content in place) and Trash (with Undo).
//
// What to do on a click is given as `handlers` (account.js), each an async function that makes
// the call, reports a failure itself and resolves with the result, or with null when it failed:
//   toggleLike(post)   refreshLikers(post)   loadMore()   save(post, { title, content }, retry)
//   trash(post, retry)   restore(post, retry)   purge(post, retry)   comments: see comments.js
// (`retry` repeats the user's click; the banner's Retry button runs it.)

import { avatar, byId, fill, formatDate, h, plainText, safeUrl } from './dom.js';
import { commentsToggle } from './comments.js';
import { siteLink } from './sites.js';

const SHOWN_LIKERS = 6;

/** How many posts the site has (`found`), as far as the panel knows. */
let found = 0;

/** Shows the panel for `site` with a status line. */
export function renderPostsStatus(site, text) {
  byId('posts').hidden = false;
  fill(byId('posts-title'), 'Posts on ', siteLink(site));
  fill(byId('posts-body'), h('p', { class: 'muted', text }));
}

/** Hides the panel (no site, or a log-in-only token). */
export function hidePosts() {
  byId('posts').hidden = true;
  byId('follow').hidden = true;
  fill(byId('posts-body'));
  announce('');
}

/** Says `text` to screen readers (the panel's polite live region). */
export function announce(text) {
  byId('posts-live').textContent = text;
}

/**
 * Lists the first page of posts (`page`: listPosts's `{ found, posts, nextPage }`), with a
 * "Load more" button while `page.nextPage` says there are more.
 */
export function renderPosts(site, page, handlers) {
  renderPostsStatus(site, '');
  found = Number(page.found) || 0;
  const more = h('button', { type: 'button', class: 'btn btn--small', id: 'load-more', text: 'Load more' });
  more.addEventListener('click', () => loadMore(more, handlers));
  fill(
    byId('posts-body'),
    h('ul', { class: 'posts', id: 'post-list' }, page.posts.map((post) => postRow(post, handlers))),
    page.posts.length === 0 ? h('p', { class: 'muted', id: 'no-posts', text: 'No posts yet: write the first one below.' }) : null,
    h('div', { class: 'posts__more' }, h('p', { class: 'muted small', id: 'posts-count' }), more),
  );
  setMore(Boolean(page.nextPage));
}

/** Runs `handlers.loadMore()` and appends what it brought. */
async function loadMore(button, handlers) {
  button.disabled = true;
  button.textContent = 'Loading…';
  const page = await handlers.loadMore();
  button.disabled = false;
  button.textContent = 'Load more';
  if (!page) return;
  const list = document.getElementById('post-list');
  if (!list) return;
  found = Number(page.found) || found;
  // A post created meanwhile may come again: show each post once.
  const fresh = page.posts.filter((post) => !rowOf(post.ID));
  const rows = fresh.map((post) => postRow(post, handlers));
  list.append(...rows);
  setMore(Boolean(page.nextPage));
  announce(`${fresh.length} more ${fresh.length === 1 ? 'post' : 'posts'} loaded. ${countText()}`);
  // The button goes away after the last page: move focus to the first new post, not to nowhere.
  if (!page.nextPage && rows.length > 0) rows[0].querySelector('.post__title').focus();
}

/** Shows the count line and the Load more button (when `hasMore`). */
function setMore(hasMore) {
  const button = document.getElementById('load-more');
  const count = document.getElementById('posts-count');
  if (!button || !count) return;
  button.hidden = !hasMore;
  count.textContent = countText();
}

function countText() {
  const shown = byId('posts-body').querySelectorAll('.post:not(.post--trashed)').length;
  if (found <= 0) return '';
  return shown >= found ? `All ${found} posts shown.` : `Showing ${shown} of ${found} posts.`;
}

/** Puts a just-created post at the top of the list. */
export function prependPost(post, handlers) {
  const list = document.getElementById('post-list');
  if (!list) return;
  const empty = document.getElementById('no-posts');
  if (empty) empty.remove();
  const row = postRow(post, handlers);
  row.classList.add('post--new');
  list.prepend(row);
  found += 1;
  setMore(!document.getElementById('load-more')?.hidden);
}

function postRow(post, handlers) {
  const title = plainText(post.title) || '(no title)';
  const url = safeUrl(post.URL);
  const image = safeUrl(post.featured_image);
  const row = h(
    'li',
    { class: 'post', 'data-post-id': post.ID },
    h(
      'div',
      { class: 'post__line' },
      // The title beside it says what the post is: the picture is decoration here.
      image ? h('img', { class: 'post__image', src: image, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' }) : null,
      h(
        'div',
        { class: 'post__main' },
        url
          ? h('a', { class: 'post__title', href: url, target: '_blank', rel: 'noopener noreferrer', text: title })
          : h('span', { class: 'post__title', tabindex: '-1', text: title }),
        h(
          'div',
          { class: 'post__meta' },
          formatDate(post.date),
          post.status && post.status !== 'publish' ? h('span', { class: 'chip chip--muted', text: post.status }) : null,
          post.discussion && post.discussion.comments_open === false ? h('span', { class: 'chip chip--muted', text: 'comments closed' }) : null,
        ),
      ),
      h(
        'div',
        { class: 'post__likes' },
        h('span', { class: 'likers', 'aria-label': 'Liked by' }),
        h('span', { class: 'like-count' }),
        h('button', { type: 'button', class: 'btn btn--small like-btn', onclick: () => handlers.toggleLike(post) }),
      ),
    ),
    h(
      'div',
      { class: 'post__tools' },
      commentsToggle(post, title, handlers.comments),
      h('button', { type: 'button', class: 'btn btn--small btn--ghost edit-btn', 'aria-label': `Edit “${title}”`, text: 'Edit', onclick: (e) => openEditor(row, post, handlers, e.currentTarget) }),
      h('button', { type: 'button', class: 'btn btn--small btn--ghost trash-btn', 'aria-label': `Trash “${title}”`, text: 'Trash', onclick: (e) => trash(row, post, handlers, e.currentTarget) }),
    ),
  );
  setLikes(row, { found: post.like_count, i_like: post.i_like });
  return row;
}

// --- Edit ----------------------------------------------------------------------------------------

/** Opens the in-place editor of a post's title and content. */
function openEditor(row, post, handlers, editButton) {
  if (row.querySelector('.post-edit')) {
    row.querySelector('.post-edit input').focus();
    return;
  }
  const id = `edit-${post.ID}`;
  const titleInput = h('input', { id: `${id}-title`, name: 'title', autocomplete: 'off', value: plainText(post.title) });
  // The content as HTML source, put in the textarea as text (it is never rendered here).
  const contentInput = h('textarea', { id: `${id}-content`, name: 'content', rows: '5' });
  contentInput.value = typeof post.content === 'string' ? post.content.trim() : '';
  const result = h('p', { class: 'result', role: 'status' });
  const save = h('button', { type: 'submit', class: 'btn btn--primary btn--small', text: 'Save' });
  const close = () => {
    form.remove();
    editButton.setAttribute('aria-expanded', 'false');
    editButton.focus();
  };
  const form = h(
    'form',
    { class: 'form post-edit', 'aria-label': `Edit “${plainText(post.title) || '(no title)'}”` },
    h('label', { for: titleInput.id }, 'Title', titleInput),
    h('label', { for: contentInput.id }, 'Content (HTML)', contentInput),
    h('div', { class: 'post-edit__actions' }, save, h('button', { type: 'button', class: 'btn btn--small btn--ghost', text: 'Cancel', onclick: close })),
    result,
  );
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = { title: titleInput.value.trim(), content: contentInput.value };
    if (fields.title === '' && fields.content.trim() === '') {
      fill(result, h('span', { class: 'error-text', text: 'A post needs a title or some content.' }));
      titleInput.focus();
      return;
    }
    save.disabled = true;
    fill(result, 'Saving…');
    const updated = await handlers.save(post, fields, () => form.requestSubmit());
    save.disabled = false;
    if (!updated) {
      fill(result, h('span', { class: 'error-text', text: 'Not saved — your changes are still here.' }));
      return;
    }
    const fresh = postRow(updated, handlers);
    row.replaceWith(fresh);
    announce(`Saved “${plainText(updated.title) || '(no title)'}”.`);
    fresh.querySelector('.edit-btn').focus();
    handlers.refreshLikers(updated);
  });
  editButton.setAttribute('aria-expanded', 'true');
  row.append(form);
  titleInput.focus();
}

// --- Trash, undo, delete for good ------------------------------------------------------------

/** Moves a post to the trash; its row then offers Undo and Delete for good. */
async function trash(row, post, handlers, button) {
  button.disabled = true;
  const result = await handlers.trash(post, () => button.click());
  button.disabled = false;
  if (!result) return;
  const title = plainText(post.title) || '(no title)';
  if (result.status === 'deleted') {
    // It was in the trash already (trashed elsewhere): WordPress.com deleted it for good.
    removeRow(row, `“${title}” was already in the trash, so it was deleted for good.`);
    return;
  }
  const undo = h('button', { type: 'button', class: 'btn btn--small undo-btn', text: 'Undo' });
  const purge = h('button', { type: 'button', class: 'btn btn--small btn--ghost purge-btn', text: 'Delete for good' });
  const notice = h(
    'li',
    { class: 'post post--trashed', 'data-post-id': post.ID },
    h('p', { class: 'post__trashed' }, `“${title}” is in the trash.`),
    h('div', { class: 'post__tools' }, undo, purge),
  );
  undo.addEventListener('click', async () => {
    undo.disabled = true;
    const restored = await handlers.restore(post, () => undo.click());
    undo.disabled = false;
    if (!restored) return;
    const fresh = postRow(restored, handlers);
    notice.replaceWith(fresh);
    found += 1;
    setMore(!document.getElementById('load-more')?.hidden);
    announce(`“${plainText(restored.title) || title}” is back from the trash.`);
    fresh.querySelector('.trash-btn').focus();
    handlers.refreshLikers(restored);
  });
  purge.addEventListener('click', async () => {
    purge.disabled = true;
    const gone = await handlers.purge(post, () => purge.click());
    purge.disabled = false;
    if (gone) removeRow(notice, `“${title}” was deleted for good.`);
  });
  row.replaceWith(notice);
  found -= 1;
  setMore(!document.getElementById('load-more')?.hidden);
  announce(`“${title}” moved to the trash. Undo is available.`);
  undo.focus();
}

/** Removes a row and says why; focus goes to the next row's title (or the panel's heading). */
function removeRow(row, message) {
  const next = row.nextElementSibling || row.previousElementSibling;
  const wasCounted = !row.classList.contains('post--trashed');
  row.remove();
  if (wasCounted) found -= 1;
  setMore(!document.getElementById('load-more')?.hidden);
  announce(message);
  const target = next && next.querySelector('.post__title, button');
  if (target) target.focus();
}

// --- Likes -----------------------------------------------------------------------------------

/**
 * Updates a post's count, button and (when `likes.likes` is given) avatars. `likes` is a
 * postLikes result, or `{ found, i_like }` from a like / unlike.
 */
export function updateLikes(postId, likes) {
  const row = rowOf(postId);
  if (row) setLikes(row, likes);
}

/** Whether the page shows the post as liked by me. */
export function isLiked(postId) {
  const row = rowOf(postId);
  return Boolean(row) && row.querySelector('.like-btn')?.getAttribute('aria-pressed') === 'true';
}

/** Disables a post's Like button while its call runs. */
export function setLikeBusy(postId, busy) {
  const button = rowOf(postId)?.querySelector('.like-btn');
  if (button) button.disabled = busy;
}

function rowOf(postId) {
  return byId('posts-body').querySelector(`.post[data-post-id="${CSS.escape(String(postId))}"]`);
}

function setLikes(row, likes) {
  const countEl = row.querySelector('.like-count');
  const button = row.querySelector('.like-btn');
  if (!countEl || !button) return;
  const count = Number(likes.found) || 0;
  const liked = Boolean(likes.i_like);
  countEl.dataset.count = String(count);
  countEl.textContent = count === 1 ? '1 like' : `${count} likes`;
  button.textContent = liked ? '♥ Unlike' : '♡ Like';
  button.setAttribute('aria-pressed', liked ? 'true' : 'false');
  button.classList.toggle('like-btn--on', liked);
  if (Array.isArray(likes.likes)) renderLikers(row.querySelector('.likers'), likes.likes, count);
}

function renderLikers(el, likers, count) {
  const shown = likers.slice(0, SHOWN_LIKERS);
  const more = count - shown.length;
  fill(
    el,
    shown.map((liker) => {
      const name = plainText(liker.name) || liker.login || '';
      const img = avatar(liker.avatar_URL, name, 'liker');
      img.title = name;
      return img;
    }),
    more > 0 ? h('span', { class: 'likers__more', text: `+${more}` }) : null,
  );
}
