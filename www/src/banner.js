// The one message banner at the top of the page: what happened, and a button for what to do.

import { byId, fill, h } from './dom.js';

/**
 * Shows `message` (`{ kind, title, text, actionLabel }` from describeError) with a button that
 * calls `onAction`, and a dismiss button.
 */
export function showBanner(message, onAction) {
  const banner = byId('banner');
  banner.dataset.kind = message.kind;
  fill(
    banner,
    h('div', { class: 'banner__text' }, h('strong', { class: 'banner__title', text: message.title }), ' ', h('span', { text: message.text })),
    h(
      'div',
      { class: 'banner__actions' },
      onAction && message.actionLabel
        ? h('button', { type: 'button', class: 'btn btn--small btn--primary banner__action', onclick: onAction, text: message.actionLabel })
        : null,
      h('button', { type: 'button', class: 'btn btn--small btn--ghost banner__close', 'aria-label': 'Dismiss', onclick: hideBanner, text: '✕' }),
    ),
  );
  banner.hidden = false;
}

/** Hides the banner. */
export function hideBanner() {
  const banner = byId('banner');
  banner.hidden = true;
  delete banner.dataset.kind;
  banner.replaceChildren();
}
