// Follow / Unfollow for the site shown in the posts panel: `client.isFollowing()` for the state,
// `client.follow()` / `client.unfollow()` on a click. The button says what it will do; the line
// beside it says the current state (and is announced when it changes).

import { byId, fill, h } from './dom.js';

/** Hides the control (no site shown). */
export function hideFollow() {
  byId('follow').hidden = true;
}

/** Shows "checking…" while `isFollowing` runs. */
export function renderFollowChecking() {
  const box = byId('follow');
  box.hidden = false;
  box.dataset.following = '';
  byId('follow-state').textContent = '';
  const button = byId('follow-btn');
  button.disabled = true;
  button.textContent = 'Follow';
}

/**
 * Shows the state (`following`: true, false, or null when unknown) and wires the button to
 * `onToggle(following, retry)`, which resolves with the new state or null when it failed
 * (`retry` clicks the button again).
 */
export function renderFollow(following, onToggle) {
  const box = byId('follow');
  const button = byId('follow-btn');
  box.hidden = false;
  setState(following);
  button.onclick = async () => {
    const was = box.dataset.following === 'true';
    button.disabled = true;
    const now = await onToggle(was, () => button.click());
    button.disabled = false;
    if (now === null || now === undefined) return;
    setState(now);
    // Announced: the button's own label changed under the user's focus.
    fill(byId('follow-state'), now ? 'You follow this site.' : 'You no longer follow this site.');
  };
}

function setState(following) {
  const box = byId('follow');
  const button = byId('follow-btn');
  box.dataset.following = following === null ? '' : String(following);
  button.disabled = following === null;
  button.textContent = following ? 'Unfollow' : 'Follow';
  button.classList.toggle('btn--primary', following === false);
  fill(byId('follow-state'), following === null ? "Couldn't tell whether you follow it." : following ? h('span', { class: 'ok-text', text: '✓ Following' }) : 'Not following');
}
