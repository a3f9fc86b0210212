// `<wpcom-connect>`: a "Connect WordPress.com" button that becomes the user's avatar and name
// with a Disconnect action. The package entry `wpcom-wasm/element` (pkg/web/element.js, built
// by scripts/build.mjs from this file) registers it; the main entries never do.
//
// It runs on the `web` build (`wpcom-wasm/web`, imported here as 'wpcom-wasm:web'), which loads
// its own .wasm in a plain page, webpack 5 and Vite alike; its `client` property is that build's
// `Client`. Everything it does goes through the public API: `Auth`, `signInWithPopup`,
// `handleRedirect`, `Client.me`, `Client.disconnect`.
import init, { Auth, Client, WpcomError } from 'wpcom-wasm:web';

/** The attributes read when the element connects (a change later resets it). */
const ATTRIBUTES = ['client-id', 'redirect-uri', 'scope', 'mode', 'api-base', 'oauth-base'];

const TEMPLATE = `
<style>
  :host { display: inline-flex; align-items: center; gap: .5em; font: inherit; }
  :host([hidden]) { display: none; }
  [hidden] { display: none !important; }
  button { font: inherit; cursor: pointer; padding: .5em 1em; border-radius: 4px;
    border: 1px solid #0675c4; background: #0675c4; color: #fff; }
  button:disabled { opacity: .6; cursor: progress; }
  button:focus-visible { outline: 2px solid #0675c4; outline-offset: 2px; }
  .profile { display: inline-flex; align-items: center; gap: .5em; }
  img { width: 2em; height: 2em; border-radius: 50%; }
  .disconnect { background: transparent; color: #0675c4; }
  .status:not(.error) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .status.error { color: #b32d2e; }
</style>
<button type="button" class="connect" part="button connect" disabled>Connect WordPress.com</button>
<span class="profile" hidden>
  <img part="avatar" alt="">
  <span class="name" part="name"></span>
  <button type="button" class="disconnect" part="button disconnect">Disconnect</button>
</span>
<span class="status" part="status" role="status" aria-live="polite"></span>
`;

/** Starts loading the .wasm once, whichever element asks first. */
let ready = null;
const load = () => (ready ??= init());

/**
 * `<wpcom-connect client-id redirect-uri scope mode api-base oauth-base>`.
 *
 * Events (bubbling, composed): `wpcom-connected` (`detail: { token, me }`), `wpcom-disconnected`
 * (`detail: { revoked }`), `wpcom-error` (`detail: WpcomError`).
 */
export class WpcomConnectElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = TEMPLATE;
    this._connectButton = root.querySelector('.connect');
    this._profile = root.querySelector('.profile');
    this._avatar = root.querySelector('img');
    this._name = root.querySelector('.name');
    this._disconnectButton = root.querySelector('.disconnect');
    this._status = root.querySelector('.status');
    /** The ready `Client` (`wpcom-wasm/web`), or null before the element has started. */
    this.client = null;
    /** The `Auth` behind `client`, or null. */
    this.auth = null;
    this._generation = 0;
    // Synchronous in the click: a popup opened after an await loses the user gesture.
    this._connectButton.addEventListener('click', () => this._connect());
    this._disconnectButton.addEventListener('click', () => this._disconnect());
  }

  connectedCallback() {
    if (!this.auth) this._start();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected && this.auth) this._start();
  }

  /** `redirect` (default: the page leaves for WordPress.com and comes back) or `popup`. */
  get mode() {
    return this.getAttribute('mode') === 'popup' ? 'popup' : 'redirect';
  }

  /** Builds the `Auth` and `Client` from the attributes, then finishes a redirect or restores a session. */
  async _start() {
    const generation = ++this._generation;
    const current = () => generation === this._generation;
    this._show('loading', 'Loading…');
    try {
      await load();
      if (!current()) return;
      const base = new URL(location.href);
      base.search = '';
      base.hash = '';
      const redirectUri = this.getAttribute('redirect-uri')
        ?? (this.mode === 'popup' ? new URL('callback.html', base).href : base.href);
      this.auth?.free?.();
      this.client?.free?.();
      this.auth = new Auth({
        clientId: this.getAttribute('client-id') ?? '',
        redirectUri,
        scope: this.getAttribute('scope') ?? undefined,
        oauthBase: this.getAttribute('oauth-base') ?? undefined,
      });
      this.client = new Client({ auth: this.auth, apiBase: this.getAttribute('api-base') ?? undefined });
      // A redirect back from WordPress.com to this page carries the token (or the refusal).
      const token = this.mode === 'redirect' ? this.auth.handleRedirect() : null;
      await this.auth.ready();
      if (!current()) return;
      if (token || this.auth.token()) await this._connected(token ?? this.auth.token());
      else this._show('signed-out', '');
    } catch (error) {
      if (current()) this._fail(error);
    }
  }

  _connect() {
    if (!this.auth) return;
    if (this.mode === 'redirect') {
      try {
        location.assign(this.auth.authorizeUrl());
      } catch (error) {
        this._fail(error);
      }
      return;
    }
    this._show('connecting', 'Connecting to WordPress.com…');
    this.auth.signInWithPopup().then((token) => this._connected(token), (error) => this._fail(error));
  }

  async _connected(token) {
    const me = await this.client.me();
    this._avatar.src = me.avatar_URL;
    this._name.textContent = me.display_name;
    this._show('connected', `Connected as ${me.display_name}.`);
    this._emit('wpcom-connected', { token, me });
  }

  /**
   * Removes this app from the user's Connected Applications (`client.disconnect()`). When
   * WordPress.com will not let this token do it (its scope, or no way to tell which entry is
   * this app's), the session still ends here and `revoked` says the app stays connected there.
   */
  async _disconnect() {
    if (!this.client) return;
    this._show('disconnecting', 'Disconnecting…');
    let revoked = true;
    try {
      await this.client.disconnect();
    } catch (error) {
      if (!(error instanceof WpcomError) || !['unauthorized', 'connection_not_found', 'invalid_token', 'not_signed_in', 'token_expired'].includes(error.code)) {
        this._fail(error);
        return;
      }
      revoked = error.code === 'invalid_token';
    }
    this.auth.signOut();
    this._show('signed-out', revoked ? 'Disconnected.' : 'Signed out here; the app stays in your WordPress.com Connected Applications.');
    this._emit('wpcom-disconnected', { revoked });
  }

  _fail(error) {
    const signedIn = Boolean(this.auth?.token());
    this._show(signedIn ? 'connected' : 'signed-out', error?.message ?? String(error), true);
    this._emit('wpcom-error', error);
  }

  /** One of `loading`, `signed-out`, `connecting`, `connected`, `disconnecting` (the `state` attribute). */
  _show(state, message, isError = false) {
    this.setAttribute('state', state);
    const connected = state === 'connected' || state === 'disconnecting';
    this._connectButton.hidden = connected;
    this._connectButton.disabled = state !== 'signed-out';
    this._profile.hidden = !connected;
    this._disconnectButton.disabled = state !== 'connected';
    this._status.textContent = message;
    this._status.classList.toggle('error', isError);
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('wpcom-connect')) customElements.define('wpcom-connect', WpcomConnectElement);
