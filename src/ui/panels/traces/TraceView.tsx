import { useId, useState } from 'react';
import { useStore } from '../../../store';
import { selectCapabilities, selectTraces } from '../../../store/selectors';
import { PAGE_TRACE_SAMPLE_RATE } from '../../../worker/protocol';
import { fmtClock, fmtMs } from '../../common/format';
import { pickTraces, type TracePick } from './waterfall';
import { Waterfall } from './Waterfall';

export function TracePanel() {
  const traces = useStore(selectTraces);
  const caps = useStore(selectCapabilities);
  const [pick, setPick] = useState<TracePick>('slowest');
  const [chosen, setChosen] = useState<string | null>(null);
  const listId = useId();
  if (!caps.traces) return <TracingOff />;
  if (traces.length === 0) return <NoTracesYet />;
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

const HOW_TO = 'Click an empty spot of the canvas so that nothing is selected; in the inspector, tick tracing and set its sample rate';
const pct = (r: number) => `${Math.round(r * 1000) / 10} %`;
const selectRate = (s: { scenario: { tracing?: { sampleRate: number } } }) => s.scenario.tracing?.sampleRate;

/** The scenario asks for no traces at all (a sample rate of 0): say where to turn them on. */
function TracingOff() {
  return (
    <div className="mc-traces__empty" role="status">
      <p><strong>Tracing is off</strong> in this scenario (its sample rate is 0), so no request is traced.</p>
      <p>To turn it on: {HOW_TO} (for example 0.02, one request in fifty). The run starts again with tracing on.</p>
    </div>
  );
}

/** Tracing is on but nothing is kept yet: before Play, or a run with no finished request. */
function NoTracesYet() {
  const rate = useStore(selectRate);
  return (
    <div className="mc-traces__empty" role="status">
      <p>No traces yet: press Play. {rate === undefined ? `The page traces ${pct(PAGE_TRACE_SAMPLE_RATE)} of requests when a scenario sets no tracing of its own.` : `This scenario traces ${pct(rate)} of requests.`}</p>
      <p>To trace more or fewer: {HOW_TO}.</p>
    </div>
  );
}
