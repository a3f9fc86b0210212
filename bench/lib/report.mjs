// Turns the results object into the one table (terminal and markdown) and the target verdicts.

const fmt = (x, unit) => {
  if (x == null || Number.isNaN(x)) return '—';
  if (unit === 'B') return `${Math.round(x).toLocaleString('en-US')} B`;
  if (unit === 'x') return `${x.toFixed(2)}×`;
  if (unit === 'µs') return `${x < 10 ? x.toFixed(2) : x.toFixed(1)} µs`;
  return `${x < 10 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(1)} ms`;
};

/** The rows of the table: [metric, ours, raw fetch, official, ours/raw, ours/official]. */
export function tableRows(R) {
  const rows = [];
  rows.push(['size, gzip -9 (ours: .wasm + JS glue; official: webpack bundle)', fmt(R.size.ours.gzip, 'B'), '—',
    fmt(R.size.official.gzip, 'B'), '—', fmt(R.size.ratio, 'x')]);
  rows.push([`ready time, median of ${R.ready.loads} fresh loads`, fmt(R.ready.ours.median), '—',
    fmt(R.ready.official.median), '—', fmt(R.ready.ratio, 'x')]);
  for (const c of Object.values(R.calls)) {
    for (const stat of ['median', 'p95']) {
      rows.push([`${c.label} ×${c.n}, ${stat}`, fmt(c.ours[stat]), fmt(c.raw[stat]), fmt(c.official[stat]),
        fmt(c.ratios[stat].oursRaw, 'x'), fmt(c.ratios[stat].oursOfficial, 'x')]);
    }
  }
  for (const c of Object.values(R.calls).filter((c) => c.perItem)) {
    rows.push([`${c.label}: per item over raw fetch (medians)`, fmt(c.perItemOverUs, 'µs'), '', '', '', '']);
  }
  const P = R.parse;
  rows.push([`fragment parse ×${P.n}, per op (raw = URLSearchParams by hand)`, fmt(P.ours?.perOpUs, 'µs'),
    fmt(P.byHand.perOpUs, 'µs'), fmt(P.official.perOpUs, 'µs'), fmt(P.ratioOursByHand, 'x'), fmt(P.ratioOursOfficial, 'x')]);
  rows.push([`fragment parse ×${P.n}, total`, fmt(P.ours?.totalMs), fmt(P.byHand.totalMs), fmt(P.official.totalMs), '', '']);
  return rows;
}

const HEAD = ['metric', 'ours (wpcom-wasm)', 'raw fetch', 'official (wpcom)', 'ours/raw', 'ours/official'];

/** A fixed-width text table for the terminal. */
export function textTable(rows) {
  const all = [HEAD, ...rows];
  const w = HEAD.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(HEAD), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in GitHub markdown. */
export function markdownTable(rows) {
  const line = (r) => `| ${r.join(' | ')} |`;
  return [line(HEAD), `|${HEAD.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(line)].join('\n');
}

/** One line beside the table: the raw XMLHttpRequest medians, the floor the official client
 *  (XHR underneath) stands on, against raw fetch's. */
export function xhrNote(R) {
  const parts = Object.values(R.calls).filter((c) => c.rawXhr)
    .map((c) => `${c.label} ${fmt(c.rawXhr.median)} (fetch ${fmt(c.raw.median)})`);
  return parts.length ? `Reference, raw XMLHttpRequest + JSON.parse medians: ${parts.join('; ')}.` : '';
}

/** The issue's targets, each with the measured value and whether it is met. */
export function targets(R) {
  const t = [];
  t.push({ target: 'size ≤ 25,000 B gzip', value: R.size.ours.gzip, met: R.size.ours.gzip <= 25000 });
  t.push({ target: 'size ≤ 0.5 × official', value: R.size.ratio, met: R.size.ratio <= 0.5 });
  t.push({ target: 'ready time ≤ official', value: R.ready.ratio, met: R.ready.ratio <= 1 });
  for (const c of Object.values(R.calls)) {
    t.push({ target: `${c.label}: median ≤ 1.10 × raw fetch`, value: c.ratios.median.oursRaw, met: c.ratios.median.oursRaw <= 1.1 });
    t.push({ target: `${c.label}: median ≤ official`, value: c.ratios.median.oursOfficial, met: c.ratios.median.oursOfficial <= 1 });
  }
  return t;
}

/** The markdown file: the table, the targets, the machine and how it was measured. */
export function markdown(R, rows) {
  const m = R.machine;
  return `# wpcom-wasm benchmark results

Run ${R.date} with \`npm run bench\` (${R.durationS} s in all).
Machine: ${m.cpu}, ${m.cores} cores, ${m.os}; Node ${m.node}; Chromium ${m.chromium} (headless);
load average at start ${m.loadavg.join(' / ')}. Emulator build: ${R.emulator.profile}.

${markdownTable(rows)}

${xhrNote(R)}

Targets:

${R.targets.map((t) => `- ${t.met ? '✅' : '❌'} ${t.target} — measured ${t.value}`).join('\n')}

How: ${R.method.join(' ')}
`;
}
