// A typed consumer of the bundler build (`wpcom-wasm`): every class, method, option and model of
// the declarations, with exact types (`Equal` fails on `any`), and `@ts-expect-error` on uses
// the declarations must refuse (tsc reports an expect-error line that compiles).
import { Auth, Client, WpcomError, parseRedirect, popupCallback } from 'wpcom-wasm';
import { popupCallback as popupCallbackAlone } from 'wpcom-wasm/callback';
import type {
  AuthOptions, CallOptions, ClientOptions, ConnectedApplication, ConnectedApplications, Connection,
  ConnectionStatus, DisconnectOptions, Disconnected, ExtensionSignInOptions, HttpMethod, Like,
  LikeResult, Likes, Me, NewPost, PopupOptions,
  Post, RedirectResult, RequestOptions, RetryOptions, SignOutReason, Site, SiteLogoSize, Sites,
  StorageAdapter, Term, Token, TokenInfo, WpcomErrorCode,
  Comment, CommentsQuery, DeletedComment, DeletedPost, FollowResult, PaginateOptions, PostFields,
  PostsList, PostsQuery,
} from 'wpcom-wasm';
import type {
  MediaAttrs, MediaError, MediaItem, MediaQuery, MediaUpload, SideloadOptions,
  UploadOptions, UploadProgress,
} from 'wpcom-wasm';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
/** Compiles only when `T` is `true`. */
function expect<T extends true>(): void {}

// --- Auth -----------------------------------------------------------------------------------

const adapter: StorageAdapter = {
  get: async (key) => sessionStorage.getItem(key),
  set: (key, value) => sessionStorage.setItem(key, value),
  remove: async (key) => { sessionStorage.removeItem(key); },
};
const authOptions: AuthOptions = {
  clientId: 1234,
  redirectUri: 'http://127.0.0.1:8080/',
  scope: 'global',
  blog: 'example.wordpress.com',
  storage: adapter,
  oauthBase: 'http://127.0.0.1:9090',
  login: false,
};
const auth = new Auth(authOptions);
new Auth({ clientId: '1234', redirectUri: 'http://127.0.0.1:8080/', storage: 'memory' });
// @ts-expect-error an unknown option
new Auth({ clientId: '1234', redirectUri: 'http://127.0.0.1:8080/', storge: 'local' });
// redirectUri may be left out: in a browser extension it is identity.getRedirectURL() (elsewhere
// the constructor throws invalid_config).
new Auth({ clientId: '1234' });
// @ts-expect-error clientId is required
new Auth({ redirectUri: 'http://127.0.0.1:8080/' });
// @ts-expect-error no such storage
new Auth({ clientId: '1234', redirectUri: 'http://127.0.0.1:8080/', storage: 'cookie' });

expect<Equal<ReturnType<Auth['authorizeUrl']>, string>>();
expect<Equal<ReturnType<Auth['handleRedirect']>, Token | null>>();
expect<Equal<ReturnType<Auth['token']>, Token | null>>();
expect<Equal<ReturnType<Auth['ready']>, Promise<Token | null>>>();
expect<Equal<ReturnType<Auth['restore']>, Promise<Token | null>>>();
expect<Equal<Token, {
  accessToken: string; tokenType: string; expiresAt: number | null; siteId: number | null; scope: string[];
}>>();
const token = auth.handleRedirect(location.href) ?? auth.handleRedirect();
if (token) expect<Equal<typeof token.expiresAt, number | null>>();
auth.onSignedOut((reason) => expect<Equal<typeof reason, SignOutReason>>());
auth.onExpiring((t) => expect<Equal<typeof t, Token>>(), 120);
auth.onExpiring(() => {});
// @ts-expect-error not a reason
const reason: SignOutReason = 'logout';
// @ts-expect-error the callback gets a Token, not a string
auth.onExpiring((t: string) => t);
auth.signOut();
auth.free();
// @ts-expect-error no such method
auth.login();

// --- parseRedirect ----------------------------------------------------------------------------

const parsed = parseRedirect('http://127.0.0.1:8080/#access_token=x&state=y');
expect<Equal<typeof parsed, RedirectResult | null>>();
if (parsed && 'accessToken' in parsed) {
  expect<Equal<typeof parsed.expiresIn, number | null>>();
  expect<Equal<typeof parsed.scope, string[]>>();
} else if (parsed) {
  expect<Equal<typeof parsed.error, string>>();
  expect<Equal<typeof parsed.errorDescription, string | null>>();
}
// @ts-expect-error a URL is required
parseRedirect();

// --- Client -----------------------------------------------------------------------------------

const retry: RetryOptions = { maxAttempts: 3, maxTotalMs: 10_000, baseDelayMs: 100, maxDelayMs: 2_000 };
const clientOptions: ClientOptions = { auth, apiBase: 'http://127.0.0.1:9090', oauthBase: 'http://127.0.0.1:9090', timeoutMs: 5_000, retry };
const wp = new Client(clientOptions);
new Client({ token: 'abc', clientId: 1234, retry: false });
new Client();
// @ts-expect-error retry is options or false
new Client({ token: 'abc', retry: true });
// @ts-expect-error an unknown option
new Client({ token: 'abc', apiBse: 'http://127.0.0.1:9090' });
// @ts-expect-error no such method
wp.pages(2001);

const call: CallOptions = { signal: new AbortController().signal };

async function typedHelpers(): Promise<void> {
  const me = await wp.me(call);
  expect<Equal<typeof me, Me>>();
  expect<Equal<typeof me.token_scope, string[]>>();
  expect<Equal<typeof me.primary_blog, number | null>>();
  // @ts-expect-error not a field of Me
  me.blogs;

  const { sites } = await wp.sites();
  expect<Equal<typeof sites, Site[]>>();
  const site = sites[0];
  if (site) {
    expect<Equal<typeof site.ID, number>>();
    expect<Equal<typeof site.visible, boolean | null>>();
    const size = site.logo?.sizes['thumbnail'];
    expect<Equal<typeof size, string | SiteLogoSize | undefined>>();
  }
  expect<Equal<Awaited<ReturnType<Client['sites']>>, Sites>>();

  const likes = await wp.postLikes(2001, 42);
  expect<Equal<typeof likes, Likes>>();
  expect<Equal<typeof likes.likes, Like[]>>();
  const liked = await wp.likePost('example.wordpress.com', 42, call);
  expect<Equal<typeof liked, LikeResult>>();
  expect<Equal<typeof liked.like_count, number>>();
  expect<Equal<Awaited<ReturnType<Client['unlikePost']>>, LikeResult>>();
  // @ts-expect-error a post ID is a number
  await wp.likePost(2001, '42');

  const newPost: NewPost = { title: 'Hello', content: 'From wasm', tags: ['wasm'], status: 'draft' };
  const post = await wp.createPost(2001, newPost);
  expect<Equal<typeof post, Post>>();
  expect<Equal<typeof post.parent, { ID: number; type: string; link: string; title: string } | null>>();
  expect<Equal<typeof post.tags, Record<string, Term>>>();
  // @ts-expect-error no such status
  await wp.createPost(2001, { title: 'x', status: 'published' });
  // @ts-expect-error a title is a string
  await wp.createPost(2001, { title: 1 });

  const info = await wp.tokenInfo();
  expect<Equal<typeof info, TokenInfo>>();
  expect<Equal<typeof info.blog_id, string | null>>();
}

// --- Connected applications -------------------------------------------------------------------

async function connectedApps(): Promise<void> {
  const apps = await wp.connectedApplications(call);
  expect<Equal<typeof apps, ConnectedApplication[]>>();
  expect<Equal<Awaited<ReturnType<Client['connectedApplications']>>, ConnectedApplications>>();
  const app = apps[0];
  if (app) {
    expect<Equal<typeof app.ID, string>>();
    expect<Equal<typeof app.scope, string>>();
    expect<Equal<typeof app.site, { site_ID: string; site_URL: string; site_name: string } | null>>();
    expect<Equal<typeof app.permissions, { name: string; description: string }[]>>();
    expect<Equal<typeof app.authorized | typeof app.title | typeof app.URL | typeof app.icon | typeof app.description, string>>();
    // @ts-expect-error the docs' spelling is normalised to `ID`
    app.connection_ID;
    // @ts-expect-error the docs' spelling is normalised to `site`
    app.blog;
    const gone = await wp.disconnect({ ...call, id: app.ID });
    expect<Equal<typeof gone, Disconnected>>();
    expect<Equal<typeof gone.signedOut, boolean>>();
  }
  const own: Disconnected = await wp.disconnect();
  const byNumber = await wp.disconnect({ id: 1234 });
  const options: DisconnectOptions = { id: '1234' };
  await wp.disconnect(options);
  // @ts-expect-error the ID goes in the options
  await wp.disconnect('1234');
  // @ts-expect-error an unknown option
  await wp.disconnect({ ID: '1234' });
  const reasons: SignOutReason = 'disconnected';
  const codes: WpcomErrorCode[] = ['connection_not_found', 'unknown_application_access_token'];
  void [own, byNumber, reasons, codes];
}

// --- Media ------------------------------------------------------------------------------------

async function media(input: HTMLInputElement, blob: Blob): Promise<void> {
  const attrs: MediaAttrs = { title: 'Sunset', caption: 'At the beach', alt: 'An orange sky', parent_id: 7 };
  const options: UploadOptions = {
    attrs: [attrs, null],
    onProgress: (p) => expect<Equal<typeof p, UploadProgress>>(),
    signal: new AbortController().signal,
  };
  const uploaded = await wp.uploadMedia(2001, [blob, new File([blob], 'b.png')], options);
  expect<Equal<typeof uploaded, MediaUpload>>();
  expect<Equal<typeof uploaded.errors, MediaError[]>>();
  expect<Equal<typeof uploaded.errors[number]['index'], number>>();
  const item = uploaded.media[0];
  if (item) {
    expect<Equal<typeof item, MediaItem>>();
    expect<Equal<typeof item.thumbnails, Record<string, string>>>();
    await wp.createPost(2001, { title: 'With a picture', featured_image: item.ID, media_urls: [item.URL] });
    expect<Equal<Awaited<ReturnType<Client['deleteMedia']>>, MediaItem>>();
    await wp.deleteMedia('example.wordpress.com', item.ID, call);
  }
  if (input.files) await wp.uploadMedia('example.wordpress.com', input.files);
  await wp.uploadMedia(2001, blob, { attrs: { title: 'One' } });
  const sideload: SideloadOptions = { attrs: [{ title: 'From the web' }] };
  const fetched = await wp.sideloadMedia(2001, ['https://example.com/a.jpg'], sideload);
  expect<Equal<typeof fetched, MediaUpload>>();
  await wp.sideloadMedia(2001, 'https://example.com/b.png');
  const query: MediaQuery = { number: 50, mime_type: 'image', post_ID: 0 };
  for await (const each of wp.media(2001, query, call)) {
    expect<Equal<typeof each, MediaItem>>();
  }
  expect<Equal<ReturnType<Client['media']>, AsyncGenerator<MediaItem, void, undefined>>>();
  for await (const each of wp.media('example.wordpress.com')) void each.URL;

  // @ts-expect-error a file is a Blob, not its name
  await wp.uploadMedia(2001, ['a.png']);
  // @ts-expect-error WordPress.com reads no such attribute
  await wp.uploadMedia(2001, blob, { attrs: { titel: 'x' } });
  // @ts-expect-error progress is in bytes, an object
  await wp.uploadMedia(2001, blob, { onProgress: (p: number) => p });
  // @ts-expect-error a media ID is a number
  await wp.deleteMedia(2001, '5');
  // @ts-expect-error a featured image is a media ID
  await wp.createPost(2001, { title: 'x', featured_image: { ID: 5 } });
}

// --- request ----------------------------------------------------------------------------------

interface PostPage { found: number; posts: Post[] }

async function requests(): Promise<void> {
  // The three-argument form, and the fetch-like one.
  const raw = await wp.request('GET', '/me');
  expect<Equal<typeof raw, unknown>>();
  const page = await wp.request<PostPage>('GET', '/sites/2001/posts/', { query: { number: 10, fields: ['ID', 'title'] } });
  expect<Equal<typeof page.posts, Post[]>>();
  const fetched = await wp.request<PostPage>('/rest/v1.2/sites/example.wordpress.com/posts?number=5', call);
  expect<Equal<typeof fetched.found, number>>();
  await wp.request('v1.1/me/sites');
  await wp.request('wp/v2/sites/123/posts', { method: 'POST', body: { title: 'Hi' } });
  await wp.request('wp/v2/sites/123/posts/7', { method: 'DELETE' });
  await wp.request('PATCH', 'wp/v2/sites/123/posts/7', { body: { title: 'Hi again' } });
  await wp.request('/sites/2001/posts', { ...call, namespace: 'wpcom/v2' });
  await wp.request('GET', '/sites/2001/posts', { apiVersion: '1.4' });
  const methods: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  for (const method of methods) await wp.request(method, 'wpcom/v2/sites/2001', { method });
  const options: RequestOptions = { method: 'PUT', query: { a: null, b: undefined, c: true }, body: null, namespace: 'wp/v2' };
  await wp.request('/sites/2001/settings', options);

  // @ts-expect-error not a method
  await wp.request('HEAD', '/me');
  // @ts-expect-error not a method
  await wp.request('/me', { method: 'OPTIONS' });
  // @ts-expect-error no such API version
  await wp.request('/me', { apiVersion: '3' });
  // @ts-expect-error no such namespace
  await wp.request('/me', { namespace: 'wp/v3' });
  // @ts-expect-error an unknown option
  await wp.request('/me', { params: { number: 5 } });
  // @ts-expect-error a path is required
  await wp.request();
}

// --- Pages of results, a post's life, comments and follows (issue 13) -------------------------

async function pagesAndPosts(wp: Client, signal: AbortSignal): Promise<void> {
  for await (const post of wp.posts(2001, { number: 20, status: 'publish,draft', order_by: 'ID' }, { signal })) {
    expect<Equal<typeof post, Post>>();
  }
  for await (const page of wp.paginate<Post[]>('wp/v2/sites/2001/posts', { query: { per_page: 50 }, signal })) {
    expect<Equal<typeof page, Post[]>>();
  }
  for await (const page of wp.paginate('/sites/2001/posts', { apiVersion: '1.2' })) {
    expect<Equal<typeof page, unknown>>();
  }
  const iterator = wp.posts('example.wordpress.com');
  expect<Equal<typeof iterator, AsyncGenerator<Post, void, undefined>>>();
  await iterator.return();
  const list = await wp.listPosts(2001, { number: 5 });
  expect<Equal<typeof list, PostsList>>();
  expect<Equal<typeof list.nextPage, string | null>>();
  if (list.nextPage) await wp.listPosts(2001, { number: 5, page_handle: list.nextPage });
  const query: PostsQuery = { tag: 'wasm', after: '2024-01-01', custom: ['a', 'b'] };
  void query;

  expect<Equal<Awaited<ReturnType<Client['post']>>, Post>>();
  await wp.post(2001, 7);
  await wp.post(2001, 'slug:hello-world');
  const fields: PostFields = { title: 'New title', status: 'trash' };
  expect<Equal<Awaited<ReturnType<Client['updatePost']>>, Post>>();
  await wp.updatePost(2001, 7, fields);
  const deleted: DeletedPost = await wp.deletePost(2001, 7);
  expect<Equal<typeof deleted.status, 'trash' | 'deleted'>>();
  expect<Equal<Awaited<ReturnType<Client['restorePost']>>, Post>>();

  const commentsQuery: CommentsQuery = { number: 50, order: 'ASC', status: 'approved' };
  for await (const comment of wp.comments(2001, 7, commentsQuery)) {
    expect<Equal<typeof comment, Comment>>();
    expect<Equal<typeof comment.parent, { ID: number; type: string; link: string } | null>>();
    const reply = await wp.replyToComment(2001, comment.ID, 'Thanks!');
    expect<Equal<typeof reply, Comment>>();
  }
  const added = await wp.addComment(2001, 7, 'Nice post');
  const gone: DeletedComment = await wp.deleteComment(2001, added.ID, { signal });
  expect<Equal<typeof gone.status, 'trash' | 'deleted'>>();

  const followed: FollowResult = await wp.follow('example.wordpress.com');
  expect<Equal<typeof followed.is_following, boolean>>();
  expect<Equal<Awaited<ReturnType<Client['unfollow']>>, FollowResult>>();
  expect<Equal<Awaited<ReturnType<Client['isFollowing']>>, boolean>>();
  const options: PaginateOptions = { query: { page: 2 }, namespace: 'wp/v2', signal };
  void options;
  const failed: WpcomErrorCode = 'follow_failed';
  void failed;

  // @ts-expect-error a page's query is not a string
  wp.paginate('/sites/1/posts', { query: 'number=5' });
  // @ts-expect-error comments need the post
  wp.comments(2001);
  // @ts-expect-error a comment is a string
  await wp.addComment(2001, 7, { content: 'x' });
  // @ts-expect-error no such order
  await wp.listPosts(2001, { order_by: 'author' });
}

// --- WpcomError -------------------------------------------------------------------------------

function handle(e: unknown): void {
  if (!(e instanceof WpcomError)) return;
  expect<Equal<typeof e.code, WpcomErrorCode>>();
  expect<Equal<typeof e.status, number | undefined>>();
  expect<Equal<typeof e.mayHaveReachedServer, boolean>>();
  expect<Equal<typeof e.input, NewPost | undefined>>();
  expect<Equal<typeof e.name, 'WpcomError'>>();
  const known: WpcomErrorCode = 'token_expired';
  const unknown: WpcomErrorCode = 'some_new_code';
  const message: string = e.message;
  void [known, unknown, message];
  e.free();
  // @ts-expect-error read-only
  e.code = 'network';
}
// @ts-expect-error not constructed by callers
new WpcomError();

// --- The connect flow: popup, extension, connection health ----------------------------------

async function connect(button: HTMLButtonElement): Promise<void> {
  const auth = new Auth({ clientId: '1234', redirectUri: 'https://app.example/callback.html' });
  const controller = new AbortController();
  button.onclick = () => {
    const options: PopupOptions = { signal: controller.signal, timeoutMs: 60_000 };
    const signedIn = auth.signInWithPopup(options);
    expect<Equal<typeof signedIn, Promise<Token>>>();
  };
  await auth.signInWithPopup();
  // @ts-expect-error timeoutMs is a number of milliseconds
  await auth.signInWithPopup({ timeoutMs: '5m' });

  // In an extension: no redirectUri (identity.getRedirectURL()), storage 'extension'.
  const inExtension = new Auth({ clientId: '1234', scope: 'global', storage: 'extension' });
  const interactive: ExtensionSignInOptions = { interactive: false };
  expect<Equal<Awaited<ReturnType<typeof inExtension.signInWithExtension>>, Token>>();
  await inExtension.signInWithExtension(interactive);
  await inExtension.signInWithExtension();
  // @ts-expect-error no such storage
  new Auth({ clientId: '1234', storage: 'cookie' });

  const wp = new Client({ auth });
  const connection = await wp.checkConnection({ signal: controller.signal });
  expect<Equal<typeof connection, Connection | null>>();
  if (connection) {
    expect<Equal<typeof connection.status, ConnectionStatus>>();
    expect<Equal<ConnectionStatus, 'connected' | 'expired' | 'revoked' | 'foreign'>>();
    expect<Equal<typeof connection.userId, number | null>>();
    expect<Equal<typeof connection.blogId, number | null>>();
    expect<Equal<typeof connection.scope, string[]>>();
  }
  const blocked: WpcomErrorCode = 'popup_blocked';
  const closed: WpcomErrorCode = 'popup_closed';
  void [blocked, closed];

  // The callback page.
  expect<Equal<ReturnType<typeof popupCallback>, Promise<boolean>>>();
  expect<Equal<ReturnType<typeof popupCallbackAlone>, Promise<boolean>>>();
  // @ts-expect-error takes no argument
  await popupCallback(location.href);
}

void [typedHelpers, connectedApps, media, requests, pagesAndPosts, handle, reason, connect];
