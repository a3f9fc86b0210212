//! Hand-written TypeScript declarations for the whole JS surface.
//!
//! The exported classes are `skip_typescript`: their generated declarations would type options
//! and results as `any`. The model interfaces describe the JSON the typed calls resolve with:
//! WordPress.com's own body, with the fields that `crate::core::quirks` names in normal form
//! (other fields pass through as sent); keep the two in step.
//!
//! The classes declare `free()` but not `[Symbol.dispose]()`, although wasm-bindgen's glue adds
//! it at run time where the engine has `Symbol.dispose`: that key exists only in TypeScript's
//! `esnext.disposable` lib, so declaring it breaks every consumer without that lib that checks
//! declarations (`skipLibCheck: false`), and a `@ts-ignore` in front of it turns the missing key
//! into a numeric index signature on the class. `tests/node/types.test.mjs` compiles a consumer
//! of both builds with `tsc --strict`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const DECLARATIONS: &'static str = r#"
/** Every `code` a `WpcomError` can carry; WordPress.com's unknown codes pass through as strings. */
export type WpcomErrorCode =
  | 'access_denied' | 'state_missing' | 'state_mismatch' | 'bad_redirect'
  | 'not_signed_in' | 'token_expired' | 'token_client_mismatch'
  | 'network' | 'rate_limited' | 'bad_response' | 'timeout' | 'aborted'
  | 'popup_blocked' | 'popup_closed'
  | 'unsupported' | 'invalid_config' | 'not_found' | 'server_error' | 'like_failed'
  | 'follow_failed'
  | 'invalid_token' | 'authorization_required' | 'unauthorized' | 'unknown_blog'
  | 'unknown_post' | 'invalid_input' | 'invalid_number' | 'invalid_context'
  | 'not_allowed' | 'invalid_request'
  | 'connection_not_found' | 'unknown_application_access_token'
  | 'unknown_media' | 'upload_error' | 'rest_upload_file_too_big' | 'rest_upload_limited_space'
  | 'not_wordpress' | 'rest_api_disabled' | 'application_passwords_unavailable'
  | 'site_mismatch' | 'credentials_refused' | 'credentials_ignored'
  | (string & {});

/** Why a session ended (the argument of `onSignedOut` callbacks). */
export type SignOutReason = 'sign_out' | 'expired' | 'invalid_token' | 'other_tab' | 'disconnected';

/** A storage backend of your own; each method may return a Promise (e.g. over `chrome.storage`). */
export interface StorageAdapter {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
  remove(key: string): void | Promise<void>;
}

/** Options of `new Auth(...)`. */
export interface AuthOptions {
  /** The app's client id. */
  clientId: string | number;
  /**
   * The redirect URI exactly as registered (trailing slash included). Required, except in a
   * browser extension, where it defaults to `identity.getRedirectURL()`.
   */
  redirectUri?: string;
  /** `global`, `auth`, or space-separated finer scopes; omit for one blog. */
  scope?: string;
  /** The blog (ID or URL) for a single-blog token. */
  blog?: string | number;
  /**
   * Where the token is kept: `session` (default), `local`, `memory`, `extension` (a browser
   * extension's `storage.local`, asynchronous: await `ready()`), or an adapter.
   */
  storage?: 'session' | 'local' | 'memory' | 'extension' | StorageAdapter;
  /** OAuth host; default `https://public-api.wordpress.com`. */
  oauthBase?: string;
  /** Use `/oauth2/authenticate` (log in with WordPress.com). */
  login?: boolean;
}

/** An access token. */
export interface Token {
  accessToken: string;
  tokenType: string;
  /** Milliseconds since the epoch, or `null` when it does not expire. */
  expiresAt: number | null;
  /** The blog the token is limited to, or `null` for a global token. */
  siteId: number | null;
  scope: string[];
}

/** Options of `signInWithPopup(...)` (`Auth`'s and `SiteAuth`'s). */
export interface PopupOptions {
  /** Aborting it rejects with `aborted` and closes the popup. */
  signal?: AbortSignal;
  /**
   * Time limit in ms; default 300000 (5 minutes). Under `Cross-Origin-Opener-Policy:
   * same-origin` a popup the user closes is not noticed: this (or `signal`) ends the wait.
   */
  timeoutMs?: number;
}

/** Options of `auth.signInWithExtension(...)`. */
export interface ExtensionSignInOptions {
  /** Show the sign-in window when WordPress.com needs the user; default `true`. */
  interactive?: boolean;
}

/** What `client.checkConnection()` found the token worth. */
export type ConnectionStatus = 'connected' | 'expired' | 'revoked' | 'foreign';

/** The verdict of `client.checkConnection()`. */
export interface Connection {
  /**
   * `connected`: accepted, and issued to this app; `expired`: the stored expiry passed (no
   * request; the token is dropped); `revoked`: WordPress.com refuses it, e.g. the user
   * disconnected the app (the token is dropped); `foreign`: it works but was issued to another
   * client ID (never use it as this app's).
   */
  status: ConnectionStatus;
  /** The user the token acts for, when WordPress.com said so (`connected`, `foreign`). */
  userId: number | null;
  /** The blog a single-blog token is limited to, `null` for a global token. */
  blogId: number | null;
  /** The token's scopes (WordPress.com's when connected, else the stored token's). */
  scope: string[];
}

/** How GET requests are retried (POST never is). */
export interface RetryOptions {
  maxAttempts?: number;
  maxTotalMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Options of `new Client(...)`. */
export interface ClientOptions {
  /** Take the token from this `Auth` (preferred). */
  auth?: Auth;
  /** Or use this access token. */
  token?: string;
  /** API host; default `https://public-api.wordpress.com`. */
  apiBase?: string;
  /** OAuth host for `tokenInfo`; default: the `Auth`'s. */
  oauthBase?: string;
  /** The app's client id for `tokenInfo` when there is no `Auth`. */
  clientId?: string | number;
  /** Time limit of each attempt in ms; default 30000. */
  timeoutMs?: number;
  /** Retry policy for reads; `false` turns retries off. */
  retry?: RetryOptions | false;
}

/** Options every call takes. */
export interface CallOptions {
  /** Aborting it rejects the call with code `aborted`. */
  signal?: AbortSignal;
}

/**
 * The method of a `client.request(...)`; case-insensitive at run time (`'get'` works too).
 * `PUT`, `PATCH` and `DELETE` exist only on `wp/v2` and `wpcom/v2` paths, where they are sent as
 * `POST …?_method=PUT` (WordPress core's method override). On `rest/v1.x` paths they are refused
 * with `invalid_config`: WordPress.com's v1 API updates and deletes with `POST` routes instead
 * (`POST /sites/$site/posts/$id/delete`).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Options of `client.request(...)`. */
export interface RequestOptions extends CallOptions {
  /**
   * The method of the fetch-like form `request(path, { method })`; default `'GET'`. In the
   * form `request(method, path, options)` a different `options.method` is `invalid_config`.
   */
  method?: HttpMethod;
  /**
   * Query parameters; arrays are joined with commas. They merge with a query string in the
   * path; a key in both is `invalid_config`.
   */
  query?: Record<string, string | number | boolean | ReadonlyArray<string | number> | null | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * The REST namespace: `rest/v1.1` by default, or the one the path begins with. One that
   * contradicts the path or `apiVersion` is `invalid_config`.
   */
  namespace?: 'rest/v1' | 'rest/v1.1' | 'rest/v1.2' | 'rest/v1.3' | 'rest/v1.4' | 'wp/v2' | 'wpcom/v2';
  /**
   * The REST version: `1.1` (default), `1`, `1.2`, `1.3`, `1.4` (`rest/v1.x`), or `2` for
   * `wpcom/v2`. One that contradicts the path or `namespace` is `invalid_config`.
   */
  apiVersion?: '1' | '1.1' | '1.2' | '1.3' | '1.4' | '2';
}

/** `GET /me`. */
export interface Me {
  ID: number;
  display_name: string;
  username: string;
  email: string;
  primary_blog: number | null;
  primary_blog_url: string;
  language: string;
  token_site_id: number | null;
  token_scope: string[];
  avatar_URL: string;
  profile_URL: string;
  verified: boolean;
  email_verified: boolean;
  date: string;
  site_count: number;
  visible_site_count: number;
}

/** One size of a site logo, as Jetpack sites send it. */
export interface SiteLogoSize {
  url: string;
  width: number;
  height: number;
}

/** A site of `GET /me/sites`. */
export interface Site {
  ID: number;
  name: string;
  description: string;
  URL: string;
  jetpack: boolean;
  visible: boolean | null;
  is_private: boolean;
  icon: { img: string; ico: string } | null;
  /** `sizes`: a URL per size, or `{ url, width, height }` (Jetpack sites), as sent. */
  logo: { id: number; sizes: Record<string, string | SiteLogoSize>; url: string } | null;
  capabilities: Record<string, boolean>;
  options: {
    timezone: string;
    admin_url: string;
    unmapped_url: string;
    is_mapped_domain: boolean;
    post_formats: Record<string, string>;
  };
  plan: { product_slug: string; product_name_short: string } | null;
}

/** `GET /me/sites`. */
export interface Sites {
  sites: Site[];
}

/** One like. */
export interface Like {
  ID: number;
  login: string;
  name: string;
  nice_name: string;
  URL: string;
  avatar_URL: string;
  profile_URL: string;
  site_ID: number;
  date_liked: string;
  preferred_blog: { ID: number; name: string; URL: string } | null;
}

/** `GET /sites/$site/posts/$id/likes`. */
export interface Likes {
  found: number;
  i_like: boolean;
  can_like: boolean;
  likes: Like[];
}

/** The answer of `likePost` / `unlikePost` (`success` is always `true`: a falsy one rejects). */
export interface LikeResult {
  success: boolean;
  i_like: boolean;
  like_count: number;
  site_ID: number;
  post_ID: number;
}

/** A tag or category. */
export interface Term {
  ID: number;
  name: string;
  slug: string;
  description: string;
  post_count: number;
}

/** A post. */
export interface Post {
  ID: number;
  site_ID: number;
  author: {
    ID: number; login: string; name: string; first_name: string; last_name: string;
    nice_name: string; URL: string; avatar_URL: string; profile_URL: string;
  };
  date: string;
  modified: string;
  title: string;
  URL: string;
  short_URL: string;
  content: string;
  excerpt: string;
  slug: string;
  guid: string;
  status: string;
  sticky: boolean;
  password: string;
  parent: { ID: number; type: string; link: string; title: string } | null;
  type: string;
  format: string;
  tags: Record<string, Term>;
  categories: Record<string, Term>;
  like_count: number;
  i_like: boolean;
  /** The featured image's URL, `""` when there is none (set it with `NewPost.featured_image`, a media ID). */
  featured_image: string;
  discussion: { comments_open: boolean; comment_status: string; pings_open: boolean; ping_status: string; comment_count: number };
}

/** The body of `createPost`, sent as JSON as given: at least one of title, content or excerpt. */
export interface NewPost {
  title?: string;
  content?: string;
  excerpt?: string;
  status?: 'publish' | 'draft' | 'pending' | 'private' | 'future';
  date?: string;
  slug?: string;
  format?: string;
  password?: string;
  sticky?: boolean;
  tags?: string[] | string;
  categories?: string[] | string;
  /** The featured image: a media item's `ID` (e.g. from `uploadMedia`). */
  featured_image?: number;
  /** Image URLs for WordPress.com to download into the site's media and attach to the post. */
  media_urls?: string[];
}

// Pages of results, a post's life, comments and follows (issue 13).

/** Query values as `request()` takes them; arrays are joined with commas. */
export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | null | undefined;

/** Options of `client.paginate(...)`. */
export interface PaginateOptions extends CallOptions {
  /**
   * The collection's query (merged with a query string in the path). `page` (and, on
   * `rest/v1.x`, `page_handle`) says where to start; `offset` is `invalid_config`.
   */
  query?: Record<string, QueryValue>;
  /** As in `request()`. */
  namespace?: RequestOptions['namespace'];
  /** As in `request()`. */
  apiVersion?: RequestOptions['apiVersion'];
}

/** The query of `posts()` / `listPosts()` (`GET /sites/$site/posts/`); other keys pass through. */
export interface PostsQuery {
  /** Posts per page, 1 to 100 (WordPress.com's default: 20). */
  number?: number;
  /** `meta.next_page` of a page (`listPosts()`'s `nextPage`): the page after it. */
  page_handle?: string;
  page?: number;
  /** A comma-separated list, or `any`. */
  status?: string;
  type?: string;
  order?: 'ASC' | 'DESC';
  order_by?: 'date' | 'modified' | 'title' | 'comment_count' | 'ID';
  after?: string;
  before?: string;
  tag?: string;
  category?: string;
  author?: number;
  search?: string;
  [key: string]: QueryValue;
}

/** One page of posts (`listPosts()`). */
export interface PostsList {
  found: number;
  posts: Post[];
  /** Pass it back as `page_handle` for the next page; `null` when WordPress.com gave none. */
  nextPage: string | null;
}

/** The fields `updatePost` changes (the fields of `createPost`; `status: 'trash'` trashes). */
export type PostFields = Omit<NewPost, 'status'> & { status?: NewPost['status'] | 'trash' };

/** What `deletePost` did, in `status`: `'trash'` (restorable; deleting again deletes for good) or `'deleted'`. */
export type DeletedPost = Post & { status: 'trash' | 'deleted' };

/** The query of `comments()` (`GET /sites/$site/posts/$id/replies/`). */
export interface CommentsQuery {
  /** Comments per page, 1 to 100. */
  number?: number;
  page?: number;
  order?: 'ASC' | 'DESC';
  status?: 'approved' | 'unapproved' | 'spam' | 'trash' | 'all';
  [key: string]: QueryValue;
}

/** A comment. */
export interface Comment {
  ID: number;
  post: { ID: number; title: string; type: string; link: string } | null;
  author: {
    ID: number; login: string; name: string; nice_name: string; URL: string;
    avatar_URL: string; profile_URL: string;
  };
  date: string;
  URL: string;
  /** HTML. */
  content: string;
  /** `approved`, `unapproved` (a new comment may wait for moderation), `spam`, `trash`. */
  status: string;
  /** The comment this one answers, or `null`. */
  parent: { ID: number; type: string; link: string } | null;
  type: string;
  like_count: number;
  i_like: boolean;
}

/** What `deleteComment` did, in `status`: `'trash'` or `'deleted'` (the second deletion). */
export type DeletedComment = Comment & { status: 'trash' | 'deleted' };

/** The answer of `follow` / `unfollow` (`success` is always `true`: a falsy one rejects with `follow_failed`). */
export interface FollowResult {
  success: boolean;
  is_following: boolean;
}

/** `GET /oauth2/token-info`. */
export interface TokenInfo {
  client_id: string;
  user_id: string;
  blog_id: string | null;
  scope: string[];
}

/**
 * An app the user connected to their WordPress.com account (`GET /me/connected-applications`,
 * the support page "Connected Applications"). WordPress.com's two spellings read the same:
 * `ID` or `connection_ID` (a number, given here as text), `site` or `blog`.
 */
export interface ConnectedApplication {
  /**
   * The connection's ID: what `disconnect({ id })` takes. Whether WordPress.com makes it the
   * app's client ID is unverified (the emulator does).
   */
  ID: string;
  title: string;
  URL: string;
  /** When the user authorized the app (ISO 8601). */
  authorized: string;
  description: string;
  /** The app's icon URL. */
  icon: string;
  /** `'global'`, `'auth'`, `''` (one site) or finer scopes. */
  scope: string;
  /** The site of a one-site connection, else `null` (`false` on the wire). */
  site: { site_ID: string; site_URL: string; site_name: string } | null;
  permissions: { name: string; description: string }[];
}

/** What `connectedApplications()` resolves with. */
export type ConnectedApplications = ConnectedApplication[];

/** Options of `disconnect(...)`. */
export interface DisconnectOptions extends CallOptions {
  /**
   * The `ID` of the connected application to remove, from `connectedApplications()`. Without
   * it, the entry whose `ID` is this app's client ID is removed, or the call rejects with
   * `connection_not_found` (WordPress.com is not known to use the client ID as `ID`).
   */
  id?: string | number;
}

/** What `disconnect(...)` did. */
export interface Disconnected {
  /** The `ID` removed. */
  ID: string;
  /**
   * `true` when it was this app's own entry (its `ID` is the client ID): the token no longer
   * works, and the client's `Auth`, if any, was signed out (`onSignedOut` gets
   * `'disconnected'`).
   */
  signedOut: boolean;
}

// --- Media -------------------------------------------------------------------------------------

/** An item of a site's media library. */
export interface MediaItem {
  /** Use it as a post's `featured_image`. */
  ID: number;
  /** The file, served as uploaded. */
  URL: string;
  guid: string;
  date: string;
  /** The post it is attached to; 0 when unattached. */
  post_ID: number;
  author_ID: number;
  file: string;
  mime_type: string;
  extension: string;
  title: string;
  caption: string;
  description: string;
  alt: string;
  icon: string;
  /** Human-readable, e.g. `"24.62 KB"`. */
  size: string;
  /** Pixels (images and videos; 0 otherwise). */
  height: number;
  width: number;
  /** Thumbnail name → URL. */
  thumbnails: Record<string, string>;
}

/** An input of `uploadMedia` / `sideloadMedia` that failed. */
export interface MediaError {
  /** Its index among the inputs given, from 0 (WordPress.com keys errors by it). */
  index: number;
  /** The file name or URL it was sent as. */
  file: string;
  /** WordPress.com's code, e.g. `invalid_input` ("Invalid file type.") or `rest_upload_file_too_big`. */
  error: string;
  message: string;
}

/** The answer of `uploadMedia` / `sideloadMedia`: some inputs may fail while others succeed. */
export interface MediaUpload {
  media: MediaItem[];
  /** Empty when every input succeeded. */
  errors: MediaError[];
}

/** The attributes of one uploaded or sideloaded item (WordPress.com reads no others). */
export interface MediaAttrs {
  /** Also names a `Blob` (which has no file name): `title` + the extension of its type. */
  title?: string;
  caption?: string;
  description?: string;
  alt?: string;
  /** The post to attach it to. */
  parent_id?: number;
}

/** Bytes of the request body sent so far. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Options of `uploadMedia`. */
export interface UploadOptions extends CallOptions {
  /** One entry per file, in order (`null` for none), or one object for a single file. */
  attrs?: ReadonlyArray<MediaAttrs | null | undefined> | MediaAttrs;
  /** Called as the upload's bytes go out (`XMLHttpRequest` upload events; none in workers without it). */
  onProgress?: (progress: UploadProgress) => void;
}

/** Options of `sideloadMedia`. */
export interface SideloadOptions extends CallOptions {
  /** One entry per URL, in order (`null` for none), or one object for a single URL. */
  attrs?: ReadonlyArray<MediaAttrs | null | undefined> | MediaAttrs;
}

/** The query of `media(site, query)`. */
export interface MediaQuery {
  /** Items per page (one request each), at most 100 (default 20). */
  number?: number;
  /** Where to start: a page's `meta.next_page` (from `paginate`). */
  page_handle?: string;
  /** A MIME type or its prefix, e.g. `'image'`. */
  mime_type?: string;
  /** Only the items attached to this post (0: unattached). */
  post_ID?: number;
  [key: string]: string | number | boolean | ReadonlyArray<string | number> | null | undefined;
}

/** Signing in with WordPress.com (implicit OAuth) and keeping the token. */
export class Auth {
  constructor(options: AuthOptions);
  /** A fresh authorize URL; its state is stored before this returns. */
  authorizeUrl(): string;
  /** Completes the sign-in from `url` (default: `location.href`); `null` when it holds no OAuth data. Throws `WpcomError`. */
  handleRedirect(url?: string): Token | null;
  /** The current token, or `null`; never an expired one. */
  token(): Token | null;
  /** Forgets the token and any pending state. */
  signOut(): void;
  /** Resolves once the storage is loaded (await it with an async adapter). */
  ready(): Promise<Token | null>;
  /** Reloads the token and state from the storage. */
  restore(): Promise<Token | null>;
  /**
   * Signs in in a popup: opens WordPress.com in a new window *before it returns* (so call it
   * in the click handler itself, with no `await` before it; create the `Auth` beforehand), and
   * resolves with the stored token. `redirectUri` must be a page that calls
   * `popupCallback()`, such as the package's `callback.html`. Only the answer to this popup's
   * own state is taken. Rejects with `WpcomError`: `popup_blocked`, `popup_closed`,
   * `timeout`, `aborted`, `access_denied`, or another error of `handleRedirect`.
   */
  signInWithPopup(options?: PopupOptions): Promise<Token>;
  /**
   * Signs in in a browser extension (Manifest V3, its service worker too) with the browser's
   * `identity.launchWebAuthFlow`, and resolves with the stored token. Rejects with
   * `WpcomError`: `popup_closed`, `not_signed_in` (`interactive: false` and the user is
   * needed), `network`, `access_denied`, `unsupported` outside an extension.
   */
  signInWithExtension(options?: ExtensionSignInOptions): Promise<Token>;
  /** Calls `callback` when the session ends. */
  onSignedOut(callback: (reason: SignOutReason) => void): void;
  /** Calls `callback` `secondsBefore` (default 60) before the token expires. */
  onExpiring(callback: (token: Token) => void, secondsBefore?: number): void;
  /** Frees the object's wasm memory now (otherwise the garbage collector frees it). */
  free(): void;
}

/** What an OAuth redirect carried: a token, or WordPress.com's error (e.g. `access_denied`). */
export type RedirectResult =
  | {
      accessToken: string;
      tokenType: string;
      /** Lifetime in seconds, or `null` when not given. */
      expiresIn: number | null;
      /** The blog the token is limited to, or `null` for a global token. */
      siteId: number | null;
      scope: string[];
      /** The echoed `state`, or `null`: compare it with yours. */
      state: string | null;
    }
  | { error: string; errorDescription: string | null; state: string | null };

/**
 * Parses an OAuth redirect URL with no side effect (no storage, no history, no state check):
 * `null` when it carries neither a token nor an error. Throws `WpcomError` (`bad_redirect`) for
 * duplicated or malformed parameters.
 */
export function parseRedirect(url: string): RedirectResult | null;

/**
 * A WordPress.com REST client. Every method rejects with `WpcomError`, also on a 2xx answer
 * whose top level has an `error` string (the code is that string), as WordPress.com sends some
 * errors with status 200. The typed helpers also reject with `bad_response` when the answer
 * lacks the key their model is built on (e.g. `sites()` answered without `sites`).
 */
export class Client {
  constructor(options?: ClientOptions);
  /** The signed-in user: `GET /me`. */
  me(options?: CallOptions): Promise<Me>;
  /** The user's sites: `GET /me/sites`. */
  sites(options?: CallOptions): Promise<Sites>;
  /** A post's likes: `GET /sites/$site/posts/$id/likes`. */
  postLikes(site: string | number, postId: number, options?: CallOptions): Promise<Likes>;
  /** Likes a post: `POST /sites/$site/posts/$id/likes/new`. */
  likePost(site: string | number, postId: number, options?: CallOptions): Promise<LikeResult>;
  /** Takes the like back: `POST /sites/$site/posts/$id/likes/mine/delete`. */
  unlikePost(site: string | number, postId: number, options?: CallOptions): Promise<LikeResult>;
  /** Creates a post: `POST /sites/$site/posts/new`. */
  createPost(site: string | number, post: NewPost, options?: CallOptions): Promise<Post>;
  /** The token's client, user, blog and scope (`GET /oauth2/token-info`); refuses another client's token. */
  tokenInfo(options?: CallOptions): Promise<TokenInfo>;
  // --- Media ---
  /**
   * Uploads files to the site's media (`POST /sites/$site/media/new`, multipart `media[]` and
   * `attrs[i][…]`): `File`s, `Blob`s (named from `attrs.title`, else `media-<n>.<ext>`), an
   * array or a `FileList`. Inputs that fail are in `errors` with their index; when all fail it
   * rejects (e.g. `invalid_input`). Never retried; `timeoutMs` covers the whole upload.
   * Refused before sending: no file (`invalid_input`), a non-Blob or an unknown attribute
   * (`invalid_config`).
   */
  uploadMedia(site: string | number, files: Blob | ArrayLike<Blob>, options?: UploadOptions): Promise<MediaUpload>;
  /** Has WordPress.com download `urls` into the site's media (`media_urls[]`); results as `uploadMedia`. */
  sideloadMedia(site: string | number, urls: string | ReadonlyArray<string>, options?: SideloadOptions): Promise<MediaUpload>;
  /** Every media item of a site, page by page (`GET /sites/$site/media`): `for await (const item of client.media(site))`. */
  media(site: string | number, query?: MediaQuery, options?: CallOptions): AsyncGenerator<MediaItem, void, undefined>;
  /** Deletes a media item for good (`POST /sites/$site/media/$id/delete`); resolves with it. Unknown: `unknown_media`. */
  deleteMedia(site: string | number, mediaId: number, options?: CallOptions): Promise<MediaItem>;
  /**
   * The apps the user connected to their account: `GET /me/connected-applications`. A token
   * whose scope may not manage them rejects with `unauthorized`, its message asking for
   * `scope: 'global'` and naming https://wordpress.com/me/security/connected-applications.
   */
  connectedApplications(options?: CallOptions): Promise<ConnectedApplications>;
  /**
   * Removes a connected application: `POST /me/connected-applications/$ID/delete`, revoking
   * its tokens for the user. When the entry is this app's own, the `Auth` is signed out.
   * Rejects with `connection_not_found` (no `id`, and no entry has the client ID as `ID`),
   * `invalid_config` (no `id` and no client ID, or an `id` that is not letters, digits, `-`,
   * `_`), `unknown_application_access_token`, `unauthorized` (the token's scope).
   */
  disconnect(options?: DisconnectOptions): Promise<Disconnected>;
  /**
   * What the token is worth now, without throwing for any of the four statuses: `null` when
   * there is no token (nothing is sent); `expired` from the stored expiry; otherwise from
   * `GET /oauth2/token-info`, and `GET /me` when token-info cannot tell a revoked token from
   * another app's. Rejects with `WpcomError` for anything else: `network`, `timeout`,
   * `rate_limited`, `aborted`, `invalid_config` (no client ID to check against)…
   */
  checkConnection(options?: CallOptions): Promise<Connection | null>;
  /**
   * Any REST call, resolving with the JSON as WordPress.com sent it (`T` is taken on trust).
   * Two forms: `request(method, path, options?)`, and the fetch-like `request(path, options?)`
   * whose `options.method` (default `'GET'`) gives the method.
   *
   * `path`: a leading `/` is optional. A leading `rest/v1` … `rest/v1.4`, `v1.x/`, `wpcom/v2/`
   * or `wp/v2/` selects the namespace (default `rest/v1.1`); an `apiVersion` or `namespace`
   * that contradicts it is `invalid_config`. A query string in the path merges with
   * `options.query` (a key in both is `invalid_config`). An absolute URL is accepted only under
   * the client's `apiBase` (any other is `invalid_config`), so the token never goes to another origin. Examples:
   * `'/me'`, `'v1.1/me/sites'`, `'/rest/v1.2/sites/example.wordpress.com/posts?number=5'`,
   * `'wp/v2/sites/123/posts'`.
   *
   * A 2xx answer whose top level has an `error` string rejects with that code.
   */
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  request<T = unknown>(path: string, options?: RequestOptions): Promise<T>;

  /**
   * The pages of any collection, one request per page, made when the loop asks for the next:
   * `for await (const page of client.paginate('wp/v2/sites/123/posts', { query: { per_page: 50 } }))`.
   * `rest/v1.x` pages by `page_handle` from `meta.next_page` (else by `page`) until `found`
   * items, a page without a next handle, or a short or empty page; `wp/v2` and `wpcom/v2` by
   * `page` until `X-WP-TotalPages` (when the server exposes it) or a short or empty page.
   * Each page is the JSON as sent (`T` is taken on trust; an `_envelope`'s body, unwrapped).
   * Breaking out of the loop or aborting `signal` stops the requests; a failed page rejects
   * the loop with its `WpcomError` (what was yielded stays yielded).
   */
  paginate<T = unknown>(path: string, options?: PaginateOptions): AsyncGenerator<T, void, undefined>;
  /** Every post of a site, page by page (`GET /sites/$site/posts/`): `for await (const post of client.posts(site))`. */
  posts(site: string | number, query?: PostsQuery, options?: CallOptions): AsyncGenerator<Post, void, undefined>;
  /** One page of posts: `{ found, posts, nextPage }` (`GET /sites/$site/posts/`). */
  listPosts(site: string | number, query?: PostsQuery, options?: CallOptions): Promise<PostsList>;
  /** A post by ID or slug (`'slug:hello-world'`, or the bare slug): `GET /sites/$site/posts/$id`; `unknown_post` when none. */
  post(site: string | number, idOrSlug: number | string, options?: CallOptions): Promise<Post>;
  /** Changes a post's fields: `POST /sites/$site/posts/$id` (never retried). */
  updatePost(site: string | number, postId: number, fields: PostFields, options?: CallOptions): Promise<Post>;
  /** Trashes a post, or deletes a trashed one for good (`status` says which): `POST /sites/$site/posts/$id/delete`. */
  deletePost(site: string | number, postId: number, options?: CallOptions): Promise<DeletedPost>;
  /** Takes a post out of the trash: `POST /sites/$site/posts/$id/restore`. */
  restorePost(site: string | number, postId: number, options?: CallOptions): Promise<Post>;
  /** A post's comments, page by page (`GET /sites/$site/posts/$id/replies/`). */
  comments(site: string | number, postId: number, query?: CommentsQuery, options?: CallOptions): AsyncGenerator<Comment, void, undefined>;
  /** Comments on a post (`POST /sites/$site/posts/$id/replies/new`); blank content is `invalid_input`. */
  addComment(site: string | number, postId: number, content: string, options?: CallOptions): Promise<Comment>;
  /** Answers a comment (`POST /sites/$site/comments/$id/replies/new`); `unknown_comment` when none. */
  replyToComment(site: string | number, commentId: number, content: string, options?: CallOptions): Promise<Comment>;
  /** Trashes a comment, or deletes a trashed one for good: `POST /sites/$site/comments/$id/delete`. */
  deleteComment(site: string | number, commentId: number, options?: CallOptions): Promise<DeletedComment>;
  /** Follows a site: `POST /sites/$site/follows/new`. */
  follow(site: string | number, options?: CallOptions): Promise<FollowResult>;
  /** Stops following a site: `POST /sites/$site/follows/mine/delete`. */
  unfollow(site: string | number, options?: CallOptions): Promise<FollowResult>;
  /** Whether the user follows a site: `GET /sites/$site/follows/mine`. */
  isFollowing(site: string | number, options?: CallOptions): Promise<boolean>;
  /** Frees the object's wasm memory now (otherwise the garbage collector frees it). */
  free(): void;
}

/**
 * The popup's callback page, in one call (no wasm, no `init()` needed): forwards the URL it
 * landed on to the window that started `signInWithPopup` (by `postMessage` and a same-origin
 * `BroadcastChannel`), scrubs the OAuth data from the address bar and closes the window.
 * Resolves with `true` once the opener took the URL, `false` when the page holds no OAuth data
 * or nobody took it within 4 s (the page stays open: say so). Also `wpcom-wasm/callback`.
 */
export function popupCallback(): Promise<boolean>;

/** The error of every failed call. */
export class WpcomError extends Error {
  private constructor();
  readonly name: 'WpcomError';
  readonly code: WpcomErrorCode;
  /** The HTTP status, or `undefined` when there was no response. */
  readonly status: number | undefined;
  /** Whether the request may have reached the server (matters for a failed POST). */
  readonly mayHaveReachedServer: boolean;
  /** The post that `createPost` was given, so nothing typed is lost. */
  readonly input?: NewPost;
  /** Frees the object's wasm memory now (otherwise the garbage collector frees it). */
  free(): void;
}
"#;
