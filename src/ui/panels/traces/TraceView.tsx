import { useId, useState } from 'react';
import { useStore } from '../../../store';
import { selectCapabilities, selectTraces } from '../../../store/selectors';
import { fmtClock, fmtMs } from '../../common/format';
import { pickTraces, type TracePick } from './waterfall';
import { Waterfall } from './Waterfall';

export function TracePanel() {
  const traces = useStore(selectTraces);
  const caps = useStore(selectCapabilities);
  const [pick, setPick] = useState<TracePick>('slowest');
  const [chosen, setChosen] = useState<string | null>(null);
  const listId = useId();
  if (!caps.traces) return <p className="mc-muted">Sampled traces appear here once the engine's tracer reports them (span trees per request).</p>;
  const list = pickTraces(traces, pick);
  const trace = list.find((t) => t.traceId === chosen) ?? list[0];
  return (
    <div className="mc-traces">
      <div className="mc-traces__side">
        <div className="mc-group" role="group" aria-label="Which traces">
          {(['slowest', 'failed', 'any'] as const).map((p) => (
            <button key={p} type="button" className="mc-btn mc-btn--seg mc-btn--small" aria-pressed={pick === p} onClick={() => setPick(p)}>{p}</button>
          ))}
        </div>
        <label htmlFor={listId} className="sr-only">Sampled request</label>
        <select id={listId} className="mc-select" size={6} value={trace?.traceId ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {list.map((t) => (
            <option key={t.traceId} value={t.traceId}>
              {fmtClock(t.startMs)} {t.path} {fmtMs(t.durationMs ?? undefined)} {t.status === 'error' ? `✖ ${t.cause ?? 'error'}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="mc-traces__main">{trace ? <Waterfall trace={trace} /> : <p className="mc-muted">No {pick === 'failed' ? 'failed ' : ''}traces sampled yet.</p>}</div>
    </div>
  );
}
