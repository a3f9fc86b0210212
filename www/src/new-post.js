// The new-post form. What the user typed stays in the form until the post is created, so a
// failed call loses nothing.

import { byId, fill, h, plainText, safeUrl } from './dom.js';

const DONE = {
  publish: 'Published',
  draft: 'Saved as a draft',
  pending: 'Submitted for review',
  private: 'Published privately',
  future: 'Scheduled',
};

const ACTION = {
  publish: 'Publish',
  draft: 'Save draft',
  pending: 'Submit for review',
  private: 'Publish privately',
};

/** Splits "a, b ,c" into ["a", "b", "c"]. */
export function splitList(text) {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The form's fields as createPost's input. */
function readForm(form) {
  const data = new FormData(form);
  return {
    title: String(data.get('title') || '').trim(),
    content: String(data.get('content') || ''),
    tags: splitList(String(data.get('tags') || '')),
    categories: splitList(String(data.get('categories') || '')),
    status: String(data.get('status') || 'publish'),
  };
}

/**
 * Shows the form for a site and wires its submit to `create(input)` (returns the created
 * post). `onCreated(post)` runs after success; `onError(err)` after a failure.
 */
export function showNewPostForm({ create, onCreated, onError }) {
  byId('new-post').hidden = false;
  const form = byId('new-post-form');
  const status = byId('np-status');
  // The button says what it will do with the chosen status.
  const label = () => {
    byId('np-submit').textContent = ACTION[status.value] || 'Create';
  };
  status.onchange = label;
  label();
  // Replace the handler from a previously picked site.
  form.onsubmit = async (event) => {
    event.preventDefault();
    const input = readForm(form);
    const result = byId('np-result');
    if (input.title === '' && input.content.trim() === '') {
      fill(result, h('span', { class: 'error-text', text: 'Write a title or some content first.' }));
      byId('np-title').focus();
      return;
    }
    const submit = byId('np-submit');
    submit.disabled = true;
    fill(result, 'Sending…');
    try {
      const post = await create(input);
      form.reset();
      label();
      fill(result, ...createdMessage(input, post));
      onCreated(post);
    } catch (err) {
      fill(result, h('span', { class: 'error-text', text: 'Not created — your text is still in the form.' }));
      onError(err);
    } finally {
      submit.disabled = false;
    }
  };
}

/** Hides the form (no site picked, or a log-in-only token). */
export function hideNewPostForm() {
  byId('new-post').hidden = true;
  fill(byId('np-result'));
}

function createdMessage(input, post) {
  const title = plainText(post.title) || input.title || '(no title)';
  const url = safeUrl(post.URL);
  const parts = [
    h('span', { class: 'ok-text', text: `${DONE[post.status] || 'Created'}: ` }),
    url ? h('a', { id: 'np-link', href: url, target: '_blank', rel: 'noopener noreferrer', text: `“${title}” ↗` }) : `“${title}”`,
  ];
  // WordPress.com silently turns "publish" into "pending" for users who may not publish.
  if (input.status === 'publish' && post.status === 'pending') {
    parts.push(h('span', { class: 'muted', text: ' (your account may not publish on this site, so it waits for review)' }));
  }
  return parts;
}
