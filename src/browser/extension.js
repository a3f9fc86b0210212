// The browser-extension APIs the client uses (src/browser/extension.rs): Firefox's (and
// Safari's) `browser.*`, else Chrome's `chrome.*`; in Manifest V3 both return Promises. Outside
// an extension (a page has a `chrome` object too) there is no `runtime.id`: nothing is found.

/**
 * `wpcomExtension('identity')`: the `identity` API (the "identity" permission), or undefined.
 * `wpcomExtension('storage')`: `storage.local` (the "storage" permission) as a storage adapter,
 * or undefined.
 */
export function wpcomExtension(what) {
  const api = [globalThis.browser, globalThis.chrome].find((a) => a?.runtime?.id);
  const area = api?.storage?.local;
  if (what == 'identity') return api?.identity;
  return area && {
    get: async (key) => (await area.get(key))[key] ?? null,
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}
