// The popup sign-in, opener side.
//
// The opener owns the OAuth `state`: it stores it (authorizeUrl) and checks it (handleRedirect)
// exactly as in the redirect flow. callback.html only forwards the URL it landed on. Chromium
// gives a window.open popup a *copy* of the opener's sessionStorage, so letting the popup check
// the state would consume the copy, not the original — one more reason to keep it here.

/** The message type callback.html posts; anything else is ignored. */
export const CALLBACK_MESSAGE = 'wpcom-wasm-demo:callback';

const FEATURES = 'popup,width=520,height=720';
const CLOSED_POLL_MS = 500;

/** An Error with a `code`, shaped like the client's `WpcomError` for describeError. */
function demoError(code, message) {
  return Object.assign(new Error(message), { code });
}

/**
 * Opens the sign-in popup. Must run synchronously inside the click handler (no `await` before
 * it), or popup blockers stop it. Resolves with the Token, or rejects with a WpcomError
 * (access_denied, state_mismatch…) or a demo error (popup_blocked, popup_closed).
 */
export function signInWithPopup(auth, win = window) {
  const url = auth.authorizeUrl();
  const popup = win.open(url, 'wpcom-wasm-sign-in', FEATURES);
  if (!popup) return Promise.reject(demoError('popup_blocked', 'the popup was blocked'));
  popup.focus();
  return new Promise((resolve, reject) => {
    const finish = (settle, value) => {
      win.removeEventListener('message', onMessage);
      win.clearInterval(closedPoll);
      settle(value);
    };
    const onMessage = (event) => {
      // Only the window we opened, on our own origin, can finish the sign-in. A frame or
      // window elsewhere that posts a forged callback (even with the right state) is ignored.
      if (event.origin !== win.location.origin || event.source !== popup) return;
      const data = event.data;
      if (!data || data.type !== CALLBACK_MESSAGE || typeof data.url !== 'string') return;
      try {
        // The same parser and state check as the redirect flow. The URL is not this page's
        // address, so nothing here is scrubbed (callback.html scrubbed its own).
        const token = auth.handleRedirect(data.url);
        finish(resolve, token);
      } catch (err) {
        finish(reject, err);
      }
    };
    // A closed popup sends nothing: notice it rather than wait forever. The callback closes
    // itself right after posting, so give its message one more poll to arrive first.
    let closedSeen = 0;
    const closedPoll = win.setInterval(() => {
      closedSeen = popup.closed ? closedSeen + 1 : 0;
      if (closedSeen >= 2) finish(reject, demoError('popup_closed', 'the sign-in window was closed'));
    }, CLOSED_POLL_MS);
    win.addEventListener('message', onMessage);
  });
}
