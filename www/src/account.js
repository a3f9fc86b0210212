// What a signed-in session shows and does: profile, sites, connected apps, posts page by page,
// likes, follows, comments, editing and trashing posts, new posts with an image.
//
// Every call checks afterwards that its session is still the current one (`session.ended`,
// `session.site`), so an answer that arrives after sign-out or after picking another site is
// dropped. Nothing here retries by itself: failures go to `session.report(err, retry)`, which
// shows a banner whose button retries once.

import { loadConnectedApps } from './connected-apps.js';
import { describeError, endsSession } from './errors.js';
import { renderFollow, renderFollowChecking } from './follow.js';
import { prependPost, hidePosts, isLiked, renderPosts, renderPostsStatus, setLikeBusy, updateLikes } from './posts.js';
import { renderProfile } from './profile.js';
import { renderSites, renderSitesRefused, renderSitesStatus } from './sites.js';
import { hideNewPostForm, showNewPostForm } from './new-post.js';

/** Posts per page of the list ("Load more" brings the next page). */
const PAGE_SIZE = 10;
/** The most comments a post's thread shows. */
const MAX_COMMENTS = 500;

/** Loads /me, then the sites and the connected apps. */
export async function loadAccount(session) {
  let me;
  try {
    me = await session.client.me();
  } catch (err) {
    if (!session.ended) session.report(err, () => loadAccount(session));
    return;
  }
  if (session.ended) return;
  session.me = me;
  renderProfile(me, session.token, session.profileHandlers);
  await Promise.all([loadSites(session), loadConnectedApps(session)]);
}

/** Loads the user's sites and picks the primary one. */
export async function loadSites(session) {
  renderSitesStatus('Loading your sites…');
  let sites;
  try {
    const result = await session.client.sites();
    sites = Array.isArray(result) ? result : (result && result.sites) || [];
  } catch (err) {
    if (session.ended) return;
    const message = describeError(err, { loginOnly: session.loginOnly });
    if (message.kind === 'login-only') {
      // Expected for a log-in-only token: explain it in place, not as a failure.
      renderSitesRefused(message, () => session.act('full'));
      hidePosts();
      hideNewPostForm();
      return;
    }
    renderSitesStatus("Your sites couldn't be loaded.");
    session.report(err, () => loadSites(session));
    return;
  }
  if (session.ended) return;
  session.sites = sites;
  const primary = session.me && sites.find((site) => site.ID === session.me.primary_blog);
  const first = primary || sites[0];
  if (first) {
    pickSite(session, first);
  } else {
    renderSites(sites, null, () => {});
    hidePosts();
    hideNewPostForm();
  }
}

/** Shows `site` as selected, its posts, whether I follow it, and the new-post form for it. */
export function pickSite(session, site) {
  session.site = site;
  renderSites(session.sites, site.ID, (picked) => pickSite(session, picked));
  const handlers = postHandlers(session, site);
  showNewPostForm({
    upload: (file, options) => session.client.uploadMedia(site.ID, file, options),
    create: (input) => session.client.createPost(site.ID, input),
    onCreated: (post) => {
      if (session.site === site) prependPost(post, handlers);
    },
    onError: (err) => session.report(err, () => document.getElementById('new-post-form').requestSubmit()),
  });
  loadFollow(session, site);
  return loadPosts(session, site);
}

/** Whether `site` is still what the session shows. */
function showing(session, site) {
  return !session.ended && session.site === site;
}

/**
 * Runs `call()`; on failure reports it (the banner's Retry runs `retry`) and resolves with null.
 * An answer that arrives after sign-out or another site was picked also gives null.
 */
async function attempt(session, site, call, retry) {
  try {
    const result = await call();
    return showing(session, site) ? result : null;
  } catch (err) {
    if (showing(session, site)) session.report(err, retry);
    return null;
  }
}

/** What the posts panel's buttons do (see posts.js and comments.js). */
function postHandlers(session, site) {
  const { client } = session;
  const handlers = {
    toggleLike: (post) => toggleLike(session, site, post),
    refreshLikers: (post) => refreshLikers(session, site, post.ID).catch(() => {}),
    loadMore: async () => {
      const page = await attempt(session, site, () => client.listPosts(site.ID, { number: PAGE_SIZE, page_handle: session.nextPage }), () => document.getElementById('load-more')?.click());
      if (!page) return null;
      session.nextPage = page.nextPage;
      // The likers' avatars of the new posts, after they show.
      setTimeout(() => refreshAllLikers(session, site, page.posts), 0);
      return page;
    },
    // `retry` repeats the user's click (the banner's Retry): nothing is sent again by itself.
    save: (post, fields, retry) => attempt(session, site, () => client.updatePost(site.ID, post.ID, fields), retry),
    trash: (post, retry) => attempt(session, site, () => client.deletePost(site.ID, post.ID), retry),
    restore: (post, retry) => attempt(session, site, () => client.restorePost(site.ID, post.ID), retry),
    purge: (post, retry) => attempt(session, site, () => client.deletePost(site.ID, post.ID), retry),
    comments: {
      load: (post, retry) =>
        attempt(session, site, async () => {
          const comments = [];
          for await (const comment of client.comments(site.ID, post.ID, { number: 100, order: 'ASC' })) {
            comments.push(comment);
            if (comments.length >= MAX_COMMENTS) break;
          }
          return comments;
        }, retry),
      add: (post, text, retry) => sendComment(session, site, () => client.addComment(site.ID, post.ID, text), retry),
      reply: (post, comment, text, retry) => sendComment(session, site, () => client.replyToComment(site.ID, comment.ID, text), retry),
    },
  };
  return handlers;
}

/**
 * Sends a comment or reply: `{ comment }`, `{ refused }` for a 403 (comments closed, or not
 * allowed: said in place, with WordPress.com's words), or null after another failure (reported).
 */
async function sendComment(session, site, call, retry) {
  try {
    const comment = await call();
    return showing(session, site) ? { comment } : null;
  } catch (err) {
    if (!showing(session, site)) return null;
    if (err && err.status === 403 && !endsSession(err)) {
      return { refused: err.message || 'WordPress.com did not allow this comment.' };
    }
    // Nothing is sent again by itself (the comment may have arrived): the text stays in the box.
    session.report(err, retry);
    return null;
  }
}

/** Checks whether the user follows `site`, then shows the Follow / Unfollow button. */
async function loadFollow(session, site) {
  renderFollowChecking();
  let following = null;
  try {
    following = await session.client.isFollowing(site.ID);
  } catch (err) {
    if (showing(session, site)) session.report(err, () => loadFollow(session, site));
  }
  if (!showing(session, site)) return;
  renderFollow(following, async (was, retry) => {
    const result = await attempt(session, site, () => (was ? session.client.unfollow(site.ID) : session.client.follow(site.ID)), retry);
    return result ? Boolean(result.is_following) : null;
  });
}

/** Loads the site's first page of posts, then each post's likers. */
export async function loadPosts(session, site) {
  renderPostsStatus(site, 'Loading posts…');
  let page;
  try {
    page = await session.client.listPosts(site.ID, { number: PAGE_SIZE });
  } catch (err) {
    if (!showing(session, site)) return;
    renderPostsStatus(site, "The posts couldn't be loaded.");
    session.report(err, () => loadPosts(session, site));
    return;
  }
  if (!showing(session, site)) return;
  session.nextPage = page.nextPage;
  renderPosts(site, page, postHandlers(session, site));
  await refreshAllLikers(session, site, page.posts);
}

/** Re-reads the likers of `posts`; one banner for the lot when some fail. */
async function refreshAllLikers(session, site, posts) {
  const results = await Promise.allSettled(posts.map((post) => refreshLikers(session, site, post.ID)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed && showing(session, site)) session.report(failed.reason, () => refreshAllLikers(session, site, posts));
}

/** Re-reads a post's likes (count, whether I like it, the likers' avatars). */
async function refreshLikers(session, site, postId) {
  const likes = await session.client.postLikes(site.ID, postId);
  if (!session.ended && session.site === site) updateLikes(postId, likes);
}

/** Likes or unlikes a post, then refreshes its likers. */
export async function toggleLike(session, site, post) {
  const liked = isLiked(post.ID);
  setLikeBusy(post.ID, true);
  try {
    const result = liked ? await session.client.unlikePost(site.ID, post.ID) : await session.client.likePost(site.ID, post.ID);
    if (session.ended || session.site !== site) return;
    updateLikes(post.ID, { found: result.like_count, i_like: result.i_like });
    await refreshLikers(session, site, post.ID);
  } catch (err) {
    if (!session.ended) session.report(err, () => toggleLike(session, site, post));
  } finally {
    setLikeBusy(post.ID, false);
  }
}
