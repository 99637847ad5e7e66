import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useStore } from '../../../store';
import { edgeStats } from '../../../store/selectors';
import { BREAKER_WORD, errorHealth, fmtPct, fmtRate, fmtWindowMs, HEALTH_WORD } from '../../common/format';
import { BreakerIcon } from '../../common/icons';
import { parseCurve, spotCentre } from './labelPlacement';
import { useLabelSpot } from './labelSpots';

/**
 * Flow speed buckets by calls per second: the dashes' speed (a class, app.css; moved by
 * useFlowClock) changes only when the bucket does, not with every snapshot.
 */
function flowBucket(rps: number): number {
  if (rps <= 0) return 0;
  if (rps < 5) return 1;
  if (rps < 50) return 2;
  if (rps < 500) return 3;
  return 4;
}

/**
 * An edge coloured by its error rate (Kiali: green < 1 %, amber < 5 %, red above) and drawn
 * with a dash pattern per level as well, labelled with its calls per second and p99 (one short
 * line each, so labels stay narrow between close columns), with moving dashes whose
 * speed follows throughput and a breaker icon when the edge has a circuit breaker.
 */
export const FlowEdge = memo(function FlowEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps) {
  const stats = useStore(edgeStats(id));
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // The label goes where the canvas found room along this edge (clear of nodes and of other labels).
  const spot = useLabelSpot(id);
  const curve = spot.t === 0.5 && spot.dy === 0 ? null : parseCurve(path);
  const { x: labelX, y: labelY } = curve ? spotCentre(curve, spot) : { x: midX, y: midY };
  // A label moved off its edge is tied to it by a short dotted line.
  const leader = curve && spot.dy !== 0 ? `M${labelX},${labelY} L${labelX},${labelY - spot.dy}` : null;
  const rps = stats?.callsPerS ?? 0;
  const health = errorHealth(stats?.errorRate, rps);
  const bucket = flowBucket(rps);
  const breaker = stats?.breaker;
  const p99 = fmtWindowMs(stats?.p99Ms);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`mc-edge mc-edge--${health}${selected ? ' is-selected' : ''}`} interactionWidth={18} />
      {leader && <path d={leader} className="mc-edge-leader" aria-hidden="true" />}
      {bucket > 0 && <path d={path} className={`mc-edge-flow mc-edge-flow--${bucket} mc-edge-flow--${health}`} aria-hidden="true" />}
      <EdgeLabelRenderer>
        <div
          className={`mc-edge-label mc-edge-label--${health}${selected ? ' is-selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={stats ? `${id}: ${fmtRate(rps)} calls/s, p99 ${p99}, ${HEALTH_WORD[health]}` : id}
        >
          {stats && (
            <>
              <span>{fmtRate(rps)} rps</span>
              <span className="mc-edge-label__p99">p99 {p99}</span>
              {health === 'warn' || health === 'bad' ? <span className="mc-edge-label__err">{health === 'bad' ? '✖' : '▲'} {fmtPct(stats.errorRate)} err</span> : null}
              {stats.fallbacks !== undefined && <span className="mc-edge-label__fallback">↩ {stats.fallbacks}<span className="sr-only"> failed calls answered by the fallback</span></span>}
            </>
          )}
          {breaker && (
            <span className={`mc-breaker mc-breaker--${breaker}`} role="img" title={`circuit breaker ${BREAKER_WORD[breaker]}`} aria-label={`circuit breaker ${BREAKER_WORD[breaker]}`}>
              <BreakerIcon state={breaker} />
              {breaker !== 'CLOSED' && <span>{BREAKER_WORD[breaker]}</span>}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

export const edgeTypes = { flow: FlowEdge };
