// Sign in with WordPress.com and show the profile: the whole client, with no bundler.
import init, { Auth, Client, WpcomError } from './wpcom-wasm/web/index.js';
import { config } from './config.js';

const $ = (id) => document.getElementById(id);

function show(state, message) {
  document.body.dataset.state = state;
  $('status').textContent = message;
  $('status').className = state === 'error' ? 'error' : '';
  $('sign-in').hidden = state !== 'signed-out';
  $('sign-out').hidden = state !== 'signed-in';
}

async function main() {
  await init(); // fetches ./wpcom-wasm/web/wpcom_wasm_bg.wasm next to the JS glue
  const auth = new Auth({
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    scope: 'global',
    oauthBase: config.oauthBase,
  });
  await auth.ready();
  $('sign-in').onclick = () => location.assign(auth.authorizeUrl());
  $('sign-out').onclick = () => { auth.signOut(); location.reload(); };

  // Back from WordPress.com? This checks the state, stores the token and scrubs it from the URL.
  auth.handleRedirect(location.href);
  if (!auth.token()) return show('signed-out', 'Not signed in.');

  const me = await new Client({ auth, apiBase: config.apiBase }).me();
  for (const el of document.querySelectorAll('[data-field]')) el.textContent = me[el.dataset.field] ?? '';
  $('avatar').src = me.avatar_URL;
  $('profile').hidden = false;
  show('signed-in', `Signed in as ${me.username}.`);
}

// Codes after which signing in again is the way forward.
const SIGN_IN_AGAIN = ['access_denied', 'invalid_token', 'token_expired', 'not_signed_in'];

main().catch((e) => {
  // WpcomError carries a stable `code` (and `status` when the server answered).
  if (!(e instanceof WpcomError)) return show('error', String(e));
  show(SIGN_IN_AGAIN.includes(e.code) ? 'signed-out' : 'error', `${e.code}: ${e.message}`);
});
