// Starts wpcom-emulator (faults off: none are queued) allowing the bench page's origin, mints
// alice's global token through the control API and finds a post with likes on the seed site.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export const SITE = 'example.wordpress.com';

/** Spawns `bin`; resolves to `{ base, stop() }` once its first stdout line (the URL) arrives. */
export function startEmulator(bin, allowOrigin) {
  const child = spawn(bin, ['--port', '0', '--allow-origin', allowOrigin], {
    stdio: ['ignore', 'pipe', 'ignore'], // stderr is the request log: thousands of lines here
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(new Error('emulator printed no URL within 30 s')); }, 30000);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`emulator exited (${code}) before printing its URL`)); });
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      child.stdout.resume(); // keep draining so the emulator never blocks on a full pipe
      resolve({ base: line.trim().replace(/\/$/, ''), stop, pid: child.pid });
    });
  });
}

/** A fresh global token for alice and app 1234. */
export async function mintToken(base) {
  const res = await fetch(`${base}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: 'alice', client_id: '1234', scope: 'global', blog: null, expires_in: null }),
  });
  if (!res.ok) throw new Error(`minting a token: HTTP ${res.status}`);
  const { access_token: token } = await res.json();
  if (!token) throw new Error('minting a token: no access_token in the answer');
  return token;
}

/** The ID of the post of `SITE` with the most likes (the likes listing then returns a list). */
export async function likedPost(base, token) {
  const res = await fetch(`${base}/rest/v1.1/sites/${SITE}/posts/?number=100`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`listing posts of ${SITE}: HTTP ${res.status}`);
  const { posts = [] } = await res.json();
  const best = posts.reduce((a, p) => (Number(p.like_count) > Number(a?.like_count ?? -1) ? p : a), null);
  if (!best || !(Number(best.like_count) > 0)) throw new Error(`no post of ${SITE} has likes`);
  return { postId: best.ID, likeCount: Number(best.like_count) };
}

/** Creates published posts on `SITE` through posts/new until it has at least `count` (the
 *  seed has 48): the "iterate 500 posts" workload reads 500 of them. */
export async function ensurePosts(base, token, count) {
  const auth = { Authorization: `Bearer ${token}` };
  const res = await fetch(`${base}/rest/v1.1/sites/${SITE}/posts/?number=1`, { headers: auth });
  if (!res.ok) throw new Error(`counting posts of ${SITE}: HTTP ${res.status}`);
  const { found } = await res.json();
  for (let i = Number(found); i < count; i++) {
    const made = await fetch(`${base}/rest/v1.1/sites/${SITE}/posts/new`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `Bench seed ${i}`, content: `<p>Post ${i} of the iteration workload</p>` }),
    });
    if (!made.ok) throw new Error(`creating post ${i} on ${SITE}: HTTP ${made.status}`);
  }
}
