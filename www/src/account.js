// What a signed-in session shows and does: profile, sites, connected apps, posts, likes, new posts.
//
// Every call checks afterwards that its session is still the current one (`session.ended`,
// `session.site`), so an answer that arrives after sign-out or after picking another site is
// dropped. Nothing here retries by itself: failures go to `session.report(err, retry)`, which
// shows a banner whose button retries once.

import { loadConnectedApps } from './connected-apps.js';
import { describeError } from './errors.js';
import { prependPost, hidePosts, isLiked, renderPosts, renderPostsStatus, setLikeBusy, updateLikes } from './posts.js';
import { renderProfile } from './profile.js';
import { renderSites, renderSitesRefused, renderSitesStatus } from './sites.js';
import { hideNewPostForm, showNewPostForm } from './new-post.js';

const RECENT_POSTS = 10;

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

/** Shows `site` as selected, its posts and the new-post form for it. */
export function pickSite(session, site) {
  session.site = site;
  renderSites(session.sites, site.ID, (picked) => pickSite(session, picked));
  const onToggle = (post) => toggleLike(session, site, post);
  showNewPostForm({
    create: (input) => session.client.createPost(site.ID, input),
    onCreated: (post) => {
      if (session.site === site) prependPost(post, onToggle);
    },
    onError: (err) => session.report(err, () => document.getElementById('new-post-form').requestSubmit()),
  });
  return loadPosts(session, site);
}

/** Loads the site's recent posts, then each post's likers. */
export async function loadPosts(session, site) {
  const current = () => !session.ended && session.site === site;
  renderPostsStatus(site, 'Loading posts…');
  let posts;
  try {
    const result = await session.client.request('GET', `/sites/${site.ID}/posts/`, { query: { number: String(RECENT_POSTS) } });
    posts = (result && result.posts) || [];
  } catch (err) {
    if (!current()) return;
    renderPostsStatus(site, "The posts couldn't be loaded.");
    session.report(err, () => loadPosts(session, site));
    return;
  }
  if (!current()) return;
  const onToggle = (post) => toggleLike(session, site, post);
  renderPosts(site, posts, onToggle);
  const results = await Promise.allSettled(posts.map((post) => refreshLikers(session, site, post.ID)));
  const failed = results.find((r) => r.status === 'rejected');
  // One banner for the lot, not one per post.
  if (failed && current()) session.report(failed.reason, () => loadPosts(session, site));
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
