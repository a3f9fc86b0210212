// `npm run load`: the emulator under load — 50 concurrent clients × 1,000 requests each over
// loopback (GET /rest/v1.1/me with a bearer token), keep-alive connections. Prints throughput,
// latency percentiles and the error count; exits 1 on any error. A benchmark, not a timed test.
//   node scripts/load.mjs [--clients 50] [--requests 1000]
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../tests/support/emulator.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const clients = arg('clients', 50);
const perClient = arg('requests', 1000);

execFileSync('cargo', ['build', '-q', '-p', 'wpcom-emulator', '--release'], { stdio: 'inherit' });
const emu = await startEmulator({ bin: new URL('../target/release/wpcom-emulator', import.meta.url).pathname });
try {
  const token = await emu.mintToken({ user: 'alice' });
  const { hostname, port } = new URL(emu.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies = new Float64Array(clients * perClient);
  let n = 0;
  let errors = 0;
  const get = () => new Promise((resolve) => {
    const req = http.get({ hostname, port, path: '/rest/v1.1/me', agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let ok = res.statusCode === 200;
        if (ok) {
          try { ok = JSON.parse(Buffer.concat(chunks).toString()).username === 'alice'; } catch { ok = false; }
        }
        resolve(ok);
      });
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
  });
  const client = async () => {
    for (let i = 0; i < perClient; i++) {
      const t0 = performance.now();
      const ok = await get();
      latencies[n++] = performance.now() - t0;
      if (!ok) errors++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const wall = performance.now() - start;
  agent.destroy();
  const sorted = Array.from(latencies.subarray(0, n)).sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2);
  console.log(`emulator load: ${clients} clients × ${perClient} requests = ${n} GET /rest/v1.1/me over loopback`);
  console.log(`  wall ${(wall / 1000).toFixed(2)} s, ${(n / (wall / 1000)).toFixed(0)} req/s, errors ${errors}`);
  console.log(`  latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}  max ${sorted[sorted.length - 1].toFixed(2)}`);
  if (errors > 0) process.exitCode = 1;
} finally {
  await emu.stop();
}
