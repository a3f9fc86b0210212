// Where the page points. Register your app at https://developer.wordpress.com/apps/ with this
// page's URL as its redirect URL (exactly, trailing slash included) and its origin as a
// JavaScript origin, then put the app's client ID here.
export const config = {
  clientId: 'YOUR_CLIENT_ID',
  redirectUri: new URL('./', location.href).href,
  apiBase: 'https://public-api.wordpress.com',
  oauthBase: 'https://public-api.wordpress.com',
};
