// Where the demo points: the runtime config (www/config.js, or one served in its place by
// `npm start` and the tests) wins over the build-time env (WPCOM_* through DefinePlugin), which
// wins over the defaults (the local emulator and its app, client id 1234).
//
// Deliberately not read from the query string: a link that set `apiBase` would send the token
// to whatever host the link names.

/** The local emulator started by `npm start`. */
export const EMULATOR_BASE = 'http://127.0.0.1:9090';
/** WordPress.com's API and OAuth host. */
export const WPCOM_BASE = 'https://public-api.wordpress.com';
/** The app the emulator has registered. */
export const EMULATOR_CLIENT_ID = '1234';

/* global __WPCOM_BUILD_CONFIG__ */
const BUILT = typeof __WPCOM_BUILD_CONFIG__ === 'object' ? __WPCOM_BUILD_CONFIG__ : {};

/** A non-empty trimmed string, or undefined. */
function given(value) {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** Drops a trailing slash so paths can be appended. */
function base(url) {
  return url.replace(/\/+$/, '');
}

/**
 * The demo's settings: `{ clientId, apiBase, oauthBase, redirectUri, callbackUri, isEmulator,
 * wordpressUrl, wordpressLogins }`.
 * With only a client id other than the emulator's, both hosts default to WordPress.com.
 */
export function readConfig(win = window) {
  const runtime = (win && win.WPCOM_DEMO_CONFIG) || {};
  const pick = (key) => given(runtime[key]) ?? given(BUILT[key]);
  const clientId = pick('clientId') ?? EMULATOR_CLIENT_ID;
  const fallback = clientId === EMULATOR_CLIENT_ID ? EMULATOR_BASE : WPCOM_BASE;
  const apiBase = base(pick('apiBase') ?? fallback);
  const oauthBase = base(pick('oauthBase') ?? pick('apiBase') ?? fallback);
  const page = new URL('./', win.location.href);
  return {
    clientId,
    apiBase,
    oauthBase,
    // Must equal a redirect URI registered for the app, character for character.
    redirectUri: pick('redirectUri') ?? page.href,
    callbackUri: pick('callbackUri') ?? new URL('callback.html', page).href,
    isEmulator: oauthBase !== WPCOM_BASE,
    // The local WordPress `npm start` runs beside the emulator: prefills "Connect a WordPress
    // site" (site-door.js) and lists its log-ins ([{ login, password, role }]).
    wordpressUrl: pick('wordpressUrl'),
    wordpressLogins: Array.isArray(runtime.wordpressLogins) ? runtime.wordpressLogins : [],
  };
}
