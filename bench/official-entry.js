// The official stack doing the same job as wpcom-wasm: implicit OAuth (wpcom-oauth-cors), the
// REST client (wpcom) over XHR (wpcom-xhr-request). webpack 5 bundles this file in production
// mode; its gzip size is the "official" size figure and the page drives the calls it exports.
import WPCOM from 'wpcom';
import xhrRequest from 'wpcom-xhr-request';
import wpOAuth from 'wpcom-oauth-cors';
import url from 'url';
import querystring from 'querystring';

/** A wpcom client whose requests go through XHR to `apiBase` (the emulator). */
export function makeClient(token, apiBase) {
  return new WPCOM(token, (params, fn) => xhrRequest({ ...params, proxyOrigin: apiBase }, fn));
}

/** GET /me. */
export function me(wpcom) {
  return wpcom.req.get('/me');
}

/** POST /sites/$site/posts/new. */
export function createPost(wpcom, site, body) {
  return wpcom.site(site).addPost(body);
}

/** GET /sites/$site/posts/$id/likes (wpcom 7 has no helper for it: the generic request). */
export function postLikes(wpcom, site, postId) {
  return wpcom.req.get(`/sites/${site}/posts/${postId}/likes`);
}

/** One page of GET /sites/$site/posts/ (`number`, `page_handle`…). */
export function postsPage(wpcom, site, query) {
  return wpcom.site(site).postsList(query);
}

/** Sets up the implicit-flow helper the way an app does before redirecting. */
export function oauth(clientId, redirect, scope) {
  return wpOAuth(clientId, { redirect, scope });
}

/** The redirect parse wpcom-oauth-cors's `get()` does inside (it reads `location` itself). */
export function parseRedirect(href) {
  const parsed = url.parse(href, true);
  return parsed.hash && parsed.hash.length > 1 ? querystring.parse(parsed.hash.substring(1)) : null;
}
