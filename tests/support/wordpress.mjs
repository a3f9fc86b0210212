// A real self-hosted WordPress for the tests (scripts/wordpress.sh: Debian's WordPress 6.1,
// MariaDB on a private socket, PHP's built-in server on 127.0.0.1), and the browser steps of its
// Authorize Application flow. docs/real-wordpress.md says what the site answers.
//
//   const wp = await startWordPress();            // reuses a running one, else starts one
//   const admin = wp.user('admin');               // { login, password, applicationPassword… }
//   await wp.rest('GET', '/wp/v2/users/me', { user: 'admin' });
//   await approveInBrowser(page, { user: 'admin' }); // on wp-login.php / authorize-application.php
//   await wp.switch('rest-disabled');             // a state a real site can be in; 'none' after
//   await wp.stop();                              // only stops a site this call started
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

/** The script that starts and stops the site. */
export const WORDPRESS_SCRIPT = path.join(ROOT, 'scripts', 'wordpress.sh');
/** scripts/wordpress.sh's exit code for "the packages are missing and cannot be installed here". */
const EXIT_UNAVAILABLE = 4;
/** scripts/wordpress.sh's exit code for "not running" (status). */
const EXIT_NOT_RUNNING = 3;

/**
 * Thrown by startWordPress when Debian's packages (mariadb-server php-cli php-mysql wordpress)
 * are missing and cannot be installed here (not root, no apt-get, or apt-get failed). Tests skip
 * on this error only: missing packages are otherwise installed by the script (and scripts/setup.sh).
 */
export class WordPressUnavailable extends Error {}

/** Runs scripts/wordpress.sh with `args`; resolves with `{ code, stdout, stderr }`. */
export function runScript(args, { state, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const childEnv = { ...process.env, ...env };
    if (state) childEnv.WORDPRESS_STATE = state;
    execFile('bash', [WORDPRESS_SCRIPT, ...args], { cwd: ROOT, env: childEnv, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') reject(err);
      else resolve({ code: err ? err.code : 0, stdout, stderr });
    });
  });
}

/**
 * Starts the site of state file `state` (default target/wordpress/state.json), or reuses the
 * one already running there (`npm start`'s, another test file's). `permalinks` ('pretty':
 * REST API at /wp-json/, or 'plain': at /index.php?rest_route=/) applies to a site this call
 * starts. Resolves with a WordPress; rejects with WordPressUnavailable (skip) or an Error with
 * the script's output.
 */
export async function startWordPress({ state, permalinks = 'pretty', port } = {}) {
  const stateFile = state || path.join(ROOT, 'target', 'wordpress', 'state.json');
  const status = await runScript(['status'], { state: stateFile });
  let started = false;
  if (status.code !== 0) {
    const env = { WORDPRESS_PERMALINKS: permalinks };
    if (port) env.WORDPRESS_PORT = String(port);
    const result = await runScript(['start'], { state: stateFile, env });
    if (result.code === EXIT_UNAVAILABLE) throw new WordPressUnavailable(result.stderr.trim());
    if (result.code !== 0) throw new Error(`scripts/wordpress.sh start failed (exit ${result.code}):\n${result.stderr}`);
    started = !/already running/.test(result.stderr);
  }
  return new WordPress(stateFile, started);
}

/** A running site: its URL, REST API root, seeded users, and calls to check it independently. */
export class WordPress {
  constructor(stateFile, started) {
    this.stateFile = stateFile;
    /** Whether startWordPress started it (then stop() stops it). */
    this.started = started;
    this.reload();
  }

  /** Re-reads the state file (after setPermalinks). */
  reload() {
    const state = JSON.parse(readFileSync(this.stateFile, 'utf8'));
    /** `http://127.0.0.1:PORT`, no trailing slash. */
    this.url = state.url;
    /** The REST API root the Link header announces: `…/wp-json/` or `…/index.php?rest_route=/`. */
    this.restRoot = state.restRoot;
    this.permalinks = state.permalinks;
    /** The state `switch()` put the site in: 'none' (a start's), 'rest-disabled', 'app-passwords-off'. */
    this.switched = state.switch || 'none';
    this.version = state.version;
    /** `{ php, mariadb }` process IDs. */
    this.pids = state.pids;
    this.folder = state.folder;
    /**
     * `[{ login, password, role, id, email, displayName, applicationPassword: { name, uuid,
     * appId, password } }]`: admin (administrator), author, subscriber. The application password
     * is as WordPress shows it, in groups of four joined by spaces.
     */
    this.users = state.users;
  }

  /** The seeded user `login` ('admin', 'author', 'subscriber'). */
  user(login) {
    const found = this.users.find((u) => u.login === login);
    if (!found) throw new Error(`no seeded user ${login} (have ${this.users.map((u) => u.login).join(', ')})`);
    return found;
  }

  /** `Basic base64(login:application password)` for a seeded user (or `{ login, password }`). */
  basicAuth(user) {
    const { login, password } =
      typeof user === 'string' ? { login: user, password: this.user(user).applicationPassword.password } : user;
    return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
  }

  /**
   * The URL of REST route `route` ('/wp/v2/posts?page=2') under this site's REST root, for
   * either permalink setting (`?rest_route=` takes the path, the query follows with `&`).
   */
  restUrl(route) {
    const [routePath, query] = route.split(/\?(.*)/s, 2);
    if (this.restRoot.includes('rest_route=')) {
      const base = `${this.url}/index.php?rest_route=${encodeURIComponent(routePath)}`;
      return query ? `${base}&${query}` : base;
    }
    return `${this.restRoot.replace(/\/$/, '')}${routePath}${query ? `?${query}` : ''}`;
  }

  /**
   * A REST call as an independent check: `user` (a seeded login, or `{ login, password }`) sends
   * Basic auth; `body` an object is sent as JSON. Resolves with `{ status, headers, body }`
   * (body parsed when JSON).
   */
  async rest(method, route, { user, body, headers = {} } = {}) {
    const sent = { ...headers };
    if (user) sent.authorization = this.basicAuth(user);
    let payload = body;
    if (body !== undefined && !(body instanceof Uint8Array) && typeof body !== 'string') {
      sent['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.restUrl(route), { method, headers: sent, body: payload });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (an HTML page): keep the text.
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  /** Switches the running site's permalinks ('pretty' or 'plain'); resolves with the new REST root. */
  async setPermalinks(mode) {
    const result = await runScript(['permalinks', mode], { state: this.stateFile });
    if (result.code !== 0) throw new Error(`scripts/wordpress.sh permalinks ${mode} failed:\n${result.stderr}`);
    this.reload();
    return this.restRoot;
  }

  /**
   * Puts the running site into a state a real site can be in (scripts/wordpress.sh switch, through
   * scripts/wordpress/mu-plugin.php): 'rest-disabled' (the REST API answers visitors who are not
   * logged in 401 `rest_cannot_access`, as the "Disable REST API" plugin does),
   * 'app-passwords-off' (`wp_is_application_passwords_available` false: the index's
   * `authentication` is `[]`), or back to 'none'. Every request after it resolves sees the state.
   * Only switch a site of your own state file: others' tests use a shared one.
   */
  async switch(mode) {
    const result = await runScript(['switch', mode], { state: this.stateFile });
    if (result.code !== 0) throw new Error(`scripts/wordpress.sh switch ${mode} failed:\n${result.stderr}`);
    this.reload();
    return this.switched;
  }

  /** Stops the site if startWordPress started it (a reused one keeps running); `force` stops it anyway. */
  async stop({ force = false } = {}) {
    if (!this.started && !force) return;
    const result = await runScript(['stop'], { state: this.stateFile });
    if (result.code !== 0) throw new Error(`scripts/wordpress.sh stop failed:\n${result.stderr}`);
  }
}

/** Whether `scripts/wordpress.sh status` finds a running site for `state`. */
export async function wordpressRunning(state) {
  const result = await runScript(['status'], { state });
  if (result.code !== 0 && result.code !== EXIT_NOT_RUNNING) throw new Error(result.stderr);
  return result.code === 0;
}

/**
 * Drives WordPress's own pages in a Playwright `page` that is on (or being sent to)
 * authorize-application.php: logs in on wp-login.php when WordPress asks (`user`, `password`:
 * the account password, default `<user>-password` as seeded), optionally renames the
 * application (`appName`, the page's editable name field), then clicks "Yes, I approve of this
 * connection" (`decision: 'approve'`) or "No, I do not approve of this connection" ('reject').
 * With JavaScript on, WordPress's auth-app.js does the approving (a REST call, then
 * `location = success_url + params`): see docs/real-wordpress.md for the exact forms.
 * Resolves with the URL the browser was sent to (it holds the password: never log it) as soon as
 * the navigation commits, before the app's page runs, or null when there was no success_url
 * (WordPress then shows the password on its page). Use an app port that browsers do not block
 * (Firefox refuses 9, 25… with about:neterror). Rejects with WordPress's words when it
 * shows an error page (wp_die: invalid URL, app_id not a UUID, not available…), refuses the
 * log-in, or answers the approval with an error notice ("Each application name should be
 * unique.").
 */
/**
 * `startWordPress(options)` for a test file: `{ wp, skip }`, where `skip` is the reason to skip
 * (and `wp` null) only when WordPress's Debian packages cannot be installed here.
 */
export async function startWordPressOrSkip(options) {
  try {
    return { wp: await startWordPress(options), skip: false };
  } catch (err) {
    if (!(err instanceof WordPressUnavailable)) throw err;
    return { wp: null, skip: `no local WordPress: its packages (mariadb-server php-cli php-mysql wordpress) cannot be installed here (${err.message})` };
  }
}

/** What the demo's `config.js` says of `wp`: its address and its seeded log-ins. */
export function wordpressConfig(wp) {
  return { wordpressUrl: wp.url, wordpressLogins: wp.users.map(({ login, password, role }) => ({ login, password, role })) };
}

export async function approveInBrowser(page, { user = 'admin', password = `${user}-password`, decision = 'approve', appName, timeout = 15_000 } = {}) {
  if (decision !== 'approve' && decision !== 'reject') throw new Error(`decision must be 'approve' or 'reject', not ${decision}`);
  const text = async (selector) => (await page.locator(selector).first().innerText()).trim().replace(/\s+/g, ' ');
  await page.locator('#user_login, #approve, .wp-die-message').first().waitFor({ timeout });
  if (await page.locator('#user_login').count()) {
    // wp-login.php's own scripts (the focus on the user field, the show-password button) run at
    // `load`; a popup reaches the form before then, and a field filled earlier can come back
    // empty ("The password field is empty.").
    await page.waitForLoadState('load');
    await page.fill('#user_login', user);
    await page.fill('#user_pass', password);
    await page.click('#wp-submit');
    await page.locator('#approve, .wp-die-message, #login_error').first().waitFor({ timeout });
    if (await page.locator('#login_error').count()) throw new Error(`wp-login.php refused the log-in: ${await text('#login_error')}`);
  }
  if (await page.locator('.wp-die-message').count()) throw new Error(`authorize-application.php refused: ${await text('.wp-die-message')}`);
  if (appName !== undefined) await page.fill('#app_name', appName);
  const left = page
    .waitForURL((url) => !url.pathname.endsWith('/wp-admin/authorize-application.php'), { waitUntil: 'commit', timeout })
    .then(() => page.url());
  // auth-app.js shows a REST error (a duplicate name…) as a notice after the heading.
  const refused = page
    .locator('.notice-error')
    .first()
    .waitFor({ timeout })
    .then(async () => {
      throw new Error(`authorize-application.php answered: ${await text('.notice-error')}`);
    });
  refused.catch(() => {});
  // Without success_url, auth-app.js shows the password on the page instead: resolves with null.
  const shown = page
    .locator('.notice-success .application-password-display')
    .first()
    .waitFor({ timeout })
    .then(() => null);
  shown.catch(() => {});
  await page.click(decision === 'approve' ? '#approve' : '#reject');
  return Promise.race([left, refused, shown]);
}
