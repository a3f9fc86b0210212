// The posts panel: a site's recent posts, each with its like count, the likers' avatars and a
// Like / Unlike button.

import { avatar, byId, fill, h, plainText, safeUrl } from './dom.js';
import { siteLink } from './sites.js';

const SHOWN_LIKERS = 6;

/** Shows the panel for `site` with a status line. */
export function renderPostsStatus(site, text) {
  byId('posts').hidden = false;
  fill(byId('posts-title'), 'Recent posts on ', siteLink(site));
  fill(byId('posts-body'), h('p', { class: 'muted', text }));
}

/** Hides the panel (no site, or a log-in-only token). */
export function hidePosts() {
  byId('posts').hidden = true;
  fill(byId('posts-body'));
}

/** Lists `posts`; `onToggleLike(post)` runs on a Like / Unlike click. */
export function renderPosts(site, posts, onToggleLike) {
  renderPostsStatus(site, '');
  const body = byId('posts-body');
  if (posts.length === 0) {
    fill(body, h('ul', { class: 'posts', id: 'post-list' }), h('p', { class: 'muted', id: 'no-posts', text: 'No posts yet: write the first one below.' }));
    return;
  }
  fill(body, h('ul', { class: 'posts', id: 'post-list' }, posts.map((post) => postRow(post, onToggleLike))));
}

/** Puts a just-created post at the top of the list. */
export function prependPost(post, onToggleLike) {
  const list = document.getElementById('post-list');
  if (!list) return;
  const empty = document.getElementById('no-posts');
  if (empty) empty.remove();
  const row = postRow(post, onToggleLike);
  row.classList.add('post--new');
  list.prepend(row);
}

function postRow(post, onToggleLike) {
  const title = plainText(post.title) || '(no title)';
  const url = safeUrl(post.URL);
  const row = h(
    'li',
    { class: 'post', 'data-post-id': post.ID },
    h(
      'div',
      { class: 'post__main' },
      url
        ? h('a', { class: 'post__title', href: url, target: '_blank', rel: 'noopener noreferrer', text: title })
        : h('span', { class: 'post__title', text: title }),
      h('div', { class: 'post__meta' }, formatDate(post.date), post.status && post.status !== 'publish' ? h('span', { class: 'chip chip--muted', text: post.status }) : null),
    ),
    h(
      'div',
      { class: 'post__likes' },
      h('span', { class: 'likers', 'aria-label': 'Liked by' }),
      h('span', { class: 'like-count' }),
      h('button', { type: 'button', class: 'btn btn--small like-btn', onclick: () => onToggleLike(post) }),
    ),
  );
  setLikes(row, { found: post.like_count, i_like: post.i_like });
  return row;
}

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
  return Boolean(row) && row.querySelector('.like-btn').getAttribute('aria-pressed') === 'true';
}

/** Disables a post's Like button while its call runs. */
export function setLikeBusy(postId, busy) {
  const row = rowOf(postId);
  if (row) row.querySelector('.like-btn').disabled = busy;
}

function rowOf(postId) {
  return byId('posts-body').querySelector(`.post[data-post-id="${CSS.escape(String(postId))}"]`);
}

function setLikes(row, likes) {
  const count = Number(likes.found) || 0;
  const liked = Boolean(likes.i_like);
  const countEl = row.querySelector('.like-count');
  countEl.dataset.count = String(count);
  countEl.textContent = count === 1 ? '1 like' : `${count} likes`;
  const button = row.querySelector('.like-btn');
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

function formatDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
