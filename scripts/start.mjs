// `npm start`: the whole product on this machine — installs what is missing, builds the
// package, the emulator and the demo, then serves the emulator on http://127.0.0.1:9090 and the
// demo on http://127.0.0.1:8080, beside a real self-hosted WordPress (scripts/wordpress.sh, on
// http://127.0.0.1:9091 when its Debian packages are there) until Ctrl-C.
//
//   npm start                      everything
//   npm start -- --no-setup        skip scripts/setup.sh (the toolchain is already there)
//   npm start -- --no-wordpress    without the local WordPress
//   WPCOM_CLIENT_ID=12345 npm start   the demo against the real WordPress.com (no emulator)
//
// Env: DEMO_PORT (8080), EMULATOR_PORT (9090), WORDPRESS_PORT (9091, or any free port when
// taken), WPCOM_CLIENT_ID, WPCOM_API_BASE, WPCOM_OAUTH_BASE.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startEmulator } from '../tests/support/emulator.mjs';
import { DEMO_DIST, EMULATOR_BIN, ROOT } from '../tests/support/paths.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { startWordPress, WordPressUnavailable, wordpressConfig } from '../tests/support/wordpress.mjs';

const args = new Set(process.argv.slice(2));
const demoPort = Number(process.env.DEMO_PORT || 8080);
const emulatorPort = Number(process.env.EMULATOR_PORT || 9090);
const wordpressPort = Number(process.env.WORDPRESS_PORT || 9091);
const clientId = process.env.WPCOM_CLIENT_ID || '';
const useEmulator = clientId === '' || clientId === '1234';

const log = (message) => console.log(`[start] ${message}`);

function run(cmd, cmdArgs, { env } = {}) {
  log(`${cmd} ${cmdArgs.join(' ')}`);
  const result = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (exit ${result.status})`);
}

/** Newest modification time under `target` (skipping build outputs). */
function newest(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(target)
    .filter((entry) => !['dist', 'node_modules', 'target'].includes(entry))
    .reduce((max, entry) => Math.max(max, newest(path.join(target, entry))), info.mtimeMs);
}

/** Whether pkg/ is missing or older than the Rust sources and the build script. */
function packageIsStale() {
  const manifest = path.join(ROOT, 'pkg', 'package.json');
  if (!existsSync(manifest)) return true;
  const inputs = ['src', 'Cargo.toml', 'Cargo.lock', 'scripts/build.mjs'].map((p) => newest(path.join(ROOT, p)));
  return statSync(manifest).mtimeMs < Math.max(...inputs);
}

/** The local WordPress once started, so that a failure after it stops it too. */
let wordpressSite = null;

/** Whether `port` on 127.0.0.1 is free. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The local WordPress (scripts/wordpress.sh) when its packages are there (setup installs them
 * as root), or null with the reason printed: the demo works without it.
 */
async function startLocalWordPress() {
  if (args.has('--no-wordpress')) return null;
  try {
    // Installing is setup's job: here only use what is there.
    process.env.WORDPRESS_NO_INSTALL = '1';
    const port = (await portIsFree(wordpressPort)) ? wordpressPort : undefined;
    const wp = await startWordPress({ port });
    log(wp.started ? `WordPress ${wp.version} started` : 'WordPress was already running: reusing it (it stays up after Ctrl-C)');
    return wp;
  } catch (err) {
    if (err instanceof WordPressUnavailable) log('no local WordPress: its packages are missing (npm run setup as root installs them)');
    else log(`no local WordPress: ${err.message}`);
    return null;
  }
}

/**
 * The demo's runtime config, served as /config.js in place of the file in www/dist; with the
 * local WordPress's address and log-ins when it runs ("Connect a WordPress site" starts there).
 */
function demoConfig(emulatorUrl, wordpress) {
  const config = useEmulator
    ? { clientId: '1234', apiBase: emulatorUrl, oauthBase: emulatorUrl }
    : {
        clientId,
        apiBase: process.env.WPCOM_API_BASE || 'https://public-api.wordpress.com',
        oauthBase: process.env.WPCOM_OAUTH_BASE || process.env.WPCOM_API_BASE || 'https://public-api.wordpress.com',
      };
  if (wordpress) Object.assign(config, wordpressConfig(wordpress));
  return { type: 'text/javascript; charset=utf-8', body: `window.WPCOM_DEMO_CONFIG = ${JSON.stringify(config)};\n` };
}

async function main() {
  if (!args.has('--no-setup')) {
    if (existsSync(path.join(ROOT, 'scripts', 'setup.sh'))) run('bash', ['scripts/setup.sh']);
    else log('scripts/setup.sh not found: skipping the install step');
  }
  if (packageIsStale()) run('npm', ['run', 'build']);
  else log('pkg/ is up to date');
  if (useEmulator) run('cargo', ['build', '-p', 'wpcom-emulator']);
  // The demo's defaults come from config.js at run time, so the build itself needs no env.
  run(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--stats', 'errors-warnings'], {
    env: { WPCOM_CLIENT_ID: '', WPCOM_API_BASE: '', WPCOM_OAUTH_BASE: '' },
  });

  const demoOrigin = `http://127.0.0.1:${demoPort}`;
  let emulator = null;
  if (useEmulator) {
    if (demoPort !== 8080) {
      log(`warning: the emulator's app (client id 1234) only accepts redirects to http://127.0.0.1:8080/; sign-in will fail on port ${demoPort}`);
    }
    emulator = await startEmulator({ port: emulatorPort, bin: EMULATOR_BIN, quiet: false, args: ['--allow-origin', demoOrigin] });
  }
  const wordpress = await startLocalWordPress();
  wordpressSite = wordpress;
  const demo = await startStaticServer({
    root: DEMO_DIST,
    port: demoPort,
    routes: { '/config.js': demoConfig(emulator ? emulator.url : '', wordpress) },
  });

  console.log('');
  console.log(`  Demo:      ${demo.url}/`);
  if (emulator) {
    console.log(`  Emulator:  ${emulator.url}  (a local WordPress.com)`);
    console.log('');
    console.log('  Demo log-ins:');
    console.log('    alice / alice-password   verified email, several sites, posts with likes');
    console.log('    bob   / bob-password     email not verified');
    console.log('    carol / carol-password   no sites');
  } else {
    console.log(`  API:       WordPress.com, app ${clientId}`);
    console.log(`  Register ${demo.url}/ and ${demo.url}/callback.html as redirect URLs of the app.`);
  }
  if (wordpress) {
    console.log('');
    console.log(`  WordPress: ${wordpress.url}/  (a real self-hosted WordPress ${wordpress.version}; REST API ${wordpress.restRoot})`);
    console.log(`  Connect it from the demo's "Connect a WordPress site" (an application password); log in at ${wordpress.url}/wp-login.php as`);
    for (const user of wordpress.users) console.log(`    ${user.login.padEnd(10)} / ${user.password.padEnd(20)} ${user.role}`);
  }
  console.log('');
  console.log(wordpress ? '  Ctrl-C stops them all.' : '  Ctrl-C stops both.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await demo.close();
    if (emulator) await emulator.stop();
    if (wordpress) await wordpress.stop().catch((err) => log(err.message));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (emulator) {
    emulator.exited.then(({ code, signal }) => {
      if (stopping) return;
      log(`the emulator exited (${code ?? signal})`);
      Promise.all([demo.close(), wordpress?.stop().catch(() => {})]).then(() => process.exit(1));
    });
  }
}

main().catch(async (err) => {
  console.error(`[start] ${err.message}`);
  if (wordpressSite) await wordpressSite.stop().catch(() => {});
  process.exit(1);
});
