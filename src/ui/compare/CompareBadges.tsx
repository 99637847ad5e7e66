/**
 * On the canvas, beside each node whose numbers differ between the runs, how B's p99 and
 * error rate differ from A's right now, as a trace diff shows it: "p99 +120 ms", "err -4 %".
 * Worked out here, with the panel; drawn by the canvas's small badge layer, which loads with the page.
 */
import { useEffect } from 'react';
import { useStore } from '../../store';
import { useCompare } from '../../store/compareData';
import type { AppState } from '../../store/types';
import type { Snapshot } from '../../engine/metrics/snapshot';

/** Smaller changes than these are not worth a badge (a second's p99 moves by a little anyway). */
const MIN_MS = 1;
const MIN_SHARE = 0.05;
const MIN_ERR = 0.005;

export interface NodeDelta {
  dP99Ms: number | null;
  dErr: number | null;
}

/** B - A of one node's p99 and error rate, each null when too small to show. */
export function nodeDelta(a: { p99Ms: number; errorRate: number } | undefined, b: { p99Ms: number; errorRate: number } | undefined): NodeDelta | null {
  if (!a || !b) return null;
  const d = b.p99Ms - a.p99Ms;
  const dP99Ms = a.p99Ms > 0 && b.p99Ms > 0 && Math.abs(d) >= Math.max(MIN_MS, MIN_SHARE * a.p99Ms) ? d : null;
  const e = b.errorRate - a.errorRate;
  const dErr = Math.abs(e) >= MIN_ERR ? e : null;
  return dP99Ms === null && dErr === null ? null : { dP99Ms, dErr };
}

const ms = (d: number) => `${d > 0 ? '+' : '−'}${Math.abs(d) >= 1000 ? `${(Math.abs(d) / 1000).toFixed(1)} s` : `${Math.abs(d).toFixed(0)} ms`}`;
const pts = (d: number) => `${d > 0 ? '+' : '−'}${Math.abs(d * 100) >= 10 ? Math.abs(d * 100).toFixed(0) : Math.abs(d * 100).toFixed(1)} %`;

/**
 * Badges change at most once a wall second: A's pictures come ten times a second, and a badge
 * that changed as often could not be read (nor would redrawing the canvas that often be free).
 */
export const BADGE_EVERY_MS = 1000;

/** Keeps the canvas's badges (ui/canvas/CompareBadgeLayer.tsx) in step with the pictures of A. */
export function useBadgeFeed(): void {
  useEffect(() => {
    let shownAt = -Infinity;
    let shownSimMs = 0;
    let later: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      later = undefined;
      const a = useCompare.getState().aSnapshot;
      if (!a) return;
      shownAt = performance.now();
      shownSimMs = a.tMs;
      useCompare.setState({ badges: badgesOf(a, useStore.getState().run) });
    };
    const stop = useCompare.subscribe((s, prev) => {
      const a = s.aSnapshot;
      if (!a || a === prev.aSnapshot || later !== undefined) return;
      const wait = BADGE_EVERY_MS - (performance.now() - shownAt);
      // A picture from an earlier moment (a new run, a rewind) shows at once; the last of a
      // burst always shows, so a paused run ends with its true badges.
      if (wait <= 0 || a.tMs < shownSimMs) show();
      else later = setTimeout(show, wait);
    });
    return () => {
      stop();
      clearTimeout(later);
    };
  }, []);
}

function badgesOf(a: Snapshot, run: AppState['run']): Record<string, { text: string; worse: boolean }> {
  const badges: Record<string, { text: string; worse: boolean }> = {};
  for (const id of [...Object.keys(a.nodes), ...Object.keys(a.clients)]) {
    const d = nodeDelta(a.nodes[id] ?? a.clients[id], run.nodes[id] ?? run.clients[id]);
    if (!d) continue;
    const parts = [d.dP99Ms !== null && `p99 ${ms(d.dP99Ms)}`, d.dErr !== null && `err ${pts(d.dErr)}`].filter(Boolean);
    // Worse (slower, more errors) or better, in words and signs as well as colour.
    badges[id] = { text: `B−A ${parts.join(' ')}`, worse: (d.dP99Ms ?? 0) > 0 || (d.dErr ?? 0) > 0 };
  }
  return badges;
}
