import { defineConfig } from 'vite';

export default defineConfig({
  // The dev server pre-bundles dependencies into node_modules/.vite, where the .wasm that the web
  // build fetches with `new URL('wpcom_wasm_bg.wasm', import.meta.url)` is not copied: serve the
  // package as it is. (`vite build` finds and emits the .wasm either way.)
  optimizeDeps: { exclude: ['wpcom-wasm'] },
});
