import { useId, useState } from 'react';
import { useStore } from '../../../store';
import { sendRps, spike, SPIKE } from '../../../store/runActions';
import { setClientRps } from '../../../store/scenarioActions';
import { clientStats } from '../../../store/selectors';
import { fmtRate } from '../../common/format';
import { BoltIcon } from '../../common/icons';

const MAX_SLIDER_RPS = 2000;

/**
 * One client's load: a slider that changes the rate live while it moves (the engine hears
 * each step) and records one undoable edit when released, and the Spike button.
 */
export function ClientLoad({ id, rps }: { id: string; rps: number }) {
  const sliderId = useId();
  const [drag, setDrag] = useState<number | null>(null);
  const live = useStore(clientStats(id));
  const shown = drag ?? rps;
  const max = Math.max(MAX_SLIDER_RPS, rps);
  const commit = () => {
    if (drag !== null && drag !== rps) setClientRps(id, drag);
    setDrag(null);
  };
  return (
    <div className="mc-load">
      <label htmlFor={sliderId} className="mc-load__name">{id}</label>
      <input
        id={sliderId}
        type="range"
        min={0}
        max={max}
        step={max > 500 ? 5 : 1}
        value={shown}
        aria-valuetext={`${shown} requests per second`}
        onChange={(e) => {
          const v = Number(e.target.value);
          setDrag(v);
          sendRps(id, v);
        }}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <span className="mc-load__value" title={`answered ${fmtRate(live?.rps)} per second`}>{shown} rps</span>
      <button type="button" className="mc-btn mc-btn--small" onClick={() => spike(id)} aria-label={`Spike ${id}`} title={`Multiply ${id}'s rate by ${SPIKE.multiplier} for ${SPIKE.durationMs / 1000} simulated seconds`}>
        <BoltIcon /> Spike ×{SPIKE.multiplier}
      </button>
    </div>
  );
}
