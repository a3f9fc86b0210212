// The sites panel: the user's sites (icon, name, URL); picking one shows its posts.

import { avatar, byId, displayUrl, fill, h, plainText, safeUrl } from './dom.js';

/** Shows a one-line status ("Loading your sites…") in the panel. */
export function renderSitesStatus(text) {
  fill(byId('sites-body'), h('p', { class: 'muted', text }));
}

/**
 * Shows a refusal inside the panel (e.g. a log-in-only token), with a button for the next step.
 * `message` is describeError's output.
 */
export function renderSitesRefused(message, onAction) {
  fill(
    byId('sites-body'),
    h(
      'div',
      { class: 'notice', id: 'sites-refused', 'data-kind': message.kind },
      h('p', {}, h('strong', { text: message.title })),
      h('p', { text: message.text }),
      h('button', { type: 'button', class: 'btn btn--primary btn--small', onclick: onAction, text: message.actionLabel }),
    ),
  );
}

/** Lists `sites`; `onPick(site)` runs when one is chosen. `selectedId` is highlighted. */
export function renderSites(sites, selectedId, onPick) {
  const body = byId('sites-body');
  if (sites.length === 0) {
    fill(body, h('p', { class: 'muted', id: 'no-sites', text: 'This account has no sites yet.' }));
    return;
  }
  fill(
    body,
    h(
      'ul',
      { class: 'sites', id: 'site-list' },
      sites.map((site) => {
        const name = plainText(site.name) || displayUrl(site.URL) || `Site ${site.ID}`;
        const selected = site.ID === selectedId;
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: selected ? 'site site--selected' : 'site',
              'data-site-id': site.ID,
              'aria-pressed': selected ? 'true' : 'false',
              onclick: () => onPick(site),
            },
            avatar(site.icon && site.icon.img, name, 'site__icon'),
            h('span', { class: 'site__text' }, h('span', { class: 'site__name', text: name }), h('span', { class: 'site__url', text: displayUrl(site.URL) })),
            site.is_private ? h('span', { class: 'chip chip--muted', text: 'private' }) : null,
          ),
        );
      }),
    ),
  );
}

/** A link to the site, for the posts panel's heading. */
export function siteLink(site) {
  const url = safeUrl(site.URL);
  const name = plainText(site.name) || displayUrl(site.URL);
  return url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: name }) : name;
}
