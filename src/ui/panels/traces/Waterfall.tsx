import type { TraceView } from '../../../worker/protocol';
import { fmtMs } from '../../common/format';
import { waterfallRows } from './waterfall';

/** One trace as a span waterfall: a row per span, bars on a shared time axis, marks in words. */
export function Waterfall({ trace }: { trace: TraceView }) {
  const rows = waterfallRows(trace);
  const total = Math.max(1e-6, trace.durationMs ?? Math.max(...rows.map((r) => r.offsetMs + (r.durationMs ?? 0)), 1));
  return (
    <table className="mc-waterfall" aria-label={`Trace ${trace.traceId}`}>
      <thead>
        <tr><th scope="col">span</th><th scope="col">timeline (0 – {fmtMs(total)})</th><th scope="col">took</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.span.spanId} className={r.span.status === 'error' ? 'is-error' : undefined}>
            <th scope="row" style={{ paddingLeft: `${0.4 + r.depth * 0.9}em` }}>
              {r.span.edge ?? r.span.node}
            </th>
            <td>
              <div className="mc-waterfall__track">
                <span className={`mc-waterfall__bar mc-waterfall__bar--${r.span.status}`}
                  style={{ left: `${(r.offsetMs / total) * 100}%`, width: `${Math.max(0.5, ((r.durationMs ?? total - r.offsetMs) / total) * 100)}%` }} />
              </div>
            </td>
            <td className="mc-waterfall__text">
              {r.durationMs === null ? 'no answer' : fmtMs(r.durationMs)}
              {r.marks.map((m) => <em key={m} className="mc-waterfall__mark">{m}</em>)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
