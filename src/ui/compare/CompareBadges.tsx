/**
 * On the canvas, beside each node whose numbers differ between the runs, how B's p99 and
 * error rate differ from A's right now, as a trace diff shows it: "p99 +120 ms", "err -4 %".
 * Drawn in the canvas's own coordinates (a viewport portal), so they move and zoom with it.
 */
import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from '../../store';
import type { AppState } from '../../store/types';
import { useCompare } from './compareStore';

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

const selectNodes = (s: AppState) => s.scenario.nodes;

/**
 * Redrawn when A's picture arrives, reading B's as it is then: the worker posts both in the
 * same breath, so the badges change ten times a second, not twenty.
 */
export const CompareBadges = memo(function CompareBadges() {
  const nodes = useStore(selectNodes);
  const a = useCompare((s) => s.aSnapshot);
  if (!a) return null;
  const run = useStore.getState().run;
  return (
    <ViewportPortal>
      {nodes.map((n) => {
        if (!n.position) return null;
        const d = nodeDelta(a.nodes[n.id] ?? a.clients[n.id], run.nodes[n.id] ?? run.clients[n.id]);
        if (!d) return null;
        // Worse (slower, more errors) or better, in words and arrows as well as colour.
        const worse = (d.dP99Ms ?? 0) > 0 || (d.dErr ?? 0) > 0;
        return (
          <div key={n.id} className={`mc-compare-badge ${worse ? 'is-worse' : 'is-better'}`} data-testid={`compare-badge-${n.id}`}
            style={{ transform: `translate(${n.position.x}px, ${n.position.y - 24}px)` }}
            title={`B against A on ${n.id}: change of p99 latency and error rate now`}>
            <span aria-hidden="true">B−A </span>
            {d.dP99Ms !== null && <span>p99 {ms(d.dP99Ms)}</span>}
            {d.dErr !== null && <span>err {pts(d.dErr)}</span>}
          </div>
        );
      })}
    </ViewportPortal>
  );
});
