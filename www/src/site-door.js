// The demo's second way in: "Connect a WordPress site" with an application password (WordPress
// core's Authorize Application flow), for any WordPress — self-hosted, or on a WordPress.com plan
// that offers them — through `discoverSite`, `SiteAuth` and `SiteClient`.
//
// The address → discoverSite → the site's own log-in and Authorize Application pages → back to
// this page (`SiteAuth.handleRedirect` checks the state and the site, stores the password in
// sessionStorage and scrubs it from the address bar) → the site's profile, posts and a new-post
// form → Disconnect (`SiteClient.disconnect()` revokes the password on the site).
//
// The password is never logged, never put in the page, and arrives in the fragment (index.html's
// referrer policy sends no more than the origin anywhere besides).

import { discoverSite, SiteAuth, SiteClient } from 'wpcom-wasm';
import { hideBanner, showBanner } from './banner.js';
import { avatar, byId, displayUrl, fill, h, plainText, safeUrl } from './dom.js';
import { describeSiteError } from './site-errors.js';

/** The demo's own application ID on every site (WordPress files the password under it). */
export const APP_ID = 'ed6eae05-b7f9-446e-8d40-469c519de44b';
/** What the user sees on the site's Authorize Application page (a time is added: see appName). */
export const APP_NAME = 'wpcom-wasm demo';

const PER_PAGE = 10;

/** The connected site, or null. */
let current = null;

/**
 * WordPress refuses a second password with a name the user already has ("Each application name
 * should be unique."), so each connection is named after when it was made:
 * "wpcom-wasm demo (2026-11-30 14:02:11 UTC)" in Users → Profile → Application Passwords.
 */
function appName() {
  return `${APP_NAME} (${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC)`;
}

/**
 * The options every SiteAuth of the demo shares; `successUrl` is this very page, or for the
 * popup the demo's callback.html (which calls the library's popupCallback()).
 */
function authOptions(site, { popup = false } = {}) {
  return {
    site,
    appName: site ? appName() : APP_NAME,
    appId: APP_ID,
    successUrl: new URL(popup ? 'callback.html' : './', window.location.href).href,
    storage: 'session',
  };
}

/**
 * Sites looked up so far, by the address typed: `{ promise, site }`, `site` once found. The
 * popup must open inside the click, with no `await` before it, so the site is looked up as the
 * address is typed (and for the prefilled one), not when the button is clicked.
 */
const lookups = new Map();

/** Looks up `address` (once); resolves with its site. A failed lookup is forgotten. */
function lookAhead(address) {
  let lookup = lookups.get(address);
  if (!lookup) {
    lookup = { site: null };
    lookup.promise = discoverSite(address).then(
      (site) => (lookup.site = site),
      (err) => {
        lookups.delete(address);
        throw err;
      },
    );
    lookups.set(address, lookup);
  }
  return lookup.promise;
}

/** Shows a site error in the banner; its button goes back to the address field, or retries. */
function report(err, { address, retry } = {}) {
  const message = describeSiteError(err, address);
  showBanner(message, () => {
    hideBanner();
    if (message.action === 'retry' && retry) retry();
    else focusAddress();
  });
}

function focusAddress() {
  if (current) return;
  const input = byId('site-address');
  input.focus();
  input.select();
}

/** Fills the door's card: the address, prefilled with the local WordPress, and its log-ins. */
function renderDoor(config) {
  const input = byId('site-address');
  if (config.wordpressUrl && input.value === '') input.value = config.wordpressUrl;
  const logins = config.wordpressLogins || [];
  const box = byId('site-logins');
  box.hidden = !config.wordpressUrl || logins.length === 0;
  fill(
    byId('site-logins-list'),
    logins.map((user) => h('li', h('code', { text: user.login }), ' / ', h('code', { text: user.password }), user.role ? ` — ${user.role}` : '')),
  );
  byId('site-form').addEventListener('submit', (event) => {
    event.preventDefault();
    connect(input.value.trim());
  });
  let typing;
  const popupButton = byId('site-popup');
  const ahead = () => {
    const address = input.value.trim();
    if (address === '') return;
    lookAhead(address).then(
      // Marks the button once the popup can open at the first click (tests wait for it too).
      () => input.value.trim() === address && (popupButton.dataset.ready = 'true'),
      // Errors are for a click to report, not for typing.
      () => {},
    );
  };
  input.addEventListener('input', () => {
    delete popupButton.dataset.ready;
    clearTimeout(typing);
    typing = setTimeout(ahead, 400);
  });
  ahead();
  popupButton.addEventListener('click', () => connectInPopup(input.value.trim()));
}

/** "Approve in a popup": the same approval in a window of its own, this page staying put. */
function connectInPopup(address) {
  hideBanner();
  const status = byId('site-status');
  const site = lookups.get(address)?.site;
  if (!site) {
    // Not looked up yet (or not WordPress): find it first; the popup needs another click.
    if (address === '') {
      fill(status, h('span', { class: 'error-text', text: "Type the site's address first." }));
      focusAddress();
      return;
    }
    fill(status, `Looking for WordPress at ${address}…`);
    lookAhead(address).then(
      (found) => {
        fill(status, `Found ${plainText(found.name) || displayUrl(found.url)}: click “Approve in a popup” again.`);
        byId('site-popup').focus();
      },
      (err) => {
        fill(status);
        report(err, { address });
      },
    );
    return;
  }
  let auth;
  try {
    auth = new SiteAuth(authOptions(site, { popup: true }));
  } catch (err) {
    report(err, { address });
    return;
  }
  fill(status, `Approve the connection in the popup (${plainText(site.name) || displayUrl(site.url)})…`);
  // signInWithPopup opens the window synchronously, inside this click: no await before it.
  auth.signInWithPopup().then(
    (connection) => {
      fill(status);
      show(newSession(auth, connection));
    },
    (err) => {
      fill(status);
      report(err, { address });
    },
  );
}


/** discoverSite, then off to the site's Authorize Application page. */
async function connect(address) {
  hideBanner();
  const button = byId('site-submit');
  const status = byId('site-status');
  if (address === '') {
    fill(status, h('span', { class: 'error-text', text: "Type the site's address first." }));
    focusAddress();
    return;
  }
  button.disabled = true;
  fill(status, `Looking for WordPress at ${address}…`);
  try {
    const site = await discoverSite(address);
    const url = new SiteAuth(authOptions(site)).authorizeUrl();
    fill(status, `Sending you to ${plainText(site.name) || displayUrl(site.url)} to approve…`);
    window.location.assign(url);
  } catch (err) {
    fill(status);
    button.disabled = false;
    report(err, { address });
  }
}

/**
 * Starts the door: wires the form, finishes a connection if the address carries one (scrubbing
 * the password from it), and shows the connected site when there is one. Returns true when the
 * site view took the page; `onLeave` runs after a disconnect (the rest of the demo takes over).
 */
export function bootSiteDoor(config, { onLeave }) {
  leaveTo = onLeave;
  renderDoor(config);
  let auth;
  let connection = null;
  try {
    auth = new SiteAuth(authOptions(null));
    // Null when the address is not an Authorize Application redirect (an OAuth one, or none).
    connection = auth.handleRedirect(window.location.href);
  } catch (err) {
    report(err);
    return false;
  }
  connection = connection || auth.connection();
  if (!connection) return false;
  show(newSession(auth, connection));
  return true;
}

/** What the page hands back to after a disconnect (set by bootSiteDoor). */
let leaveTo = () => {};

/** A connected site's view state. */
function newSession(auth, connection) {
  return { auth, client: new SiteClient({ auth }), connection, onLeave: leaveTo, ended: false, page: 0, total: null, site: null };
}

/** Gives the page to the site view. */
function show(session) {
  current = session;
  byId('loading').hidden = true;
  byId('signed-out').hidden = true;
  byId('signed-in').hidden = true;
  byId('site-view').hidden = false;
  document.body.dataset.state = 'site';
  // The top bar names where the page is talking to: this site now, the WordPress.com side again after.
  const target = byId('target');
  session.targetBefore = { nodes: [...target.childNodes], hidden: target.hidden };
  fill(target, 'Connected to ', h('strong', { text: displayUrl(session.connection.siteUrl) || session.connection.siteUrl }), ' with an application password');
  target.hidden = false;
  renderProfile(session, null);
  renderSiteForm(session);
  byId('wp-posts-list').replaceChildren();
  loadSite(session);
  loadMe(session);
  loadPosts(session, 1);
}

/** Ends the site view (after a disconnect or a refused password) and hands the page back. */
function leave(session) {
  session.ended = true;
  if (current === session) current = null;
  byId('site-view').hidden = true;
  const target = byId('target');
  target.replaceChildren(...session.targetBefore.nodes);
  target.hidden = session.targetBefore.hidden;
  fill(byId('wp-profile'));
  fill(byId('wp-np-result'));
  byId('site-submit').disabled = false;
  fill(byId('site-status'));
  session.onLeave();
}

/** A call failed: a password the site no longer honours ends the view; the rest get a banner. */
function fail(session, err, retry) {
  if (session.ended) return;
  if (err && (err.code === 'credentials_refused' || err.code === 'credentials_ignored' || err.code === 'not_signed_in')) {
    session.auth.forget();
    leave(session);
  }
  report(err, { retry });
}

/** The site's name and address, from its REST index (only the fields shown). */
async function loadSite(session) {
  try {
    session.site = await session.client.request('GET', '/', { query: { _fields: 'name,description,url,home' } });
  } catch {
    // The name is decoration: the address is shown without it.
    return;
  }
  if (!session.ended) renderProfile(session, session.me || null);
}

async function loadMe(session) {
  let me;
  try {
    me = await session.client.me();
  } catch (err) {
    fail(session, err, () => loadMe(session));
    return;
  }
  if (session.ended) return;
  session.me = me;
  renderProfile(session, me);
}

/** The profile card: who, on which site, what the password may do, and Disconnect. */
function renderProfile(session, me) {
  const { connection } = session;
  const name = me ? plainText(me.name) || me.slug : 'Loading your profile…';
  const avatars = (me && me.avatar_urls) || {};
  const siteName = session.site ? plainText(session.site.name) : '';
  const siteUrl = safeUrl(connection.siteUrl);
  const link = me && safeUrl(me.link);
  const login = `@${(me && me.slug) || connection.userLogin}`;
  fill(
    byId('wp-profile'),
    h(
      'div',
      { class: 'profile__who' },
      avatar(avatars['96'] || avatars['48'], name, 'avatar avatar--large'),
      h(
        'div',
        { class: 'profile__names' },
        h('h2', { class: 'profile__name', id: 'wp-profile-name', text: name }),
        link
          ? h('a', { class: 'profile__username', id: 'wp-profile-username', href: link, target: '_blank', rel: 'noopener noreferrer', text: login })
          : h('span', { class: 'profile__username', id: 'wp-profile-username', text: login }),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', { text: 'Site' }),
      h(
        'dd',
        { id: 'wp-site' },
        siteName ? h('strong', { text: siteName }) : null,
        siteName ? ' ' : null,
        siteUrl ? h('a', { href: siteUrl, target: '_blank', rel: 'noopener noreferrer', text: displayUrl(siteUrl) }) : connection.siteUrl,
      ),
      h('dt', { text: 'Log-in' }),
      h('dd', { id: 'wp-login', text: connection.userLogin }),
      h('dt', { text: 'Access' }),
      h('dd', { id: 'wp-access' }, h('span', { class: 'chip', text: 'application password' })),
      h('dt', { text: 'Expires' }),
      h('dd', { text: 'never: until you disconnect' }),
      h('dd', {
        class: 'note',
        text: "It carries all of this user's rights on the site. Disconnect revokes it; so does Users → Profile → Application Passwords on the site.",
      }),
    ),
    h('button', { type: 'button', class: 'btn btn--ghost btn--block', id: 'wp-disconnect', onclick: () => disconnect(session), text: 'Disconnect (revoke the password)' }),
  );
}

/** Revokes the password on the site, then hands the page back. */
async function disconnect(session) {
  const button = byId('wp-disconnect');
  button.disabled = true;
  button.textContent = 'Revoking…';
  try {
    await session.client.disconnect();
  } catch (err) {
    if (session.ended) return;
    button.disabled = false;
    button.textContent = 'Disconnect (revoke the password)';
    fail(session, err, () => disconnect(session));
    return;
  }
  const where = session.site ? plainText(session.site.name) : displayUrl(session.connection.siteUrl);
  leave(session);
  showBanner({
    kind: 'info',
    title: `Disconnected from ${where || 'the site'}.`,
    text: "The site revoked this page's application password: it no longer opens anything.",
  });
}

/** One page of posts; page 1 replaces the list, later pages add to it. */
async function loadPosts(session, page) {
  const status = byId('wp-posts-status');
  const more = byId('wp-posts-more');
  more.hidden = true;
  status.textContent = page === 1 ? 'Loading posts…' : 'Loading more…';
  let result;
  try {
    result = await session.client.listPosts({ page, perPage: PER_PAGE });
  } catch (err) {
    if (session.ended) return;
    status.textContent = "The posts couldn't be loaded.";
    fail(session, err, () => loadPosts(session, page));
    return;
  }
  if (session.ended) return;
  session.page = page;
  const list = byId('wp-posts-list');
  if (page === 1) list.replaceChildren();
  // A post written here since page 1 shifts the pages by one: skip what the list already has.
  const have = new Set([...list.children].map((row) => row.dataset.postId));
  list.append(...result.items.filter((post) => !have.has(String(post.id))).map(postRow));
  session.total = result.total;
  renderCount(session);
  more.hidden = result.totalPages === null || page >= result.totalPages;
  more.onclick = () => loadPosts(session, page + 1);
}

/** "10 of 21 published posts" under the panel's title. */
function renderCount(session) {
  const shown = byId('wp-posts-list').children.length;
  byId('wp-posts-status').textContent =
    shown === 0 ? 'No posts yet: write the first one below.' : session.total !== null ? `${shown} of ${session.total} published posts` : `${shown} posts`;
}

function postRow(post) {
  const title = plainText(post.title && post.title.rendered) || '(no title)';
  const url = safeUrl(post.link);
  return h(
    'li',
    { class: 'post', 'data-post-id': post.id },
    h(
      'div',
      { class: 'post__main' },
      url ? h('a', { class: 'post__title', href: url, target: '_blank', rel: 'noopener noreferrer', text: title }) : h('span', { class: 'post__title', text: title }),
      h('div', { class: 'post__meta' }, formatDate(post.date), post.status && post.status !== 'publish' ? h('span', { class: 'chip chip--muted', text: post.status }) : null),
    ),
  );
}

function formatDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

const DONE = { publish: 'Published', draft: 'Saved as a draft', pending: 'Submitted for review', private: 'Published privately' };

/** The new-post form: `createPost`, then the post at the top of the list. */
function renderSiteForm(session) {
  const form = byId('wp-new-post-form');
  const result = byId('wp-np-result');
  fill(result);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const input = {
      title: String(data.get('title') || '').trim(),
      content: String(data.get('content') || ''),
      status: String(data.get('status') || 'publish'),
    };
    if (input.title === '' && input.content.trim() === '') {
      fill(result, h('span', { class: 'error-text', text: 'Write a title or some content first.' }));
      byId('wp-np-title').focus();
      return;
    }
    const submit = byId('wp-np-submit');
    submit.disabled = true;
    fill(result, 'Sending…');
    try {
      const post = await session.client.createPost(input);
      if (session.ended) return;
      form.reset();
      const url = safeUrl(post.link);
      const title = plainText(post.title && post.title.rendered) || input.title || '(no title)';
      fill(
        result,
        h('span', { class: 'ok-text', text: `${DONE[post.status] || 'Created'}: ` }),
        url ? h('a', { id: 'wp-np-link', href: url, target: '_blank', rel: 'noopener noreferrer', text: `“${title}” ↗` }) : `“${title}”`,
      );
      const row = postRow(post);
      row.classList.add('post--new');
      byId('wp-posts-list').prepend(row);
      if (post.status === 'publish' && session.total !== null) session.total += 1;
      renderCount(session);
    } catch (err) {
      fill(result, h('span', { class: 'error-text', text: 'Not created — your text is still in the form.' }));
      // A POST is never repeated behind the user's back: the banner's Retry sends the form again.
      fail(session, err, () => form.requestSubmit());
    } finally {
      submit.disabled = false;
    }
  };
}
