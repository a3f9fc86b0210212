// A typed consumer of the application-password surface (any WordPress site): discoverSite,
// SiteAuth, SiteClient, with exact types (`Equal` fails on `any`) and `@ts-expect-error` on uses
// the declarations must refuse.
import { SiteAuth, SiteClient, WpcomError, discoverSite } from 'wpcom-wasm';
import type {
  DiscoverOptions, NewWpPost, SiteAuthOptions, SiteClientOptions, SiteConnection, SiteListOptions,
  SitePage, SiteRequestOptions, UploadOptions, WordPressSite, WpMedia, WpPost, WpRendered, WpUser,
  WpcomErrorCode,
} from 'wpcom-wasm';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
/** Compiles only when `T` is `true`. */
function expect<T extends true>(): void {}

async function connect(address: string, signal: AbortSignal): Promise<void> {
  const options: DiscoverOptions = { signal, timeoutMs: 5000 };
  const site = await discoverSite(address, options);
  expect<Equal<typeof site, WordPressSite>>();
  expect<Equal<typeof site.apiRoot, string>>();
  expect<Equal<typeof site.namespaces, string[]>>();
  // @ts-expect-error an address is required
  await discoverSite();

  const authOptions: SiteAuthOptions = {
    site,
    appName: 'My app',
    appId: crypto.randomUUID(),
    successUrl: 'https://app.example/connected',
    rejectUrl: 'https://app.example/declined',
    storage: 'local',
  };
  const auth = new SiteAuth(authOptions);
  new SiteAuth({ appName: 'My app', appId: 'id', successUrl: 'https://app.example/' });
  // @ts-expect-error appId is required
  new SiteAuth({ appName: 'My app', successUrl: 'https://app.example/' });
  // @ts-expect-error no such storage
  new SiteAuth({ appName: 'a', appId: 'b', successUrl: 'c', storage: 'cookie' });
  expect<Equal<ReturnType<SiteAuth['authorizeUrl']>, string>>();
  const connection = auth.handleRedirect(location.href);
  expect<Equal<typeof connection, SiteConnection | null>>();
  expect<Equal<ReturnType<SiteAuth['connection']>, SiteConnection | null>>();
  expect<Equal<ReturnType<SiteAuth['ready']>, Promise<SiteConnection | null>>>();
  auth.forget();

  const clientOptions: SiteClientOptions = { auth, timeoutMs: 10000, retry: false };
  const wp = new SiteClient(clientOptions);
  new SiteClient({ apiRoot: site.apiRoot, userLogin: 'alice', password: 'abcd efgh' });
  // @ts-expect-error a password needs its user and API root
  new SiteClient({ password: 'abcd efgh' });

  const me = await wp.me({ signal });
  expect<Equal<typeof me, WpUser>>();
  expect<Equal<typeof me.avatar_urls, Record<string, string>>>();
  const list: SiteListOptions = { page: 2, perPage: 20, query: { status: 'publish', search: 'wasm' } };
  const page = await wp.listPosts(list);
  expect<Equal<typeof page, SitePage<WpPost>>>();
  for await (const post of wp.posts({ perPage: 50, signal })) {
    expect<Equal<typeof post, WpPost>>();
  }
  for await (const chunk of wp.paginate<{ id: number }>('/wp/v2/pages?_fields=id', { page: 2 })) {
    expect<Equal<typeof chunk, SitePage<{ id: number }>>>();
  }
  // @ts-expect-error posts() is an async iterable, not a page
  void (await wp.posts()).items;
  expect<Equal<typeof page.total, number | null>>();
  expect<Equal<typeof page.items[number]['title'], WpRendered>>();
  const pages = await wp.list<{ id: number }>('/wp/v2/pages', { perPage: 5 });
  expect<Equal<typeof pages.items, { id: number }[]>>();
  const draft: NewWpPost = { title: 'Hello', content: 'From wasm', status: 'draft' };
  const created = await wp.createPost(draft);
  expect<Equal<typeof created, WpPost>>();
  // @ts-expect-error no such status
  await wp.createPost({ title: 'x', status: 'published' });
  const upload: UploadOptions = { filename: 'photo.jpg', contentType: 'image/jpeg', signal };
  const media = await wp.uploadMedia(new Blob(['x']), upload);
  expect<Equal<typeof media, WpMedia>>();
  await wp.uploadMedia(new Uint8Array(4));
  // @ts-expect-error a file, not a string
  await wp.uploadMedia('photo.jpg');
  const request: SiteRequestOptions = { query: { force: true }, signal };
  const deleted = await wp.request<{ deleted: boolean }>('DELETE', `/wp/v2/posts/${created.id}`, request);
  expect<Equal<typeof deleted, { deleted: boolean }>>();
  const raw = await wp.request('/wp/v2/types', { method: 'GET' });
  expect<Equal<typeof raw, unknown>>();
  expect<Equal<ReturnType<SiteClient['disconnect']>, Promise<void>>>();
  await wp.disconnect();
}

function handle(e: unknown): void {
  if (!(e instanceof WpcomError)) return;
  const codes: WpcomErrorCode[] = [
    'not_wordpress', 'rest_api_disabled', 'application_passwords_unavailable', 'site_mismatch',
    'credentials_refused', 'credentials_ignored', 'rest_post_invalid_id',
  ];
  void codes;
}

void [connect, handle];
