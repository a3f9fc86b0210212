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
 * Shows the form for a site and wires its submit: the chosen image (if any) goes first through
 * `upload(file, { attrs, onProgress, signal })` (uploadMedia's result), then `create(input)`
 * creates the post with that image as `featured_image`. `onCreated(post)` runs after success;
 * `onError(err)` after a failure that is not the user's own cancel nor a refused image.
 */
export function showNewPostForm({ create, upload, onCreated, onError }) {
  byId('new-post').hidden = false;
  const form = byId('new-post-form');
  const status = byId('np-status');
  const fileInput = byId('np-image');
  // The button says what it will do with the chosen status.
  const label = () => {
    byId('np-submit').textContent = ACTION[status.value] || 'Create';
  };
  status.onchange = label;
  label();
  // An image uploaded for a post that then failed is reused by the next try, not sent again.
  let uploaded = null;
  fileInput.onchange = () => {
    uploaded = null;
    showPreview(fileInput.files && fileInput.files[0]);
  };
  showPreview(null);
  hideProgress();
  // Replace the handler from a previously picked site.
  form.onsubmit = async (event) => {
    event.preventDefault();
    const input = readForm(form);
    const file = fileInput.files && fileInput.files[0];
    const result = byId('np-result');
    if (input.title === '' && input.content.trim() === '') {
      fill(result, h('span', { class: 'error-text', text: 'Write a title or some content first.' }));
      byId('np-title').focus();
      return;
    }
    const submit = byId('np-submit');
    submit.disabled = true;
    try {
      if (file) {
        if (!uploaded || uploaded.file !== file) {
          const media = await uploadImage(upload, file, String(new FormData(form).get('alt') || '').trim(), onError);
          if (!media) return;
          uploaded = { file, media };
        }
        input.featured_image = uploaded.media.ID;
      }
      fill(result, file ? 'Image uploaded. Creating the post…' : 'Sending…');
      let post;
      try {
        post = await create(input);
      } catch (err) {
        const kept = file ? ' The image is uploaded and will be used when you try again.' : '';
        fill(result, h('span', { class: 'error-text', text: `Not created — your text is still in the form.${kept}` }));
        onError(err);
        return;
      }
      form.reset();
      uploaded = null;
      showPreview(null);
      hideProgress();
      label();
      fill(result, ...createdMessage(input, post));
      onCreated(post);
    } finally {
      submit.disabled = false;
    }
  };
}

/**
 * Uploads `file` with a progress bar and a Cancel button; resolves with the media item, or null
 * when the upload was cancelled, refused or failed (each said in the form; a failure also goes
 * to `onError`).
 */
async function uploadImage(upload, file, alt, onError) {
  const result = byId('np-result');
  const bar = byId('np-progress');
  const percent = byId('np-progress-text');
  const cancel = byId('np-cancel');
  const controller = new AbortController();
  byId('np-upload').hidden = false;
  bar.value = 0;
  percent.textContent = '0%';
  cancel.hidden = false;
  cancel.onclick = () => controller.abort();
  fill(result, `Uploading “${file.name}”…`);
  const attrs = alt ? { alt } : {};
  try {
    const { media } = await upload(file, {
      attrs: [attrs],
      signal: controller.signal,
      onProgress: ({ loaded, total }) => {
        const share = total > 0 ? loaded / total : 0;
        bar.value = share;
        percent.textContent = `${Math.round(share * 100)}%`;
      },
    });
    bar.value = 1;
    percent.textContent = '100%';
    if (!media || !media[0]) throw Object.assign(new Error('WordPress.com sent no media item back.'), { code: 'bad_response' });
    return media[0];
  } catch (err) {
    const code = err && err.code;
    if (code === 'aborted') {
      fill(result, h('span', { class: 'error-text', text: 'Upload cancelled — nothing was posted. Your text is still in the form.' }));
    } else if (code === 'invalid_input' || code === 'rest_upload_file_too_big' || (err && err.status === 400)) {
      // The image itself was refused (not an image, too big): say so here, with WordPress.com's words.
      fill(result, h('span', { class: 'error-text', text: `The image was refused: ${err.message || code}. Choose another image, or clear it to post without one.` }));
    } else {
      fill(result, h('span', { class: 'error-text', text: 'The image could not be uploaded — nothing was posted. Your text is still in the form.' }));
      onError(err);
    }
    hideProgress();
    return null;
  } finally {
    cancel.hidden = true;
    cancel.onclick = null;
  }
}

function hideProgress() {
  byId('np-upload').hidden = true;
  byId('np-progress').value = 0;
  byId('np-progress-text').textContent = '';
}

/** A preview of the chosen image (a local blob: URL, nothing is sent yet). */
function showPreview(file) {
  const preview = byId('np-preview');
  if (preview.src) URL.revokeObjectURL(preview.src);
  preview.removeAttribute('src');
  preview.hidden = true;
  if (file && /^image\//.test(file.type)) {
    preview.src = URL.createObjectURL(file);
    preview.hidden = false;
  }
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
