// callback.html: where WordPress.com sends the popup back. The library's popupCallback() does the
// work (forwards the URL to the window that opened the popup, scrubs the address bar, closes);
// `wpcom-wasm/callback` is that function alone, without the WebAssembly, so this page is tiny.
import { popupCallback } from 'wpcom-wasm/callback';

popupCallback().then((taken) => {
  if (taken) return;
  document.getElementById('callback-title').textContent = 'Nothing to finish here';
  document.getElementById('callback-text').textContent =
    'This page finishes a sign-in started from the demo window, which is no longer waiting for it. Go back to the demo and connect again.';
  document.getElementById('callback-back').hidden = false;
});
