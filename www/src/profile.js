// The profile card: who is connected, whether their email can be trusted, what the token may
// do, and how long it has left (ticking; at zero the session ends, with no call attempted).

import { avatar, byId, fill, h, plainText, safeUrl } from './dom.js';

let clock = null;

/** "13 d 23 h 59 min 58 s", "4 min 05 s", "3 s". */
export function formatTimeLeft(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86400);
  const hrs = Math.floor((total % 86400) / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  if (d > 0) return `${d} d ${hrs} h ${min} min ${s} s`;
  if (hrs > 0) return `${hrs} h ${min} min ${s} s`;
  if (min > 0) return `${min} min ${s} s`;
  return `${total} s`;
}

/** Human words for a token's scopes. */
function scopeLabel(scope) {
  if (!scope || scope.length === 0) return 'one site';
  if (scope.includes('auth')) return 'log-in only (profile)';
  if (scope.includes('global')) return 'all your sites (global)';
  return scope.join(', ');
}

/** Whether WordPress.com vouches for the email (`verified` and `email_verified`, either shape). */
function emailVerified(me) {
  return me.email_verified !== false && me.verified !== false;
}

/** Shows the token-only part of the card while /me loads. */
export function renderProfileLoading(token, handlers) {
  renderProfile(null, token, handlers);
}

/**
 * Fills the profile card. `me` may be null (still loading). `handlers.onSignOut` runs on the
 * Sign out button, `handlers.onExpired` once when the clock reaches zero.
 */
export function renderProfile(me, token, handlers) {
  const card = byId('profile');
  const name = me ? plainText(me.display_name) || me.username : 'Loading your profile…';
  const verified = me ? emailVerified(me) : true;
  fill(
    card,
    h(
      'div',
      { class: 'profile__who' },
      avatar(me && me.avatar_URL, name, 'avatar avatar--large'),
      h(
        'div',
        { class: 'profile__names' },
        h('h2', { class: 'profile__name', id: 'profile-name', text: name }),
        me ? profileLink(me) : null,
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      me ? h('dt', { text: 'Email' }) : null,
      me
        ? h(
            'dd',
            { id: 'profile-email', class: verified ? '' : 'unverified' },
            h('span', { class: 'email', text: me.email || '(none)' }),
            ' ',
            verified
              ? h('span', { class: 'badge badge--ok', id: 'email-status', text: '✓ verified' })
              : h('span', { class: 'badge badge--warn', id: 'email-status', text: '⚠ not verified' }),
          )
        : null,
      me && !verified
        ? h('dd', { class: 'note', text: "WordPress.com hasn't verified this address: don't rely on it to identify the user." })
        : null,
      h('dt', { text: 'Access' }),
      h('dd', { id: 'token-scope' }, h('span', { class: 'chip', text: scopeLabel(token.scope) })),
      h('dt', { text: 'Expires in' }),
      h('dd', {}, h('time', { id: 'time-left', class: 'time-left' })),
    ),
    h('button', { type: 'button', class: 'btn btn--ghost btn--block', id: 'sign-out', onclick: handlers.onSignOut, text: 'Sign out' }),
  );
  startClock(token, handlers.onExpired);
}

function profileLink(me) {
  const url = safeUrl(me.profile_URL);
  const text = `@${me.username}`;
  return url
    ? h('a', { class: 'profile__username', id: 'profile-username', href: url, target: '_blank', rel: 'noopener noreferrer', text })
    : h('span', { class: 'profile__username', id: 'profile-username', text });
}

/** Ticks the "Expires in" line every second; calls `onExpired` once at zero. */
function startClock(token, onExpired) {
  stopClock();
  const el = byId('time-left');
  if (typeof token.expiresAt !== 'number') {
    el.textContent = 'never';
    return;
  }
  const tick = () => {
    const left = token.expiresAt - Date.now();
    el.textContent = formatTimeLeft(left);
    el.dateTime = new Date(token.expiresAt).toISOString();
    el.classList.toggle('time-left--soon', left < 5 * 60 * 1000);
    if (left <= 0) {
      stopClock();
      onExpired();
    }
  };
  tick();
  if (clock === null && token.expiresAt > Date.now()) clock = window.setInterval(tick, 1000);
}

/** Stops the ticking clock (on sign-out and session end). */
export function stopClock() {
  if (clock !== null) window.clearInterval(clock);
  clock = null;
}
