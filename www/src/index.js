// The demo's entry. The app imports the WebAssembly package, so it runs only once the .wasm has
// been fetched and compiled; when that fails (offline, a server that refuses the file, a page
// left while it loads) the page says so instead of sitting there with buttons that do nothing.
// `eager`: the app stays in this same file, no extra request.
import { showBanner } from './banner.js';
import { byId } from './dom.js';

import(/* webpackMode: "eager" */ './main.js').catch((err) => {
  byId('loading').hidden = true;
  showBanner(
    {
      kind: 'network',
      title: 'The demo could not start.',
      text: `Its WebAssembly module did not load (${err && err.message ? err.message : String(err)}). Check your connection, then reload.`,
      actionLabel: 'Reload',
    },
    () => window.location.reload(),
  );
});
