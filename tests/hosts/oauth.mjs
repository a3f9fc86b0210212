// Playing WordPress.com's part of the implicit flow in the browser: the page's own "Sign in"
// sends it to `<oauthBase>/oauth2/authorize?…&state=…`, and this answers that navigation with
// the redirect WordPress.com would send, carrying a token minted by the emulator. The page's
// code path is the real one: authorizeUrl() stores the state, handleRedirect() checks it.

/// The redirect WordPress.com sends after the user approves: the token in the fragment.
export function approvedRedirect(authorizeUrl, token, { expiresIn = 3600, scope = 'global' } = {}) {
  const url = new URL(authorizeUrl);
  const redirectUri = url.searchParams.get('redirect_uri');
  const state = url.searchParams.get('state') ?? '';
  const fragment = new URLSearchParams({
    access_token: token, expires_in: String(expiresIn), token_type: 'bearer', site_id: '0', scope, state,
  });
  return `${redirectUri}#${fragment}`;
}

/// Answers the page's navigation to `${oauthBase}/oauth2/authorize` with a 302 to its redirect
/// URI; records the authorize URLs seen in the returned array.
export async function approveWithToken(page, oauthBase, token) {
  const seen = [];
  await page.route(`${oauthBase}/oauth2/authorize**`, (route) => {
    const url = route.request().url();
    seen.push(url);
    route.fulfill({ status: 302, headers: { location: approvedRedirect(url, token) } });
  });
  return seen;
}

/// Avatars point at gravatar.com, which this closed network cannot reach: answer them locally
/// so that a failed image load does not read as a page error.
export async function stubAvatars(target) {
  await target.route(/^https:\/\/[^/]*gravatar\.com\//, (route) => route.fulfill({ status: 204, body: '' }));
}
