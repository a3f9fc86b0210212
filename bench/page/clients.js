// The ways the page makes each call, behind one shape: { me, createPost, postLikes, iterate }.
// Each returns a promise of the decoded JSON and throws on an error response.

/** (a) Raw fetch with the bearer header and `response.json()`: the floor for any client. */
export function rawClient(token, apiBase) {
  const base = `${apiBase}/rest/v1.1`;
  const auth = { Authorization: `Bearer ${token}` };
  const get = async (path) => {
    const res = await fetch(base + path, { headers: auth });
    if (!res.ok) throw new Error(`raw fetch ${path}: HTTP ${res.status}`);
    return res.json();
  };
  return {
    me: () => get('/me'),
    postLikes: (site, id) => get(`/sites/${site}/posts/${id}/likes`),
    iterate: (site, count) => byHandle(count, (handle) =>
      get(`/sites/${site}/posts/?number=100${handle ? `&page_handle=${encodeURIComponent(handle)}` : ''}`)),
    createPost: async (site, body) => {
      const res = await fetch(`${base}/sites/${site}/posts/new`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`raw fetch posts/new: HTTP ${res.status}`);
      return res.json();
    },
  };
}

/** Reference only (not a column of the table): XMLHttpRequest + JSON.parse, the transport
 *  under the official client, to show how far fetch itself is from XHR in this browser. */
export function rawXhrClient(token, apiBase) {
  const base = `${apiBase}/rest/v1.1`;
  const send = (method, path, body) => new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open(method, base + path);
    x.setRequestHeader('Authorization', `Bearer ${token}`);
    if (body) x.setRequestHeader('Content-Type', 'application/json');
    x.onload = () => (x.status >= 200 && x.status < 300
      ? resolve(JSON.parse(x.responseText))
      : reject(new Error(`raw XHR ${path}: HTTP ${x.status}`)));
    x.onerror = () => reject(new Error(`raw XHR ${path}: network error`));
    x.send(body ? JSON.stringify(body) : null);
  });
  return {
    me: () => send('GET', '/me'),
    postLikes: (site, id) => send('GET', `/sites/${site}/posts/${id}/likes`),
    createPost: (site, body) => send('POST', `/sites/${site}/posts/new`, body),
    iterate: (site, count) => byHandle(count, (handle) =>
      send('GET', `/sites/${site}/posts/?number=100${handle ? `&page_handle=${encodeURIComponent(handle)}` : ''}`)),
  };
}

/** (b) wpcom-wasm, the web build, already initialised. */
export function oursClient(m, token, apiBase) {
  const c = new m.Client({ token, apiBase });
  return {
    me: () => c.me(),
    postLikes: (site, id) => c.postLikes(site, id),
    createPost: (site, body) => c.createPost(site, body),
    iterate: async (site, count) => {
      let n = 0;
      for await (const post of c.posts(site, { number: 100 })) {
        if (post.ID && ++n === count) break;
      }
      return n;
    },
  };
}

/** (c) The official stack: wpcom over wpcom-xhr-request with `proxyOrigin` at the emulator. */
export function officialClient(o, token, apiBase) {
  const c = o.makeClient(token, apiBase);
  return {
    me: () => o.me(c),
    postLikes: (site, id) => o.postLikes(c, site, id),
    createPost: (site, body) => o.createPost(c, site, body),
    iterate: (site, count) => byHandle(count, (handle) => o.postsPage(c, site, { number: 100, ...(handle && { page_handle: handle }) })),
  };
}

/** Reads pages by hand, following `meta.next_page`, until `count` posts (each one touched, as a
 *  loop over the items would); returns how many were read. */
async function byHandle(count, page) {
  let n = 0;
  let handle = null;
  for (;;) {
    const p = await page(handle);
    for (const post of p.posts) {
      if (post.ID && ++n === count) return n;
    }
    handle = p.meta && p.meta.next_page;
    if (!handle || !p.posts.length) return n;
  }
}
