// The popup sign-in's JavaScript half. Both ends of one protocol, so they share its names:
// - wpcomWatchPopup: the opener's event plumbing, called once per sign-in by
//   src/browser/popup.rs, which decides what a message means (the state check);
// - popupCallback: the callback page's side, exported by the package; it needs no wasm.
//
// The callback posts the URL it landed on to `window.opener` and on a same-origin
// BroadcastChannel: a page that sends `Cross-Origin-Opener-Policy: same-origin` loses its
// popup's `opener` (and its handle on the popup) as soon as the popup shows WordPress.com.

/** The callback's message type, and the name of the channel it also travels on. */
const MESSAGE = 'wpcom-wasm:popup';
/** The opener's answer to the message it took: the callback closes only once it is taken. */
const TAKEN = 'wpcom-wasm:popup-taken';
const POLL_MS = 500;
/** How long the callback waits for an opener to take its URL. */
const TAKEN_WAIT_MS = 4000;

// What wpcomWatchPopup reports (popup.rs `Event` names them the same).
const ANSWER = 0; // a callback URL, maybe this sign-in's answer
const CLOSED = 1;
const TIMED_OUT = 2;
const ABORTED = 3;

/**
 * Watches `popup` until one of these ends the sign-in: a callback URL that answers it
 * (`report(ANSWER, url, taken)` for each URL; report() calls `taken()` when the URL was this
 * sign-in's, and the wait goes on otherwise), the popup closed (`CLOSED`), `ms` elapsed
 * (`TIMED_OUT`), `signal` aborted (`ABORTED`), each reported once as `report(kind)`. Then it
 * stops listening and closes the popup.
 */
export function wpcomWatchPopup(popup, ms, signal, report) {
  const channel = new BroadcastChannel(MESSAGE);
  let done = false;
  const stop = () => {
    done = true;
    clearInterval(poll);
    clearTimeout(timer);
    removeEventListener('message', onMessage);
    signal?.removeEventListener('abort', onAbort);
    channel.close();
    try {
      popup.close();
    } catch {
      // Already gone (a discarded window can throw): nothing to close.
    }
  };
  const end = (kind) => done || (stop(), report(kind));
  const onAbort = () => end(ABORTED);
  const onMessage = (event) => {
    const { data } = event;
    // Only the popup this call opened, showing this origin (not another window or frame, nor
    // the popup while it shows another site), or the channel, which only this origin can use.
    const trusted = event.target == channel || (event.origin == location.origin && event.source == popup);
    if (!done && trusted && data?.type == MESSAGE && typeof data.url == 'string') {
      report(ANSWER, data.url, () => {
        channel.postMessage({ type: TAKEN, id: data.id });
        stop();
      });
    }
  };
  // A closed popup sends nothing: notice it rather than wait for the time limit. But a page with
  // COOP `same-origin` sees its popup as closed once it shows another origin: there, `closed`
  // means nothing and only the answer, the time limit or the signal ends the wait.
  const poll = setInterval(() => {
    if (!popup.closed) return;
    clearInterval(poll);
    // The callback closes itself right after posting: its message gets one more poll to arrive.
    severedByCoop().then((severed) => severed || setTimeout(end, POLL_MS, CLOSED));
  }, POLL_MS);
  const timer = setTimeout(end, ms, TIMED_OUT);
  addEventListener('message', onMessage);
  channel.onmessage = onMessage;
  signal?.addEventListener('abort', onAbort);
}

/**
 * Whether this page sends `Cross-Origin-Opener-Policy: same-origin`, read from its own headers
 * (a GET whose body is dropped unread: some servers mishandle HEAD).
 */
function severedByCoop() {
  return fetch(location.href, { cache: 'no-store' }).then((r) => {
    r.body?.cancel();
    return /^\s*same-origin\s*(;|$)/i.test(r.headers.get('cross-origin-opener-policy') ?? '');
  }, () => false);
}

/**
 * The callback page's whole job (the package's `callback.html` calls it): forwards the URL it
 * landed on to the window that started the sign-in, scrubs the OAuth data (or the application
 * password) from the address bar
 * and closes the window. It checks nothing: the opener holds the state and checks it.
 * Resolves with `true` once an opener took the URL, `false` when there is no OAuth data here or
 * nobody took it within a few seconds (then the page stays open: say so to the user).
 */
export function popupCallback() {
  const url = location.href;
  // OAuth's answer, or Authorize Application's (an application password, or `success=false`).
  if (!/[#?&/](access_token|error|password|success)=/.test(url)) return Promise.resolve(false);
  // The token or password must not stay in this window's address bar or history, whatever
  // happens next.
  history.replaceState(null, '', location.pathname);
  const id = crypto.randomUUID?.() ?? String(Math.random());
  const channel = new BroadcastChannel(MESSAGE);
  return new Promise((resolve) => {
    const finish = (taken) => {
      clearTimeout(timer);
      channel.close();
      resolve(taken);
      if (taken) close();
    };
    const timer = setTimeout(finish, TAKEN_WAIT_MS, false);
    channel.onmessage = ({ data }) => data?.type == TAKEN && data.id == id && finish(true);
    const message = { type: MESSAGE, url, id };
    // targetOrigin = this origin: an opener that has navigated elsewhere gets nothing.
    try {
      opener?.postMessage(message, location.origin);
    } catch {
      // A closed or unreachable opener: the channel may still reach it.
    }
    channel.postMessage(message);
  });
}
