// Every error the demo can meet, in words, with the one next step that helps.
//
// `action` names what the banner's button does; main.js wires each name to a handler:
//   retry      — run the failed operation again (never done automatically)
//   reconnect  — sign in again the same way as before
//   connect    — go back to the connect buttons
//   full       — connect with full access (after a log-in-only token was refused)
//   redirect   — connect with a full-page redirect instead of a popup

const SESSION_ENDED = new Set(['token_expired', 'invalid_token', 'not_signed_in']);
const REFUSED = new Set(['unauthorized', 'authorization_required', 'insufficient_scope']);

/** Whether this error means the session is over (the demo then shows the reconnect prompt). */
export function endsSession(err) {
  return Boolean(err) && SESSION_ENDED.has(err.code);
}

/**
 * `{ kind, title, text, action, actionLabel }` for an error from the client or the demo.
 * `context.loginOnly` tells a log-in-only token's refusals apart from others.
 */
export function describeError(err, context = {}) {
  const code = (err && err.code) || 'unknown';
  const server = err && err.message ? err.message : '';
  if (code === 'access_denied') {
    return {
      kind: 'denied',
      title: 'You declined to connect.',
      text: 'Nothing was shared with this page. If that was a mistake, try again and choose Approve.',
      action: 'connect',
      actionLabel: 'Try again',
    };
  }
  if (code === 'state_missing' || code === 'state_mismatch' || code === 'bad_redirect') {
    return {
      kind: 'refused',
      title: 'That sign-in response was refused.',
      text: 'It did not answer a sign-in started from this tab (it may be stale, replayed or forged), so nothing was stored. Start again from this page.',
      action: 'connect',
      actionLabel: 'Start again',
    };
  }
  if (SESSION_ENDED.has(code)) {
    return {
      kind: 'expired',
      title: 'Your WordPress.com connection has expired.',
      text: 'Tokens from WordPress.com last a limited time and cannot be refreshed. Reconnect to carry on — it takes a click if you are still logged in there.',
      action: 'reconnect',
      actionLabel: 'Reconnect',
    };
  }
  if (code === 'network' || code === 'timeout') {
    return {
      kind: 'network',
      title: 'WordPress.com could not be reached.',
      text: `Check your connection${context.apiBase ? ` (the API is ${context.apiBase})` : ''}, then retry.`,
      action: 'retry',
      actionLabel: 'Retry',
    };
  }
  if (code === 'rate_limited') {
    return {
      kind: 'rate-limited',
      title: 'WordPress.com is limiting requests right now.',
      text: 'Too many requests in a short time. Wait a minute, then retry.',
      action: 'retry',
      actionLabel: 'Retry',
    };
  }
  if (REFUSED.has(code) && context.loginOnly) {
    return {
      kind: 'login-only',
      title: 'Not allowed with a log-in-only connection.',
      text: "This log-in-only connection can't list sites — connect with full access.",
      action: 'full',
      actionLabel: 'Connect with full access',
    };
  }
  if (REFUSED.has(code)) {
    return {
      kind: 'refused',
      title: 'WordPress.com did not allow that.',
      text: `${server || 'Your account may lack the permission for this site.'} Try another site, or reconnect with access to it.`,
      action: 'reconnect',
      actionLabel: 'Reconnect',
    };
  }
  if (code === 'popup_blocked') {
    return {
      kind: 'popup',
      title: 'Your browser blocked the popup.',
      text: 'Allow popups for this page, or connect with a full-page redirect instead.',
      action: 'redirect',
      actionLabel: 'Connect without a popup',
    };
  }
  if (code === 'popup_closed') {
    return {
      kind: 'popup',
      title: 'The sign-in window was closed before it finished.',
      text: 'Nothing was shared. Try again when you are ready.',
      action: 'connect',
      actionLabel: 'Try again',
    };
  }
  return {
    kind: 'other',
    title: 'Something went wrong.',
    text: `${server || 'An unexpected error.'}${code !== 'unknown' ? ` (${code})` : ''} Retry, or reload the page if it keeps happening.`,
    action: 'retry',
    actionLabel: 'Retry',
  };
}
