// The "Connected apps" panel: the apps the user has authorized on WordPress.com
// (`client.connectedApplications()`), each with a Disconnect button (`client.disconnect({ id })`).
// Disconnecting this demo's own entry ends the session here too (the library signs out).

import { avatar, byId, displayUrl, fill, h, plainText } from './dom.js';

/** The panel's one-line status. */
function status(text) {
  fill(byId('apps-body'), h('p', { class: 'muted', text }));
}

/** Loads and lists the user's connected applications into the panel. */
export async function loadConnectedApps(session) {
  byId('apps').hidden = false;
  status('Loading your connected apps…');
  let apps;
  try {
    apps = await session.client.connectedApplications();
  } catch (err) {
    if (session.ended) return;
    // A log-in-only or one-site token may not list them: say so in place.
    status(err && err.code === 'unauthorized' ? err.message : "Your connected apps couldn't be loaded.");
    if (!err || err.code !== 'unauthorized') session.report(err, () => loadConnectedApps(session));
    return;
  }
  if (session.ended) return;
  renderApps(session, apps);
}

function renderApps(session, apps) {
  if (apps.length === 0) {
    fill(byId('apps-body'), h('p', { class: 'muted', id: 'no-apps', text: 'No connected apps.' }));
    return;
  }
  fill(
    byId('apps-body'),
    h(
      'ul',
      { class: 'apps', id: 'app-list' },
      apps.map((app) => {
        const name = plainText(app.title) || `App ${app.ID}`;
        const where = app.site ? plainText(app.site.site_name || '') || displayUrl(app.site.site_URL) : 'All your sites';
        const since = app.authorized ? new Date(app.authorized).toLocaleDateString() : '';
        return h(
          'li',
          { class: 'app', 'data-app-id': app.ID },
          avatar(app.icon, name, 'app__icon'),
          h('span', { class: 'app__text' },
            h('span', { class: 'app__name', text: name }),
            h('span', { class: 'app__meta muted', text: [where, since && `since ${since}`].filter(Boolean).join(' · ') })),
          h('button', {
            type: 'button',
            class: 'btn btn--small btn--ghost',
            'aria-label': `Disconnect ${name}`,
            onclick: (e) => disconnect(session, app, e.currentTarget),
            text: 'Disconnect',
          }),
        );
      }),
    ),
  );
}

async function disconnect(session, app, button) {
  button.disabled = true;
  try {
    await session.client.disconnect({ id: app.ID });
  } catch (err) {
    button.disabled = false;
    if (!session.ended) session.report(err, () => disconnect(session, app, button));
    return;
  }
  // Disconnecting this demo itself signed it out (the session ends through onSignedOut).
  if (!session.ended) await loadConnectedApps(session);
}

/** Hides the panel (signed out). */
export function hideConnectedApps() {
  byId('apps').hidden = true;
}
