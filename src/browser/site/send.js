// One attempt of a call to a WordPress site (src/browser/site/transport.rs), in one call from
// wasm. `fetch` with `credentials: 'omit'`: the application password is the only credential
// (a WordPress cookie without its nonce would make the request anonymous), and XMLHttpRequest
// cannot leave out a same-origin page's cookies. `done(kind, status, value, headers)`, kinds
// as in src/browser/send.js; `headers` = [Retry-After, X-WP-Total, X-WP-TotalPages, Link],
// each a string or null (only what the site exposes to this origin: core exposes the last three).
const PARSED = 0;
const ANSWERED = 1;
const TIMED_OUT = 2;
const ABORTED = 3;
const NETWORK = 4;
const NOT_JSON = 5;

export function wpcomSiteSend(url, method, auth, body, type, disposition, ms, signal, delay, done) {
  const go = () => {
    if (signal && signal.aborted) return done(ABORTED, 0);
    const c = new AbortController();
    let why = NETWORK;
    const stop = (kind) => () => {
      why = kind;
      c.abort();
    };
    const onAbort = stop(ABORTED);
    const timer = setTimeout(stop(TIMED_OUT), ms);
    const headers = {};
    auth && (headers.Authorization = auth);
    type && (headers['Content-Type'] = type);
    disposition && (headers['Content-Disposition'] = disposition);
    signal && signal.addEventListener('abort', onAbort);
    const settle = (kind, status, value, h) => {
      clearTimeout(timer);
      signal && signal.removeEventListener('abort', onAbort);
      done(kind, status, value, h);
    };
    const read = (r) =>
      r.text().then((t) => {
        let kind = r.ok ? PARSED : ANSWERED;
        let value = t;
        if (r.ok) {
          try {
            value = JSON.parse(t);
          } catch (_) {
            kind = NOT_JSON;
          }
        }
        const h = ['Retry-After', 'X-WP-Total', 'X-WP-TotalPages', 'Link'].map((n) => r.headers.get(n));
        return [kind, r.status, value, h];
      });
    let sent;
    try {
      sent = fetch(url, { method, headers, body, signal: c.signal, credentials: 'omit' });
    } catch (_) {
      return settle(NETWORK, 0);
    }
    sent.then(read).then((o) => settle(...o), () => settle(why, 0));
  };
  delay ? setTimeout(go, delay) : go();
}
