// Tiny DOM helpers. Everything that comes from the API is put in the page as text or as a
// checked http(s) URL, never as HTML.

/**
 * Creates an element: `h('a', { href, class: 'x', onclick }, 'text', child)`.
 * `on*` props become listeners, `class`/`text`/`hidden`/`disabled`/`value` are set as such,
 * other props become attributes (skipped when null/undefined/false).
 */
export function h(tag, props = {}, ...children) {
  // `h('p', child)`: no props given.
  if (props instanceof Node || typeof props === 'string' || Array.isArray(props)) {
    children.unshift(props);
    props = {};
  }
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'hidden' || key === 'disabled' || key === 'value') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The element with this id (throws early on a typo rather than failing later). */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

/** `url` when it is an absolute http(s) URL, else undefined (no `javascript:` links). */
export function safeUrl(url) {
  if (typeof url !== 'string' || url === '') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * WordPress.com sends titles and names HTML-escaped (`&#8217;`): decode them to plain text.
 * DOMParser builds an inert document, so nothing in `html` runs or loads.
 */
export function plainText(html) {
  if (typeof html !== 'string' || html === '') return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent || '').trim();
}

/**
 * HTML from WordPress.com (a comment's or post's `content`) as plain text that keeps its line and
 * paragraph breaks (show it with `white-space: pre-line`). Parsed into an inert document like
 * `plainText`: no markup of it reaches the page, nothing in it runs or loads.
 */
export function richText(html) {
  if (typeof html !== 'string' || html === '') return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const hidden of doc.body.querySelectorAll('script, style, template, noscript')) hidden.remove();
  for (const br of doc.body.querySelectorAll('br')) br.replaceWith('\n');
  for (const block of doc.body.querySelectorAll('p, div, li, blockquote, pre, h1, h2, h3, h4, h5, h6')) block.append('\n\n');
  return (doc.body.textContent || '').replace(/\n{3,}/g, '\n\n').trim();
}

/** An `<img>` for an avatar or icon, or a lettered placeholder when there is no usable URL. */
export function avatar(url, label, className = 'avatar') {
  const src = safeUrl(url);
  const blank = () => {
    const letter = (label || '?').trim().charAt(0).toUpperCase() || '?';
    const classes = className.split(' ').map((name) => `${name}--blank`).join(' ');
    return h('span', { class: `${className} ${classes}`, 'aria-hidden': 'true', text: letter });
  };
  if (!src) return blank();
  // An image that fails (offline, blocked Gravatar) becomes the lettered placeholder.
  const img = h('img', { class: className, src, alt: '', referrerpolicy: 'no-referrer' });
  img.addEventListener('error', () => img.replaceWith(blank()), { once: true });
  return img;
}

/** `host/path` of a URL for display, without the scheme. */
export function displayUrl(url) {
  const safe = safeUrl(url);
  if (!safe) return '';
  const parsed = new URL(safe);
  return (parsed.host + parsed.pathname).replace(/\/$/, '');
}

/** A date as "Nov 30, 2026", or '' for an unreadable one. */
export function formatDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
