import { useId } from 'react';
import { useStore } from '../../../store';
import { setChaos } from '../../../store/runActions';

const selectChaos = (s: { run: { chaos: { enabled: boolean; perMinute: number } } }) => s.run.chaos;

/** Kills a random instance now and then (per simulated minute), like Netflix's Chaos Monkey. */
export function ChaosMonkey() {
  const chaos = useStore(selectChaos);
  const on = useId();
  const rate = useId();
  return (
    <div className="mc-chaos">
      <input id={on} type="checkbox" checked={chaos.enabled} onChange={(e) => setChaos(e.target.checked, chaos.perMinute)} />
      <label htmlFor={on}>Chaos monkey</label>
      <label htmlFor={rate} className="sr-only">Kills per simulated minute</label>
      <input id={rate} className="mc-input mc-input--tiny" type="number" min={0.1} max={600} step={0.5} value={chaos.perMinute}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v) && v > 0) setChaos(chaos.enabled, v);
        }} />
      <span className="mc-muted">kills / sim minute</span>
    </div>
  );
}
