import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { edgeKey } from '../../../engine/calls/edgeSchema';
import { useStore } from '../../../store';
import { BREAKER_WORD, fmtClock } from '../../common/format';
import { ChartFrame } from './ChartFrame';
import { breakerRuns } from './seriesData';
import { useShownSeries } from './useShownSeries';

/** Each breaker's state over the window as a strip of labelled segments (text, not only colour). */
export const BreakerTimeline = memo(function BreakerTimeline() {
  const ref = useRef<HTMLElement>(null);
  const { w, domain: [from, to] } = useShownSeries(ref);
  const withBreaker = useStore(useShallow((s) => s.scenario.edges.filter((e) => 'circuitBreaker' in e && e.circuitBreaker).map((e) => edgeKey(e.from, e.to))));
  if (withBreaker.length === 0) return null;
  const lines = breakerRuns(w, withBreaker);
  const span = Math.max(1, to - from);
  const now = (line: (typeof lines)[number]) => BREAKER_WORD[line.runs[line.runs.length - 1]?.state ?? 'CLOSED'];
  return (
    <ChartFrame ref={ref} title="Circuit breakers" summary={lines.map((l) => `${l.edge} is ${now(l)}`).join('; ')}>
      <div className="mc-breakers">
        {lines.map((line) => (
          <div key={line.edge} className="mc-breakers__row">
            <span className="mc-breakers__name" title={line.edge}>{line.edge}</span>
            <div className="mc-breakers__track">
              {line.runs.map((r, i) => {
                const start = Math.max(from, r.fromS);
                const end = Math.min(to, r.toS);
                if (end <= start) return null;
                return (
                  <span key={i} className={`mc-breakers__seg mc-breakers__seg--${r.state}`} style={{ left: `${((start - from) / span) * 100}%`, width: `${((end - start) / span) * 100}%` }}
                    title={`${BREAKER_WORD[r.state]} from ${fmtClock(r.fromS * 1000)} to ${fmtClock(r.toS * 1000)}`}>{BREAKER_WORD[r.state]}</span>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </ChartFrame>
  );
});
