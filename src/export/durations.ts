/**
 * Durations as deployment files write them. Compose and Istio read Go durations ("1m30s",
 * "500ms"); the Gateway API allows only whole numbers of h, m, s and ms (GEP-2257, no
 * decimals), so that is the one form written everywhere: it is valid in all three.
 */
export function duration(ms: number): string {
  let rest = Math.max(1, Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}

/** Whole seconds, at least `min` (Kubernetes probe and HPA fields count in seconds). */
export const seconds = (ms: number, min = 1): number => Math.max(min, Math.round(ms / 1000));

/** "2 s", "500 ms", "1.5 min": how a comment says a duration. */
export function spoken(ms: number): string {
  if (ms >= 60_000 && ms % 1000 === 0) return `${+(ms / 60_000).toFixed(2)} min`;
  if (ms >= 1000) return `${+(ms / 1000).toFixed(3)} s`;
  return `${+ms.toFixed(3)} ms`;
}
