// What each error of "Connect a WordPress site" (site-door.js) means, in words, with the one
// next step that helps: `action` 'address' goes back to the site's address, 'retry' runs the
// failed call again (never done automatically). The code itself ends the text, for developers.

/**
 * `{ kind, title, text, action }` for an error of the site door: each code the library raises
 * in words, with what to do next, and the code itself for developers.
 */
export function describeSiteError(err, address) {
  const code = (err && err.code) || 'unknown';
  const detail = err && err.message ? err.message : '';
  const where = address ? ` at ${address}` : '';
  const words = {
    not_wordpress: {
      kind: 'refused',
      title: "That address isn't a WordPress site.",
      text: `No WordPress REST API answered${where}. Check the address (a WordPress site's home page, like example.com) and try again.`,
      action: 'address',
    },
    rest_api_disabled: {
      kind: 'refused',
      title: 'This WordPress site has its REST API turned off.',
      // The library's message names WordPress's own code and words, and who can change it.
      text: sentence(detail),
      action: 'address',
    },
    application_passwords_unavailable: {
      kind: 'refused',
      title: "This site doesn't offer application passwords.",
      // The library's message gives the likely reasons (plain http, turned off).
      text: `${sentence(detail)} A WordPress.com site without them connects with "Connect with WordPress.com" above.`,
      action: 'address',
    },
    site_mismatch: {
      kind: 'refused',
      title: "The site that answered isn't the one you chose.",
      text: 'WordPress sent you back naming another site, so its password was neither used nor kept. Connect again from this page.',
      action: 'address',
    },
    state_missing: stale(),
    state_mismatch: stale(),
    bad_redirect: stale(),
    credentials_refused: {
      kind: 'expired',
      title: 'The site no longer accepts this connection.',
      text: 'Its application password was revoked (or is wrong), so this page has forgotten it. Connect again to carry on.',
      action: 'address',
    },
    credentials_ignored: {
      kind: 'expired',
      title: 'The site answered as if you were not logged in.',
      text: "Either it refused the application password (revoked on the site — WordPress 6.1 says no more than that), or it never read it (plain http on a site that isn't local, or a server that drops the Authorization header). This page has forgotten it: connect again, and if that keeps happening, ask the site's host.",
      action: 'address',
    },
    access_denied: {
      kind: 'denied',
      title: 'You declined to connect the site.',
      text: 'WordPress created no password and nothing was shared with this page. If that was a mistake, connect again and choose "Yes, I approve of this connection".',
      action: 'address',
    },
    popup_blocked: {
      kind: 'refused',
      title: 'Your browser blocked the popup.',
      text: 'Allow popups for this page, or connect with "Connect a WordPress site", which goes to the site and back in this tab.',
      action: 'address',
    },
    popup_closed: {
      kind: 'denied',
      title: 'The popup was closed before the site was connected.',
      text: 'Nothing was kept. Approve in a popup again when you are ready.',
      action: 'address',
    },
    network: {
      kind: 'network',
      title: 'The site could not be reached.',
      text: `Nothing readable answered${where}: check the address and your connection. A site must also let other pages call its REST API (WordPress does unless a plugin or the host stops it).`,
      action: 'address',
    },
    timeout: {
      kind: 'network',
      title: 'The site took too long to answer.',
      text: 'Check your connection, then try again.',
      action: 'retry',
    },
    invalid_config: {
      kind: 'refused',
      title: "That address can't be used.",
      text: `${sentence(detail)} Type a site's address, like example.com or https://example.com/blog/.`,
      action: 'address',
    },
  }[code];
  const message = words || {
    kind: 'other',
    title: 'The site did not allow that.',
    text: `${sentence(detail) || 'An unexpected error.'} Retry, or connect again if it keeps happening.`,
    action: 'retry',
  };
  return {
    ...message,
    text: `${message.text} (${code})`,
    actionLabel: { address: 'Connect a site', retry: 'Retry' }[message.action],
  };
}

function stale() {
  return {
    kind: 'refused',
    title: 'That connection response was refused.',
    text: 'It did not answer a connection started from this tab (it may be stale, replayed or forged), so nothing was kept. Start again from this page.',
    action: 'address',
  };
}

/** "the site said x" → "The site said x." */
function sentence(text) {
  if (!text) return '';
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
