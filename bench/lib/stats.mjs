// Order statistics for latency samples (nearest-rank: every figure is a measured sample).

/** The q-quantile (0..1) of `xs` by nearest rank. */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil(q * s.length)));
  return s[rank - 1];
}

/** Median, p95, mean, min, max and count of `xs`, rounded to µs. */
export function summary(xs) {
  const r = (x) => Math.round(x * 1000) / 1000;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    n: xs.length, median: r(quantile(xs, 0.5)), p95: r(quantile(xs, 0.95)),
    mean: r(mean), min: r(Math.min(...xs)), max: r(Math.max(...xs)),
  };
}

/** a / b to 3 decimals, or null when either is missing. */
export function ratio(a, b) {
  return a == null || b == null || !(b > 0) ? null : Math.round((a / b) * 1000) / 1000;
}
