import { useStore } from '../../../store';
import type { AppState } from '../../../store/types';

const dollars = (v: number) => `$${v < 1 ? v.toFixed(3) : v.toFixed(2)}`;

function costs(s: AppState): [string, number][] {
  const out: [string, number][] = [];
  for (const [id, n] of Object.entries(s.run.nodes)) {
    const c = n.extra?.costPerHour;
    if (typeof c === 'number') out.push([id, c]);
  }
  return out;
}

/** Primitive selectors: the line re-renders only when a price changes (a scale-out, a resize). */
const selectTotal = (s: AppState): number => costs(s).reduce((a, [, c]) => a + c, 0);
const selectParts = (s: AppState): string => costs(s).map(([id, c]) => `${id} ${dollars(c)}`).join(', ');

/** What the services cost per hour right now, in all and per service. */
export function CostLine() {
  const total = useStore(selectTotal);
  const parts = useStore(selectParts);
  if (!parts) return null;
  return (
    <p className="mc-cost" data-testid="cost-now" title={`Cost now ${dollars(total)}/h: ${parts}`}>
      <span className="mc-cost__label">Cost now</span> <strong>{dollars(total)}/h</strong> <span className="mc-muted">({parts})</span>
    </p>
  );
}
