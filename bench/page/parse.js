// Fragment-parse workload: realistic implicit-flow redirects and the by-hand baseline.

const SPECIALS = '#$^@)!* +&=%';

/** `n` distinct redirect URLs: tokens holding characters that must be percent-encoded, `+` for
 *  spaces, keys in rotating order, one in ten an error redirect. */
export function makeRedirects(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    let tok = '';
    for (let j = 0; j < 64; j++) {
      const k = (i * 31 + j * 7) % 75;
      tok += k < 62 ? 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[k] : SPECIALS[k - 62] ?? 'x';
    }
    const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
    let pairs;
    if (i % 10 === 9) {
      pairs = [['error', 'access_denied'], ['error_description', enc('You need to log in to WordPress.com')], ['state', '']];
    } else {
      pairs = [
        ['access_token', enc(tok)], ['expires_in', '1209600'], ['token_type', 'bearer'],
        ['site_id', String(i % 3 === 0 ? 0 : 1000 + i)], ['scope', i % 2 ? 'global' : ''], ['state', `s${i}`],
      ];
    }
    const r = i % pairs.length;
    const ordered = pairs.slice(r).concat(pairs.slice(0, r));
    out.push(`http://127.0.0.1:8080/callback.html#${ordered.map(([k, v]) => `${k}=${v}`).join('&')}`);
  }
  return out;
}

/** What an app writes without a library: URL + URLSearchParams, duplicates refused, an error
 *  redirect thrown as an error with its code, expiry made absolute, scope split. */
export function parseByHand(href) {
  const u = new URL(href);
  const raw = u.hash.length > 1 ? u.hash.slice(1) : u.search.slice(1);
  const p = new URLSearchParams(raw);
  const seen = new Set();
  for (const k of p.keys()) {
    if (seen.has(k)) throw new Error('bad_redirect: duplicate key');
    seen.add(k);
  }
  const error = p.get('error');
  if (error) throw Object.assign(new Error(p.get('error_description') ?? error), { code: error });
  const accessToken = p.get('access_token');
  if (!accessToken) return null;
  const expiresIn = p.get('expires_in');
  return {
    accessToken,
    tokenType: p.get('token_type') ?? 'bearer',
    expiresAt: expiresIn ? Date.now() + Number(expiresIn) * 1000 : null,
    siteId: Number(p.get('site_id') ?? 0),
    scope: (p.get('scope') ?? '').split(/[ ,]+/).filter(Boolean),
    state: p.get('state'),
  };
}
