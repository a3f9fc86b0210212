// A typed consumer of the `web` build (`wpcom-wasm/web`): the forms of init() and initSync(),
// then the same classes as the bundler build (tests/types/bundler.ts covers them in full).
import init, { Auth, Client, WpcomError, initSync, parseRedirect, popupCallback } from 'wpcom-wasm/web';
import type { InitInput, InitOutput, Me, RedirectResult, SyncInitInput } from 'wpcom-wasm/web';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
/** Compiles only when `T` is `true`. */
function expect<T extends true>(): void {}

async function start(bytes: ArrayBuffer, module: WebAssembly.Module): Promise<void> {
  const output = await init();
  expect<Equal<typeof output, InitOutput>>();
  expect<Equal<typeof output.memory, WebAssembly.Memory>>();
  await init({ module_or_path: '/assets/wpcom_wasm_bg.wasm' });
  await init({ module_or_path: new URL('./wpcom_wasm_bg.wasm', import.meta.url) });
  await init({ module_or_path: fetch('/assets/wpcom_wasm_bg.wasm') });
  await init({ module_or_path: bytes });
  await init('/assets/wpcom_wasm_bg.wasm');
  await init(new Request('/assets/wpcom_wasm_bg.wasm'));
  const input: InitInput = module;
  await init(input);
  const sync: SyncInitInput = bytes;
  expect<Equal<ReturnType<typeof initSync>, InitOutput>>();
  initSync({ module: sync });
  // init()'s argument is as loose as lib.dom's `WebAssembly.Module`, an empty interface that
  // any object or number matches; its result and initSync() are not.
  // @ts-expect-error init() resolves with the module's exports
  const wrong: string = await init();
  // @ts-expect-error initSync needs the module
  initSync();
  void wrong;
}

async function use(): Promise<void> {
  const auth = new Auth({ clientId: '1234', redirectUri: 'http://127.0.0.1:8080/' });
  const wp = new Client({ auth });
  const me = await wp.me();
  expect<Equal<typeof me, Me>>();
  await wp.request('/me', { method: 'GET' });
  expect<Equal<ReturnType<typeof parseRedirect>, RedirectResult | null>>();
  try {
    await wp.request('DELETE', 'wp/v2/sites/123/posts/7');
  } catch (e) {
    if (e instanceof WpcomError) expect<Equal<typeof e.status, number | undefined>>();
  }
  // @ts-expect-error no such method
  await wp.deletePage(123, 7);
  for await (const post of wp.posts(123)) void post.ID;
  expect<Equal<Awaited<ReturnType<typeof wp.checkConnection>>, import('wpcom-wasm/web').Connection | null>>();
  expect<Equal<ReturnType<typeof auth.signInWithPopup>, Promise<import('wpcom-wasm/web').Token>>>();
  expect<Equal<ReturnType<typeof popupCallback>, Promise<boolean>>>();
}

void [start, use];
