// The demo's app (loaded by index.js): finish a sign-in if the address carries one, then show
// either the connect buttons or the signed-in session, and route every error to the banner.

import { loadAccount, loadPosts } from './account.js';
import { hideConnectedApps } from './connected-apps.js';
import { hideBanner, showBanner } from './banner.js';
import { readConfig } from './config.js';
import { byId, h, fill } from './dom.js';
import { describeError, endsSession } from './errors.js';
import { hideNewPostForm } from './new-post.js';
import { hidePosts } from './posts.js';
import { renderProfileLoading, stopClock } from './profile.js';
import { createAuth, createClient, isLoginOnly, rememberMode, rememberedLogin, startRedirect } from './session.js';
import { bootSiteDoor } from './site-door.js';

// Warn this long before the token expires, so the user can reconnect before a call fails.
const EXPIRING_WARNING_SECONDS = 60;

const config = readConfig();
/** The signed-in session, or null. */
let current = null;

/** Runs a banner action by name (see errors.js). */
function act(action, retry) {
  hideBanner();
  if (action === 'retry' && retry) return retry();
  if (action === 'reconnect') return startRedirect(config, { login: rememberedLogin() });
  if (action === 'full' || action === 'redirect') return startRedirect(config, { login: false });
  if (action === 'connect' && !current) {
    showSignedOut();
    byId('connect-redirect').focus();
  }
  return undefined;
}

/** Shows an error in words with its next step; a session-ending error ends the session. */
function report(err, retry) {
  if (endsSession(err)) {
    endSession('expired');
    return;
  }
  const message = describeError(err, { loginOnly: Boolean(current && current.loginOnly), apiBase: config.apiBase });
  showBanner(message, () => act(message.action, retry));
}

function showSignedOut() {
  byId('loading').hidden = true;
  byId('signed-in').hidden = true;
  byId('signed-out').hidden = false;
  document.body.dataset.state = 'signed-out';
}

function showSignedIn() {
  byId('loading').hidden = true;
  byId('signed-out').hidden = true;
  byId('signed-in').hidden = false;
  document.body.dataset.state = 'signed-in';
}

/** Starts showing a session for `token`, stored by `auth`. */
function signIn(auth, token) {
  const session = {
    auth,
    client: createClient(config, auth),
    token,
    loginOnly: isLoginOnly(token),
    ended: false,
    me: null,
    sites: [],
    site: null,
    report,
    act,
  };
  session.profileHandlers = {
    onSignOut: () => signOut(session),
    // The clock reached zero: asking for the token makes the client drop it and fire the
    // signed-out hooks; endSession also runs directly in case there was nothing to drop.
    onExpired: () => {
      session.auth.token();
      if (current === session) endSession('expired');
    },
  };
  current = session;
  auth.onSignedOut((reason) => {
    if (current === session) endSession(reason);
  });
  auth.onExpiring(() => {
    if (current === session) warnExpiring();
  }, EXPIRING_WARNING_SECONDS);
  hidePosts();
  hideNewPostForm();
  hideConnectedApps();
  showSignedIn();
  renderProfileLoading(token, session.profileHandlers);
  loadAccount(session);
}

function warnExpiring() {
  showBanner(
    {
      kind: 'expiring',
      title: 'Your connection expires in under a minute.',
      text: 'Reconnect now to keep working without interruption.',
      actionLabel: 'Reconnect',
    },
    () => act('reconnect'),
  );
}

function signOut(session) {
  session.auth.signOut();
  // signOut fires the hook only when a token was stored; end the session either way.
  if (current === session) endSession('sign_out');
}

/** Ends the current session: `sign_out`, `expired`, `invalid_token` or `other_tab`. */
function endSession(reason) {
  const session = current;
  if (!session) return;
  session.ended = true;
  current = null;
  stopClock();
  showSignedOut();
  if (reason === 'sign_out') {
    hideBanner();
    return;
  }
  if (reason === 'other_tab') {
    showBanner({ kind: 'info', title: 'You signed out in another tab.', text: 'Connect again to carry on here.', actionLabel: 'Connect' }, () => act('connect'));
    return;
  }
  // Expired or refused by the server: no call is retried; the user decides when to reconnect.
  const message = describeError({ code: 'token_expired' });
  showBanner(message, () => act(message.action));
}

function describeTarget() {
  const target = byId('target');
  const where = config.isEmulator ? `the local emulator at ${config.oauthBase}` : 'WordPress.com';
  fill(target, 'Talking to ', h('strong', { text: where }), ` · app ${config.clientId}`);
  target.hidden = false;
  byId('demo-logins').hidden = !config.isEmulator;
}

function wireConnectButtons() {
  byId('connect-redirect').addEventListener('click', () => startRedirect(config, { login: false }));
  byId('connect-login').addEventListener('click', () => startRedirect(config, { login: true }));
  byId('connect-popup').addEventListener('click', () => {
    hideBanner();
    let auth;
    try {
      auth = createAuth(config, { popup: true });
    } catch (err) {
      report(err);
      return;
    }
    rememberMode(false);
    // signInWithPopup opens the window synchronously, inside this click: no await before it.
    auth.signInWithPopup().then(
      (token) => {
        if (token) signIn(auth, token);
      },
      (err) => report(err),
    );
  });
  byId('posts-refresh').addEventListener('click', () => {
    if (current && current.site) loadPosts(current, current.site);
  });
}

function boot() {
  describeTarget();
  wireConnectButtons();
  // A WordPress site connected with an application password has the page to itself; its
  // redirect is finished (and scrubbed from the address) before the OAuth one is looked for.
  if (bootSiteDoor(config, { onLeave: bootWpcom })) return;
  bootWpcom();
}

/** Finishes a WordPress.com sign-in if the address carries one, else shows the stored session or the connect buttons. */
function bootWpcom() {
  let auth;
  try {
    auth = createAuth(config, { login: rememberedLogin() });
  } catch (err) {
    showSignedOut();
    report(err);
    return;
  }
  let token = null;
  try {
    // Finishes a redirect sign-in (and scrubs the token from the address bar); null otherwise.
    token = auth.handleRedirect(window.location.href);
  } catch (err) {
    report(err);
  }
  token = token || auth.token();
  if (token) signIn(auth, token);
  else showSignedOut();
}

boot();
