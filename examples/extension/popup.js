// The popup only draws: the service worker owns the client and the token.
const $ = (id) => document.getElementById(id);

async function ask(type) {
  const answer = await chrome.runtime.sendMessage({ type });
  if (!answer?.ok) throw Object.assign(new Error(answer?.error?.message ?? 'no answer'), { code: answer?.error?.code });
  return answer.value;
}

function render(me) {
  document.body.dataset.state = me ? 'signed-in' : 'signed-out';
  $('status').textContent = me ? 'Signed in.' : 'Not signed in.';
  $('status').className = '';
  $('profile').hidden = !me;
  $('sign-in').hidden = !!me;
  $('sign-out').hidden = !me;
  if (!me) return;
  for (const el of document.querySelectorAll('[data-field]')) el.textContent = me[el.dataset.field] ?? '';
  $('avatar').src = me.avatar_URL;
}

function fail(e) {
  document.body.dataset.state = 'error';
  $('status').textContent = e.code ? `${e.code}: ${e.message}` : String(e.message ?? e);
  $('status').className = 'error';
  $('sign-in').hidden = false; // an expired or revoked token: signing in again fixes it
}

const run = (type) => ask(type).then(render, fail);
$('sign-in').onclick = () => run('signIn');
$('sign-out').onclick = () => run('signOut');
run('profile');
