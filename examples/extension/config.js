// Your app at https://developer.wordpress.com/apps/. Its redirect URL must be this extension's
// chrome.identity.getRedirectURL(): https://<extension-id>.chromiumapp.org/ (see README.md).
export const config = {
  clientId: 'YOUR_CLIENT_ID',
  scope: 'global',
  apiBase: 'https://public-api.wordpress.com',
  oauthBase: 'https://public-api.wordpress.com',
};
