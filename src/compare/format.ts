/** Figures of a comparison in words: values with units, signed differences, intervals. */
import type { Unit } from './measures';
import type { Estimate } from './stats';

/** A value with its unit: "812 ms", "4.2 %", "1,250 rps", "$0.42", "12 s". */
export function fmtValue(v: number, unit: Unit): string {
  const abs = Math.abs(v);
  switch (unit) {
    case 'ms': return `${abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : v.toFixed(2)} ms`;
    case 'ratio': return `${(v * 100).toFixed(abs * 100 >= 10 ? 1 : 2)} %`;
    case 'rps': return `${abs >= 100 ? v.toFixed(0) : v.toFixed(1)} rps`;
    case 'usd': return `$${abs >= 100 ? v.toFixed(0) : abs >= 1 ? v.toFixed(2) : v.toFixed(4)}`;
    case 's': return `${v.toFixed(1)} s`;
    case 'count': return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1);
  }
}

/** A signed difference: "+120 ms", "-4.0 %" (percentage points for rates), "0 ms". */
export function fmtSigned(d: number, unit: Unit): string {
  if (Math.abs(d) < 1e-12) return fmtValue(0, unit);
  return `${d > 0 ? '+' : '-'}${fmtValue(Math.abs(d), unit)}`;
}

/** "812 ms", or "812 ms (790 ms to 834 ms)" with an interval; "-" when nothing was measured. */
export function fmtEstimate(e: Estimate | null, unit: Unit, signed = false): string {
  if (!e) return '-';
  const f = (v: number) => (signed ? fmtSigned(v, unit) : fmtValue(v, unit));
  const mean = f(e.mean);
  if (e.lo === null || e.hi === null) return mean;
  const [lo, hi] = [f(e.lo), f(e.hi)];
  // Seeds that all agree have no spread worth printing.
  return lo === mean && hi === mean ? mean : `${mean} [${lo}, ${hi}]`;
}
