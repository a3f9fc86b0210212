// A post's comments, behind a per-post "Comments" toggle: the thread as WordPress.com returns it
// (`client.comments()`, replies under the comment they answer), a Reply box on each comment
// (`client.replyToComment()`) and an "Add a comment" box (`client.addComment()`).
//
// Comment content is HTML from WordPress.com: it is shown as text (dom.js richText), never as
// markup. `handlers` (account.js) make the calls and report failures themselves:
//   load(post, retry)                  → Comment[] | null
//   add(post, text, retry)             → { comment } | { refused: message } | null
//   reply(post, comment, text, retry)  → { comment } | { refused: message } | null
// (`retry` repeats the user's action; the banner's Retry button runs it.)
// `refused` is a 403 (comments closed, or not allowed here): said in place, not in the banner.

import { avatar, fill, formatDate, h, plainText, richText } from './dom.js';

/** The "Comments" button of a post row; its first click loads the thread under the row. */
export function commentsToggle(post, title, handlers) {
  const count = commentCount(post);
  const button = h('button', {
    type: 'button',
    class: 'btn btn--small btn--ghost comments-btn',
    'aria-expanded': 'false',
    'data-title': title,
  });
  setToggleText(button, count);
  button.addEventListener('click', () => {
    const row = button.closest('.post');
    if (!row) return;
    let section = row.querySelector('.comments');
    const open = button.getAttribute('aria-expanded') === 'true';
    if (open) {
      section.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    if (section) {
      section.hidden = false;
      return;
    }
    section = commentsSection(post, title, button, handlers);
    button.setAttribute('aria-controls', section.id);
    row.append(section);
  });
  return button;
}

function commentCount(post) {
  const n = post.discussion && Number(post.discussion.comment_count);
  return Number.isFinite(n) ? n : null;
}

function setToggleText(button, count) {
  button.dataset.count = count === null ? '' : String(count);
  // Every post has one: the hidden part tells screen readers which post's comments these are.
  fill(button, count === null ? 'Comments' : `Comments (${count})`, h('span', { class: 'visually-hidden', text: ` on “${button.dataset.title}”` }));
}

/** The section under a post: status, thread, and the box for a new comment. */
function commentsSection(post, title, toggle, handlers) {
  const result = h('p', { class: 'result comments__result', role: 'status' });
  const thread = h('ol', { class: 'comments__list' });
  const body = h('div', { class: 'comments__body' }, h('p', { class: 'muted small', text: 'Loading comments…' }));
  const closed = post.discussion && post.discussion.comments_open === false;
  const section = h(
    'section',
    { class: 'comments', id: `comments-${post.ID}`, 'aria-label': `Comments on “${title}”` },
    closed ? h('p', { class: 'notice notice--small comments__closed', text: 'Comments are closed on this post: WordPress.com accepts new ones only from its editors.' }) : null,
    body,
    result,
  );
  const ctx = { post, title, handlers, result, toggle, thread };
  const say = (...parts) => fill(result, ...parts);

  const load = async () => {
    fill(body, h('p', { class: 'muted small', text: 'Loading comments…' }));
    const comments = await handlers.load(post, load);
    if (comments === null) {
      fill(body, h('p', { class: 'muted small' }, "The comments couldn't be loaded. ", h('button', { type: 'button', class: 'btn btn--small btn--ghost', text: 'Try again', onclick: load })));
      return;
    }
    renderThread(thread, comments, ctx);
    fill(
      body,
      comments.length === 0 ? h('p', { class: 'muted small comments__none', text: 'No comments yet.' }) : null,
      thread,
      newCommentForm(ctx),
    );
    say(`${comments.length === 1 ? '1 comment' : `${comments.length} comments`} loaded.`);
  };
  ctx.say = say;
  load();
  return section;
}

/** Lists `comments` with each reply under the comment it answers (oldest first). */
function renderThread(list, comments, ctx) {
  const ids = new Set(comments.map((c) => c.ID));
  const children = new Map();
  for (const comment of comments) {
    // A reply whose parent is not in the list (trashed, not approved) shows at the top level.
    const parent = comment.parent && ids.has(comment.parent.ID) ? comment.parent.ID : 0;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(comment);
  }
  const build = (parentId, depth) =>
    (children.get(parentId) || []).map((comment) => {
      const item = commentItem(comment, ctx);
      const replies = build(comment.ID, depth + 1);
      if (replies.length > 0) item.append(h('ol', { class: 'comments__list comments__replies' }, replies));
      return item;
    });
  fill(list, build(0, 0));
}

/** One comment: author, date, text, moderation state and a Reply button. */
function commentItem(comment, ctx) {
  const name = plainText(comment.author && comment.author.name) || (comment.author && comment.author.login) || 'Someone';
  const replyButton = h('button', { type: 'button', class: 'btn btn--small btn--ghost reply-btn', 'aria-expanded': 'false', 'aria-label': `Reply to ${name}`, text: 'Reply' });
  const article = h(
    'article',
    { class: 'comment', 'aria-label': `Comment by ${name}` },
    h(
      'header',
      { class: 'comment__head' },
      avatar(comment.author && comment.author.avatar_URL, name, 'avatar comment__avatar'),
      h('strong', { class: 'comment__author', text: name }),
      h('span', { class: 'muted small', text: formatDate(comment.date) }),
      comment.status && comment.status !== 'approved' ? h('span', { class: 'chip chip--warn comment__status', text: comment.status === 'unapproved' ? 'awaiting moderation' : comment.status }) : null,
    ),
    h('div', { class: 'comment__content', text: richText(comment.content) }),
    h('div', { class: 'comment__tools' }, replyButton),
  );
  const item = h('li', { class: 'comment-item', 'data-comment-id': comment.ID, 'data-parent-id': comment.parent ? comment.parent.ID : 0 }, article);
  replyButton.addEventListener('click', () => toggleReplyForm(item, article, comment, name, replyButton, ctx));
  return item;
}

function toggleReplyForm(item, article, comment, name, button, ctx) {
  const existing = article.querySelector('.reply-form');
  if (existing) {
    existing.remove();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
    return;
  }
  const close = () => {
    form.remove();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  const form = commentForm({
    label: `Reply to ${name}`,
    submitLabel: 'Send reply',
    onCancel: close,
    send: (text, retry) => ctx.handlers.reply(ctx.post, comment, text, retry),
    onSent: (reply) => {
      let replies = item.querySelector(':scope > .comments__replies');
      if (!replies) {
        replies = h('ol', { class: 'comments__list comments__replies' });
        item.append(replies);
      }
      const added = commentItem(reply, ctx);
      added.classList.add('comment-item--new');
      replies.append(added);
      close();
      sent(ctx, reply, `Your reply to ${name}`);
    },
    ctx,
  });
  button.setAttribute('aria-expanded', 'true');
  article.append(form);
  form.querySelector('textarea').focus();
}

function newCommentForm(ctx) {
  return commentForm({
    label: 'Add a comment',
    submitLabel: 'Post comment',
    send: (text, retry) => ctx.handlers.add(ctx.post, text, retry),
    onSent: (comment) => {
      const item = commentItem(comment, ctx);
      item.classList.add('comment-item--new');
      ctx.thread.append(item);
      const none = ctx.thread.parentElement && ctx.thread.parentElement.querySelector('.comments__none');
      if (none) none.remove();
      sent(ctx, comment, 'Your comment');
    },
    ctx,
  });
}

/** After a comment was accepted: say whether it shows or waits, and count it. */
function sent(ctx, comment, what) {
  if (comment.status === 'unapproved') {
    ctx.say(h('span', { class: 'warn-text', text: `${what} was received and awaits moderation: it shows to others once the site approves it.` }));
    return;
  }
  ctx.say(h('span', { class: 'ok-text', text: `${what} was posted.` }));
  const count = Number(ctx.toggle.dataset.count);
  if (ctx.toggle.dataset.count !== '' && Number.isFinite(count)) setToggleText(ctx.toggle, count + 1);
}

/**
 * A labelled textarea with a submit button. The text stays in the box until it is accepted, so a
 * failure loses nothing.
 */
function commentForm({ label, submitLabel, send, onSent, onCancel, ctx }) {
  const id = `c${Math.random().toString(36).slice(2, 10)}`;
  const textarea = h('textarea', { id, name: 'content', rows: '3', required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary btn--small', text: submitLabel });
  const form = h(
    'form',
    { class: onCancel ? 'form comment-form reply-form' : 'form comment-form' },
    h('label', { for: id }, label, textarea),
    h('div', { class: 'comment-form__actions' }, submit, onCancel ? h('button', { type: 'button', class: 'btn btn--small btn--ghost', text: 'Cancel', onclick: onCancel }) : null),
  );
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (text === '') {
      ctx.say(h('span', { class: 'error-text', text: 'Write something first.' }));
      textarea.focus();
      return;
    }
    submit.disabled = true;
    ctx.say('Sending…');
    const outcome = await send(text, () => form.requestSubmit());
    submit.disabled = false;
    if (!outcome) {
      ctx.say(h('span', { class: 'error-text', text: 'Not sent — your text is still in the box.' }));
      return;
    }
    if (outcome.refused) {
      ctx.say(h('span', { class: 'error-text comments__refused', text: `Not posted: ${outcome.refused}` }));
      textarea.focus();
      return;
    }
    textarea.value = '';
    onSent(outcome.comment);
  });
  return form;
}
