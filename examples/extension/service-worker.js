// The extension's one wpcom-wasm instance. The popup asks it for `signIn`, `profile` and
// `signOut` with chrome.runtime.sendMessage; the token lives in chrome.storage.local, so it
// survives the service worker being stopped and started again.
import init, { Auth, Client } from './wpcom-wasm/wpcom_wasm.js';
import { config } from './config.js';

// Service workers allow neither top-level await nor dynamic import(): start loading at once and
// let each handler await the same promise. The .wasm URL is given explicitly, as an extension URL.
const ready = (async () => {
  await init({ module_or_path: chrome.runtime.getURL('wpcom-wasm/wpcom_wasm_bg.wasm') });
  const auth = new Auth({
    clientId: config.clientId,
    // No redirectUri: in an extension it is chrome.identity.getRedirectURL(),
    // https://<extension-id>.chromiumapp.org/ (register that one).
    scope: config.scope,
    oauthBase: config.oauthBase,
    storage: 'extension', // chrome.storage.local
  });
  await auth.ready(); // reads a token stored by an earlier run of the worker
  return { auth, client: new Client({ auth, apiBase: config.apiBase }) };
})();

/// Signs in in the browser's sign-in window (launchWebAuthFlow), then shows the profile.
async function signIn() {
  const { auth } = await ready;
  await auth.signInWithExtension({ interactive: true });
  return profile();
}

/// The signed-in user's profile, or null when nobody is signed in.
async function profile() {
  const { auth, client } = await ready;
  return auth.token() ? client.me() : null;
}

async function signOut() {
  const { auth } = await ready;
  auth.signOut();
  return null;
}

const handlers = { signIn, profile, signOut };

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = sender.id === chrome.runtime.id ? handlers[message?.type] : undefined;
  if (!handler) return false;
  handler().then(
    (value) => sendResponse({ ok: true, value }),
    // WpcomError's code and message cross the message channel; the token never does.
    (e) => sendResponse({ ok: false, error: { code: e?.code ?? 'error', message: String(e?.message ?? e) } }),
  );
  return true; // the answer comes asynchronously
});
