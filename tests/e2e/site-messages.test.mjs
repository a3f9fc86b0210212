// "Connect a WordPress site"'s words, without a browser: every error code the site door can meet
// (discoverSite, SiteAuth.handleRedirect, SiteClient) says what happened and what to do, names
// the code, and keeps the library's reason where it carries one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfig } from '../../www/src/config.js';
import { describeSiteError } from '../../www/src/site-errors.js';

test('every error of the site door gets words, the next step, and its code', () => {
  const cases = [
    // [code, kind, action, words]
    ['not_wordpress', 'refused', 'address', /isn't a WordPress site\..*No WordPress REST API answered at example\.test/],
    // The library's reason says why (WordPress's own words, the likely causes): said once.
    ['rest_api_disabled', 'refused', 'address', /^This WordPress site has its REST API turned off\. Reason from the library\. \(rest_api_disabled\)$/],
    ['application_passwords_unavailable', 'refused', 'address', /doesn't offer application passwords\. Reason from the library\. A WordPress\.com site without them connects with "Connect with WordPress\.com"/],
    ['popup_blocked', 'refused', 'address', /blocked the popup\..*Allow popups.*goes to the site and back in this tab/],
    ['popup_closed', 'denied', 'address', /popup was closed before the site was connected\..*Nothing was kept/],
    ['site_mismatch', 'refused', 'address', /isn't the one you chose\..*neither used nor kept/],
    ['state_missing', 'refused', 'address', /nothing was kept/],
    ['state_mismatch', 'refused', 'address', /nothing was kept/],
    ['bad_redirect', 'refused', 'address', /nothing was kept/],
    ['credentials_refused', 'expired', 'address', /no longer accepts this connection\..*forgotten it/],
    ['credentials_ignored', 'expired', 'address', /as if you were not logged in\..*refused the application password.*never read it/],
    ['access_denied', 'denied', 'address', /You declined to connect the site\..*created no password/],
    ['network', 'network', 'address', /could not be reached\..*at example\.test/],
    ['timeout', 'network', 'retry', /took too long/],
    ['invalid_config', 'refused', 'address', /can't be used\..*Reason from the library\./],
    ['rest_cannot_create', 'other', 'retry', /did not allow that\..*Reason from the library\./],
  ];
  for (const [code, kind, action, words] of cases) {
    const message = describeSiteError({ code, message: 'reason from the library' }, 'example.test');
    assert.equal(message.kind, kind, code);
    assert.equal(message.action, action, code);
    assert.match(`${message.title} ${message.text}`, words, code);
    assert.ok(message.text.endsWith(`(${code})`), `${code}: the code ends the text`);
    assert.ok(message.actionLabel, `${code}: a button`);
  }
  assert.match(describeSiteError(undefined).text, /\(unknown\)$/);
});

test('the local WordPress reaches the site door through config.js', () => {
  const win = (runtime) => ({ WPCOM_DEMO_CONFIG: runtime, location: { href: 'http://127.0.0.1:8080/' } });
  const logins = [{ login: 'admin', password: 'admin-password', role: 'administrator' }];
  const config = readConfig(win({ wordpressUrl: ' http://127.0.0.1:9091 ', wordpressLogins: logins }));
  assert.equal(config.wordpressUrl, 'http://127.0.0.1:9091');
  assert.deepEqual(config.wordpressLogins, logins);
  const none = readConfig(win({}));
  assert.equal(none.wordpressUrl, undefined);
  assert.deepEqual(none.wordpressLogins, []);
});
