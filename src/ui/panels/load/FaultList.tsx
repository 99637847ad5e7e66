import { useStore } from '../../../store';
import { stopFault } from '../../../store/runActions';
import { selectFaults } from '../../../store/selectors';
import { fmtClock } from '../../common/format';
import { FAULT_WORDS } from '../../canvas/faultMenuItems';

export function FaultList() {
  const faults = useStore(selectFaults);
  if (faults.length === 0) return <p className="mc-muted">None. Right-click a node or a call (or use its Chaos… button) to break something.</p>;
  return (
    <ul className="mc-faults" aria-label="Active faults">
      {faults.map((f) => (
        <li key={f.id}>
          <span className="mc-faults__what">{FAULT_WORDS[f.fault.kind]} on <strong>{f.fault.target}</strong>{f.byChaos ? ' (chaos monkey)' : ''}</span>
          <span className="mc-muted">since {fmtClock(f.startedAtMs)}</span>
          <button type="button" className="mc-btn mc-btn--small" onClick={() => stopFault(f.id)} aria-label={`Stop ${FAULT_WORDS[f.fault.kind]} on ${f.fault.target}`}>Stop</button>
        </li>
      ))}
    </ul>
  );
}
