//! TypeScript declarations of `discoverSite`, `SiteAuth` and `SiteClient` (the classes are
//! `skip_typescript`, like the others: see `src/js/typescript.rs`). The models describe core's
//! `wp/v2` JSON as WordPress sends it; other fields pass through.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const SITE_DECLARATIONS: &'static str = r#"
/** A WordPress site found by `discoverSite`. */
export interface WordPressSite {
  /** The REST API root every route is under: `https://site/wp-json/` or `https://site/index.php?rest_route=/`. */
  apiRoot: string;
  /** Core's Authorize Application page. */
  authorizationUrl: string;
  name: string;
  description: string;
  /** The WordPress address (`siteurl`), which the Authorize Application redirect names. */
  url: string;
  /** The site's public address. */
  home: string;
  /** The REST namespaces the site serves (`wp/v2`, plugins' own…). */
  namespaces: string[];
}

/** Options of `discoverSite`. */
export interface DiscoverOptions extends CallOptions {
  /** Time limit of each request in ms; default 30000. */
  timeoutMs?: number;
}

/**
 * Finds the WordPress site at `address` (`example.com`, `https://example.com/blog/`): asks
 * `?rest_route=/`, then `/wp-json/`, with no credentials. Rejects with `WpcomError`:
 * `invalid_config`, `not_wordpress`, `rest_api_disabled`, `application_passwords_unavailable`
 * (with the likely reason), `network` (nothing answered, or CORS), `timeout`, `aborted`.
 */
export function discoverSite(address: string, options?: DiscoverOptions): Promise<WordPressSite>;

/** Options of `new SiteAuth(...)`. */
export interface SiteAuthOptions {
  /** What `discoverSite` resolved with; needed by `authorizeUrl()` only. */
  site?: WordPressSite;
  /** The name the user sees on the site; the password is named after it. */
  appName: string;
  /** The app's fixed UUID, lowercase (`crypto.randomUUID()` once). Storage keys are named after it. */
  appId: string;
  /** Where the user comes back after approving (an http(s) URL of the app). */
  successUrl: string;
  /** Where the user comes back after rejecting; default `successUrl`. */
  rejectUrl?: string;
  /** Where the password is kept: `session` (default), `local`, `memory`, or an adapter. */
  storage?: 'session' | 'local' | 'memory' | StorageAdapter;
}

/** A connected site, without the password. */
export interface SiteConnection {
  /** The WordPress address the site named itself. */
  siteUrl: string;
  /** The user's log-in name. */
  userLogin: string;
  /** The REST API root the calls go to. */
  apiRoot: string;
}

/** Connecting a WordPress site with an application password (WordPress core's Authorize Application flow). */
export class SiteAuth {
  constructor(options: SiteAuthOptions);
  /** A fresh Authorize Application URL on the site; its single-use state is stored first. Throws `invalid_config` without a `site`. */
  authorizeUrl(): string;
  /**
   * Completes the connection from `url` (default: `location.href`); `null` when it is not an
   * Authorize Application redirect. Scrubs the password from the address bar. Throws
   * `WpcomError`: `access_denied`, `state_missing`, `state_mismatch`, `site_mismatch`,
   * `bad_redirect`, `application_passwords_unavailable`.
   */
  handleRedirect(url?: string): SiteConnection | null;
  /**
   * Connects in a popup: opens the site's Authorize Application page in a new window *before it
   * returns* (call it in the click handler itself, with no `await` before it), and resolves
   * with the connection, the password stored. `successUrl` (and `rejectUrl`) must be a page
   * that calls `popupCallback()`, such as the package's `callback.html`. Only the answer to
   * this popup's own state is taken. Rejects with `WpcomError`: `popup_blocked`,
   * `popup_closed`, `timeout`, `aborted`, `access_denied` ("No thanks"), or another error of
   * `handleRedirect`; `invalid_config` without a `site`.
   */
  signInWithPopup(options?: PopupOptions): Promise<SiteConnection>;
  /** The connected site and user, or `null`. */
  connection(): SiteConnection | null;
  /** Forgets the password here without revoking it (`SiteClient.disconnect()` revokes it). */
  forget(): void;
  /** Resolves once the storage is loaded (await it with an async adapter). */
  ready(): Promise<SiteConnection | null>;
  /** Frees the object's wasm memory now (otherwise the garbage collector frees it). */
  free(): void;
}

/** Options of `new SiteClient(...)`: a `SiteAuth`, or an application password you already have. */
export type SiteClientOptions = (
  | { auth: SiteAuth }
  | { apiRoot: string; userLogin: string; password: string }
) & {
  /** Time limit of each attempt in ms; default 30000. */
  timeoutMs?: number;
  /** Retry policy for reads; `false` turns retries off. */
  retry?: RetryOptions | false;
};

/** Options of `siteClient.request(...)`. */
export interface SiteRequestOptions extends CallOptions {
  /** The method of the fetch-like form; default `'GET'`. */
  method?: HttpMethod;
  /** Query parameters (arrays joined with commas); merged with the path's, a key in both is `invalid_config`. */
  query?: Record<string, string | number | boolean | ReadonlyArray<string | number> | null | undefined>;
  /** Sent as JSON. */
  body?: unknown;
}

/** Options of `list()`, `listPosts()`, `paginate()` and `posts()`. */
export interface SiteListOptions extends CallOptions {
  /** The page, from 1 (for `paginate()` and `posts()`: where the walk starts). */
  page?: number;
  /** Items per page, 1–100 (WordPress's default 10). */
  perPage?: number;
  /** Filters: `status`, `search`, `author`… (`offset` is refused by `paginate()` and `posts()`: they page by themselves). */
  query?: Record<string, string | number | boolean | ReadonlyArray<string | number> | null | undefined>;
}

/** One page of a collection. */
export interface SitePage<T> {
  items: T[];
  /** This page's number, from 1. */
  page: number;
  /** `X-WP-Total`: items in all pages; `null` when the site does not expose it. */
  total: number | null;
  /** `X-WP-TotalPages`; `null` when the site does not expose it. */
  totalPages: number | null;
}

/** A `wp/v2` text field. */
export interface WpRendered {
  rendered: string;
  /** With `context=edit` only. */
  raw?: string;
}

/** `GET /wp/v2/users/me`. */
export interface WpUser {
  id: number;
  name: string;
  url: string;
  description: string;
  link: string;
  slug: string;
  avatar_urls: Record<string, string>;
}

/** A post of `wp/v2/posts`. */
export interface WpPost {
  id: number;
  date: string;
  date_gmt: string;
  modified: string;
  slug: string;
  status: string;
  type: string;
  link: string;
  title: WpRendered;
  content: WpRendered;
  excerpt: WpRendered;
  author: number;
  featured_media: number;
  sticky: boolean;
  categories: number[];
  tags: number[];
}

/** The body of `createPost`, sent as JSON as given. */
export interface NewWpPost {
  title?: string;
  content?: string;
  excerpt?: string;
  status?: 'publish' | 'draft' | 'pending' | 'private' | 'future';
  date?: string;
  slug?: string;
  categories?: number[];
  tags?: number[];
  featured_media?: number;
}

/** An item of `wp/v2/media`. */
export interface WpMedia {
  id: number;
  slug: string;
  link: string;
  source_url: string;
  mime_type: string;
  media_type: string;
  title: WpRendered;
}

/** Options of `uploadMedia`. */
export interface UploadOptions extends CallOptions {
  /** The file name; default: the `File`'s. Characters WordPress cannot read from the header become `-`. */
  filename?: string;
  /** The MIME type; default: the `Blob`'s, else `application/octet-stream`. */
  contentType?: string;
}

/**
 * A WordPress site's REST API client with an application password (`Authorization: Basic`, no
 * cookies). Rejects with `WpcomError`: WordPress's own codes (`rest_post_invalid_id`…), and
 * `credentials_refused` (the password was revoked or is wrong; a `SiteAuth` forgets it),
 * `credentials_ignored` (the site answered as if no credentials were sent, with the likely
 * reasons), `application_passwords_unavailable`, `not_signed_in`, and the transport's codes.
 */
export class SiteClient {
  constructor(options: SiteClientOptions);
  /** The user the password belongs to: `GET /wp/v2/users/me`. */
  me(options?: CallOptions): Promise<WpUser>;
  /**
   * Every post, page by page (`GET /wp/v2/posts`): `for await (const post of wp.posts({ perPage: 50 }))`.
   * One request per page, made when the loop asks for the next post; `break` (or the `signal`)
   * stops the requests. A failed page rejects the loop's next step with its `WpcomError`.
   */
  posts(options?: SiteListOptions): AsyncGenerator<WpPost, void, undefined>;
  /** One page of posts: `GET /wp/v2/posts`. */
  listPosts(options?: SiteListOptions): Promise<SitePage<WpPost>>;
  /**
   * Any collection, page by page (`page`, `per_page`): `for await (const page of wp.paginate('/wp/v2/pages'))`.
   * Ends at `X-WP-TotalPages`, on an empty page, or when WordPress answers
   * `rest_…_invalid_page_number` for a page past the last; `path` as for `request()` (its own
   * query counts). Rejects with `invalid_config` for an `offset` or a key given twice.
   */
  paginate<T = unknown>(path: string, options?: SiteListOptions): AsyncGenerator<SitePage<T>, void, undefined>;
  /** One page of any collection (`/wp/v2/pages`, `/wp/v2/media`…). */
  list<T = unknown>(path: string, options?: SiteListOptions): Promise<SitePage<T>>;
  /** Creates a post: `POST /wp/v2/posts` (a draft unless `status` says otherwise). */
  createPost(post: NewWpPost, options?: CallOptions): Promise<WpPost>;
  /** Uploads a file: `POST /wp/v2/media`, the file as the raw body. */
  uploadMedia(file: Blob | ArrayBuffer | ArrayBufferView, options?: UploadOptions): Promise<WpMedia>;
  /** Revokes the password in use on the site (introspect, then `DELETE`), then forgets it. */
  disconnect(options?: CallOptions): Promise<void>;
  /**
   * Any call, resolving with the JSON as the site sent it. `path` is a route under the API root
   * (`/wp/v2/posts?status=draft`; the leading `/` is optional) or an absolute URL under it.
   * `PUT`, `PATCH` and `DELETE` are sent as such (WordPress applies a `_method` override to the
   * CORS preflight too, which then fails).
   */
  request<T = unknown>(method: HttpMethod, path: string, options?: SiteRequestOptions): Promise<T>;
  request<T = unknown>(path: string, options?: SiteRequestOptions): Promise<T>;
  /** Frees the object's wasm memory now (otherwise the garbage collector frees it). */
  free(): void;
}
"#;
