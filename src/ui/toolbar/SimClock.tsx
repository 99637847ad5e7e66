import { useStore } from '../../store';
import { selectSimTime, selectStatus } from '../../store/selectors';
import { fmtClock } from '../common/format';

export function SimClock() {
  const t = useStore(selectSimTime);
  const status = useStore(selectStatus);
  return (
    <div className="mc-clock" title="Simulated time">
      <span className="mc-clock__label">sim time</span>
      <output className="mc-clock__value" aria-label="Simulated time" data-testid="sim-clock" data-ms={Math.round(t)}>{fmtClock(t)}</output>
      <span className={`mc-clock__status mc-clock__status--${status}`}>{status}</span>
    </div>
  );
}
