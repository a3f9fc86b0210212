// callback.html: where WordPress.com sends the popup back. It forwards the URL it landed on to
// the window that opened it, on our exact origin only, and closes. It checks nothing itself:
// the opener holds the OAuth state and runs the same handleRedirect as the redirect flow.
// No WebAssembly here, so this page is tiny and instant.

import { CALLBACK_MESSAGE } from './popup.js';

const landed = window.location.href;
const hasOAuthData = /[#?&](access_token|error|state)=/.test(landed);

// The token must not stay in this window's address bar or history, whatever happens next.
if (hasOAuthData) {
  window.history.replaceState(null, '', window.location.pathname);
}

const opener = window.opener;
if (hasOAuthData && opener && opener !== window && !opener.closed) {
  // targetOrigin = our own origin: if the opener has navigated elsewhere, nothing is delivered.
  opener.postMessage({ type: CALLBACK_MESSAGE, url: landed }, window.location.origin);
  window.close();
} else {
  document.getElementById('callback-title').textContent = 'Nothing to finish here';
  document.getElementById('callback-text').textContent = hasOAuthData
    ? 'This page finishes a sign-in started from the demo window, which is no longer there. Go back to the demo and connect again.'
    : 'This page is only used by the "Connect in a popup" sign-in.';
  document.getElementById('callback-back').hidden = false;
}
