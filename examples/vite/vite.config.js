import { defineConfig } from 'vite';

export default defineConfig({
  // Vite 7's dev server pre-bundles dependencies into node_modules/.vite without the .wasm that
  // the web build fetches with `new URL('wpcom_wasm_bg.wasm', import.meta.url)`, so init() gets
  // an HTML 404 page: serve the package as it is. (Vite 8 and `vite build` need no help.)
  optimizeDeps: { exclude: ['wpcom-wasm'] },
});
