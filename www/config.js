// Where the demo points. Edit this file (in www/ or in the built www/dist/) — no rebuild needed —
// or set WPCOM_CLIENT_ID / WPCOM_API_BASE / WPCOM_OAUTH_BASE when building or running `npm start`.
//
// Defaults: the local emulator (http://127.0.0.1:9090) and its registered app, client id 1234.
// For the real WordPress.com, a client id is enough: the hosts then default to
// https://public-api.wordpress.com. Register the app at https://developer.wordpress.com/apps/ with
// this page's URL (e.g. http://127.0.0.1:8080/ and http://127.0.0.1:8080/callback.html) as
// redirect URLs and its origin (http://127.0.0.1:8080) as a JavaScript origin.
window.WPCOM_DEMO_CONFIG = {
  // clientId: '12345',
  // apiBase: 'https://public-api.wordpress.com',
  // oauthBase: 'https://public-api.wordpress.com',
  // The address "Connect a WordPress site" starts with (npm start sets the local WordPress's):
  // wordpressUrl: 'https://example.com',
};
