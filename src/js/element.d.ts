// Declarations of `wpcom-wasm/element` (pkg/web/element.js): the `<wpcom-connect>` element.
import type { Auth, Client, Me, Token, WpcomError } from './wpcom_wasm.js';

/** What `wpcom-connected` carries: the token and the signed-in user (`GET /rest/v1.1/me`). */
export interface WpcomConnectedDetail {
  token: Token;
  me: Me;
}

/** What `wpcom-disconnected` carries: whether WordPress.com removed the app (Connected Applications) too. */
export interface WpcomDisconnectedDetail {
  revoked: boolean;
}

/**
 * `<wpcom-connect client-id redirect-uri scope mode api-base oauth-base>`: a "Connect
 * WordPress.com" button, then the user's avatar and name with a Disconnect button.
 *
 * Attributes: `client-id` (required), `redirect-uri` (default: this page without query and
 * fragment; with `mode="popup"`, `callback.html` beside it), `scope`, `mode` (`redirect` |
 * `popup`), `api-base`, `oauth-base`. Parts: `button` (both buttons; also `connect`,
 * `disconnect`), `avatar`, `name`, `status`. Its `state` attribute: `loading`, `signed-out`,
 * `connecting`, `connected`, `disconnecting`.
 */
export declare class WpcomConnectElement extends HTMLElement {
  /** The ready `Client` of `wpcom-wasm/web`; null until the element has loaded. */
  client: Client | null;
  /** The `Auth` behind `client`; null until the element has loaded. */
  auth: Auth | null;
  /** `redirect` or `popup`, from the `mode` attribute. */
  readonly mode: 'redirect' | 'popup';
}

declare global {
  interface HTMLElementTagNameMap {
    'wpcom-connect': WpcomConnectElement;
  }
  interface HTMLElementEventMap {
    'wpcom-connected': CustomEvent<WpcomConnectedDetail>;
    'wpcom-disconnected': CustomEvent<WpcomDisconnectedDetail>;
    'wpcom-error': CustomEvent<WpcomError>;
  }
}
