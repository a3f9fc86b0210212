// How the demo signs in: one Auth per way of connecting, all sharing the same sessionStorage
// slot (keys are namespaced by client id), so a token stored by any of them is seen by all.

import { Auth, Client } from 'wpcom-wasm';

// Remembers whether the last sign-in was log-in only, so "Reconnect" asks for the same thing.
// Not a secret: only "login" or "full".
const MODE_KEY = 'wpcom-wasm-demo:mode';

/** An Auth for the redirect flow (`popup: false`) or the popup flow, full or log-in only. */
export function createAuth(config, { login = false, popup = false } = {}) {
  return new Auth({
    clientId: config.clientId,
    redirectUri: popup ? config.callbackUri : config.redirectUri,
    scope: login ? 'auth' : 'global',
    storage: 'session',
    oauthBase: config.oauthBase,
    login,
  });
}

/** A Client that reads its token from `auth` (and signs out on `invalid_token`). */
export function createClient(config, auth) {
  return new Client({ auth, apiBase: config.apiBase });
}

/** Records how the user is connecting, for a later Reconnect. */
export function rememberMode(login) {
  try {
    window.sessionStorage.setItem(MODE_KEY, login ? 'login' : 'full');
  } catch {
    // Storage disabled: Reconnect then asks for full access, which is the safe default.
  }
}

/** Whether the last connection was log-in only. */
export function rememberedLogin() {
  try {
    return window.sessionStorage.getItem(MODE_KEY) === 'login';
  } catch {
    return false;
  }
}

/** Leaves for WordPress.com's authorize (or, for log-in only, authenticate) page. */
export function startRedirect(config, { login = false } = {}) {
  const auth = createAuth(config, { login });
  rememberMode(login);
  window.location.assign(auth.authorizeUrl());
}

/** Whether a token is a WordPress.com Connect (log-in only, `scope=auth`) token. */
export function isLoginOnly(token) {
  return Array.isArray(token && token.scope) && token.scope.includes('auth');
}
