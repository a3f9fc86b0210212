// Headless browsers through playwright-core, using the system's own: Debian's Chromium
// (/usr/bin/chromium) by default, Debian's Firefox ESR with E2E_BROWSER=firefox. Firefox is
// driven over WebDriver BiDi (`channel: 'moz-firefox'`), not Playwright's patched build;
// playwright-core is pinned in package.json to a release whose BiDi commands Firefox ESR knows.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, firefox } from 'playwright-core';

/** 'chromium' (default) or 'firefox', from $E2E_BROWSER. */
export const BROWSER = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium executable: $CHROMIUM_PATH, `command -v chromium`, or null. */
export function chromiumPath() {
  return findExecutable(process.env.CHROMIUM_PATH, ['chromium', 'chromium-browser', 'google-chrome'], '/usr/bin/chromium');
}

/** The Firefox executable: $FIREFOX_PATH, `command -v firefox-esr` / `firefox`, or null. */
export function firefoxPath() {
  return findExecutable(process.env.FIREFOX_PATH, ['firefox-esr', 'firefox'], '/usr/bin/firefox-esr');
}

function findExecutable(fromEnv, names, fallback) {
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of names) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // Not installed under this name.
    }
  }
  return existsSync(fallback) ? fallback : null;
}

/**
 * Launches the browser of this run ($E2E_BROWSER) headless with a fresh temporary profile.
 * `popupBlocker: true` keeps the popup blocker on, as in a user's browser (Playwright and
 * WebDriver turn it off by default).
 */
export function launchBrowser(options = {}) {
  if (BROWSER === 'chromium') return launchChromium(options);
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('Firefox not found: install it (apt-get install firefox-esr) or set FIREFOX_PATH');
  // WebDriver's recommended preferences turn Firefox's popup blocker off (and win over a
  // profile's own); a user's Firefox has it on.
  const firefoxUserPrefs = options.popupBlocker ? { 'dom.disable_open_during_load': true, 'remote.prefs.recommended': false } : {};
  return firefox.launch({ executablePath, channel: 'moz-firefox', headless: true, firefoxUserPrefs });
}

/**
 * Launches headless Chromium with a fresh temporary profile. Playwright turns Chromium's popup
 * blocker off by default; `popupBlocker: true` keeps it on, as in a user's browser.
 */
export function launchChromium({ popupBlocker = false } = {}) {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  const ignoreDefaultArgs = popupBlocker ? ['--disable-popup-blocking'] : [];
  return chromium.launch({ executablePath, headless: true, args: ARGS, ignoreDefaultArgs });
}

/**
 * Records, for every page of `context` (popups included), console messages, uncaught page
 * errors and every URL navigated to, into `log = { console: [], pageErrors: [], urls: [] }`.
 */
export function recordContext(context, log) {
  const watch = (page) => {
    page.on('console', (msg) => log.console.push(msg.text()));
    page.on('pageerror', (err) => {
      // Firefox reports its network layer's CORS diagnostics (a request that failed, as when
      // offline) as script errors with no stack; Chromium logs the same to the console. They
      // are console messages here too (still scanned for tokens), not errors of the page.
      const text = String(err && err.stack ? err.stack : err);
      const [first, ...frames] = text.split('\n');
      if (BROWSER === 'firefox' && /^Cross-Origin Request Blocked:/.test(first) && !frames.some((f) => /:\d+:\d+/.test(f))) {
        log.console.push(first);
        return;
      }
      log.pageErrors.push(text);
    });
    page.on('framenavigated', (frame) => log.urls.push(frame.url()));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return log;
}

/** A fresh log for recordContext. */
export function newLog() {
  return { console: [], pageErrors: [], urls: [] };
}

/**
 * The test machine has no internet: answer requests for avatars and site icons (Gravatar,
 * *.files.wordpress.com…) with a small generated picture, so the screenshots look like the
 * real thing. The demo itself also falls back to a lettered placeholder when an image fails.
 */
export async function stubExternalImages(context) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => {
    const request = route.request();
    if (request.resourceType() !== 'image') return route.abort('internetdisconnected');
    return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: identicon(request.url()) });
  });
}

/** A deterministic 5×5 symmetric identicon for a string, as SVG. */
export function identicon(seed) {
  let hash = 2166136261;
  for (const ch of seed) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hue = hash % 360;
  const cells = [];
  for (let y = 0; y < 5; y += 1) {
    for (let x = 0; x < 3; x += 1) {
      hash = Math.imul(hash ^ (x * 7 + y), 2246822519) >>> 0;
      if (hash & 1) {
        cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
        if (x < 2) cells.push(`<rect x="${4 - x}" y="${y}" width="1" height="1"/>`);
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 6 6" width="96" height="96">` +
    `<rect x="-0.5" y="-0.5" width="6" height="6" fill="hsl(${hue} 30% 94%)"/>` +
    `<g fill="hsl(${hue} 55% 48%)">${cells.join('')}</g></svg>`;
}
