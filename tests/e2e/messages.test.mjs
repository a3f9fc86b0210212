// The demo's pure parts, without a browser: the words and next step for every error, where the
// demo points (config precedence), and the time-left format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfig } from '../../www/src/config.js';
import { describeError, endsSession } from '../../www/src/errors.js';
import { formatTimeLeft } from '../../www/src/profile.js';
import { splitList } from '../../www/src/new-post.js';

test('every error gets words and the next step that helps', () => {
  const cases = [
    // [code, context, kind, action, words]
    ['access_denied', {}, 'denied', 'connect', /declined/],
    ['state_mismatch', {}, 'refused', 'connect', /nothing was stored/],
    ['state_missing', {}, 'refused', 'connect', /nothing was stored/],
    ['token_expired', {}, 'expired', 'reconnect', /Reconnect/],
    ['invalid_token', {}, 'expired', 'reconnect', /Reconnect/],
    ['network', { apiBase: 'http://api.test' }, 'network', 'retry', /http:\/\/api\.test/],
    ['timeout', {}, 'network', 'retry', /retry/],
    ['rate_limited', {}, 'rate-limited', 'retry', /Wait a minute/],
    ['unauthorized', { loginOnly: true }, 'login-only', 'full', /log-in-only connection can't list sites — connect with full access/],
    ['authorization_required', { loginOnly: true }, 'login-only', 'full', /connect with full access/],
    ['unauthorized', { loginOnly: false }, 'refused', 'reconnect', /did not allow/],
    ['popup_blocked', {}, 'popup', 'redirect', /blocked the popup/],
    ['popup_closed', {}, 'popup', 'connect', /closed before it finished/],
    ['bad_response', {}, 'other', 'retry', /\(bad_response\)/],
  ];
  for (const [code, context, kind, action, words] of cases) {
    const message = describeError({ code, message: 'server text' }, context);
    assert.equal(message.kind, kind, code);
    assert.equal(message.action, action, code);
    assert.ok(message.actionLabel, `${code} has a button`);
    assert.match(`${message.title} ${message.text}`, words, code);
  }
});

test('only session-ending errors end the session', () => {
  for (const code of ['token_expired', 'invalid_token', 'not_signed_in']) assert.ok(endsSession({ code }), code);
  for (const code of ['network', 'rate_limited', 'unauthorized', 'access_denied']) assert.ok(!endsSession({ code }), code);
  assert.ok(!endsSession(null));
});

test('config: runtime over defaults; a client id alone points at WordPress.com; the query string is ignored', () => {
  const win = (config, href = 'http://127.0.0.1:8080/?apiBase=https://evil.test') => ({ WPCOM_DEMO_CONFIG: config, location: { href } });
  const cases = [
    [undefined, { clientId: '1234', apiBase: 'http://127.0.0.1:9090', oauthBase: 'http://127.0.0.1:9090', isEmulator: true }],
    [{ clientId: '98765' }, { clientId: '98765', apiBase: 'https://public-api.wordpress.com', oauthBase: 'https://public-api.wordpress.com', isEmulator: false }],
    [{ apiBase: 'http://127.0.0.1:4000/' }, { clientId: '1234', apiBase: 'http://127.0.0.1:4000', oauthBase: 'http://127.0.0.1:4000', isEmulator: true }],
    [{ clientId: ' ', apiBase: '' }, { clientId: '1234', apiBase: 'http://127.0.0.1:9090', oauthBase: 'http://127.0.0.1:9090', isEmulator: true }],
  ];
  for (const [given, want] of cases) {
    const config = readConfig(win(given));
    for (const [key, value] of Object.entries(want)) assert.equal(config[key], value, `${JSON.stringify(given)} ${key}`);
    assert.equal(config.redirectUri, 'http://127.0.0.1:8080/');
    assert.equal(config.callbackUri, 'http://127.0.0.1:8080/callback.html');
  }
  assert.equal(readConfig(win({}, 'http://127.0.0.1:8080/index.html#x')).redirectUri, 'http://127.0.0.1:8080/');
});

test('time left reads naturally at every scale', () => {
  const cases = [
    [1_209_600_000, '14 d 0 h 0 min 00 s'],
    [3_600_000 + 61_000, '1 h 1 min 01 s'],
    [125_000, '2 min 05 s'],
    [3_000, '3 s'],
    [-5_000, '0 s'],
  ];
  for (const [ms, text] of cases) assert.equal(formatTimeLeft(ms), text);
});

test('tags and categories are split on commas, blanks dropped', () => {
  assert.deepEqual(splitList(' wasm, demo ,,  '), ['wasm', 'demo']);
  assert.deepEqual(splitList(''), []);
});
