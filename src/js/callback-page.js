// The script of the package's callback.html (inlined by scripts/build.mjs): popupCallback(),
// and words for the user when no window was waiting for this sign-in.
import { popupCallback } from '../browser/popup.js';

popupCallback().then((taken) => {
  if (taken) return;
  document.getElementById('title').textContent = 'Nothing to finish here';
  document.getElementById('text').textContent = 'This page completes a sign-in started in another window, '
    + 'and no window is waiting for it any more. Close this one and sign in again.';
});
