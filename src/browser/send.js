// One attempt of an HTTP call, in one call from wasm (src/browser/transport.rs): every crossing
// between wasm and JS costs time, so headers, time limit, abort relay and JSON parsing are here.
// `done(kind, status, value, header)` is called once with one of these kinds (transport.rs
// `Kind` names them the same); `header` is an error's `Retry-After`, a 2xx answer's
// `X-WP-TotalPages` (pages of the core REST API), when the server exposes it. `body` is a JSON
// text (sent as application/json) or a FormData (the browser sets its multipart Content-Type);
// `progress({ loaded, total })` follows an upload's bytes, through XMLHttpRequest only (fetch
// has no upload progress).
const PARSED = 0; // a 2xx answer, value = its parsed JSON
const ANSWERED = 1; // any other answer, value = its text
const TIMED_OUT = 2;
const ABORTED = 3;
const NETWORK = 4; // no answer: offline, DNS, a CORS refusal
const NOT_JSON = 5; // a 2xx answer that is not JSON

export function wpcomSend(url, method, auth, body, ms, signal, delay, progress, done) {
  const go = () => {
    if (signal && signal.aborted) return done(ABORTED, 0);
    const end = (kind, status, text, retry) => {
      if (kind == PARSED) {
        try {
          text = JSON.parse(text);
        } catch (_) {
          kind = NOT_JSON;
        }
      }
      done(kind, status, text, retry);
    };
    // XMLHttpRequest is faster than fetch in Chromium; service workers (and Node) lack it.
    // What throws before the request leaves (a malformed URL) is a failed request, as in fetch.
    try {
      (typeof XMLHttpRequest > 'u' ? viaFetch : viaXhr)(url, method, auth, body, ms, signal, end, progress);
    } catch (_) {
      end(NETWORK, 0);
    }
  };
  delay ? setTimeout(go, delay) : go();
}

function viaXhr(url, method, auth, body, ms, signal, end, progress) {
  const x = new XMLHttpRequest();
  const onAbort = () => x.abort();
  const on = (kind) => () => {
    signal && signal.removeEventListener('abort', onAbort);
    const ok = x.status > 199 && x.status < 300;
    kind ? end(kind, 0) : end(ok ? PARSED : ANSWERED, x.status, x.responseText, header(x.getAllResponseHeaders(), ok ? 'x-wp-totalpages' : 'retry-after'));
  };
  x.open(method, url);
  auth && x.setRequestHeader('Authorization', auth);
  typeof body == 'string' && x.setRequestHeader('Content-Type', 'application/json');
  if (progress) {
    // The last `progress` event may fall short of `total`; `load` reports the end once.
    let last = -1;
    x.upload.onprogress = x.upload.onload = (e) => {
      e.loaded != last && progress({ loaded: (last = e.loaded), total: e.total });
    };
  }
  x.timeout = ms;
  x.onload = on(0); // 0: the answer decides PARSED or ANSWERED
  x.ontimeout = on(TIMED_OUT);
  x.onabort = on(ABORTED);
  x.onerror = on(NETWORK);
  signal && signal.addEventListener('abort', onAbort);
  x.send(body);
}

// A header only when the server exposes it to this origin (Access-Control-Expose-Headers):
// getResponseHeader on a header that is not exposed makes Chromium log "Refused to get unsafe
// header" as a console error; the list of all headers holds only the exposed ones, silently.
function header(all, name) {
  const m = new RegExp(`^${name}:[ \t]*(.*?)[ \t]*$`, 'im').exec(all);
  return m ? m[1] : null;
}

function viaFetch(url, method, auth, body, ms, signal, end) {
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
  typeof body == 'string' && (headers['Content-Type'] = 'application/json');
  signal && signal.addEventListener('abort', onAbort);
  const settle = (...outcome) => {
    clearTimeout(timer);
    signal && signal.removeEventListener('abort', onAbort);
    end(...outcome);
  };
  fetch(url, { method, headers, body, signal: c.signal })
    .then((r) => r.text().then((t) => [r.ok ? PARSED : ANSWERED, r.status, t, r.headers.get(r.ok ? 'X-WP-TotalPages' : 'Retry-After')]))
    .then((outcome) => settle(...outcome), () => settle(why, 0));
}
