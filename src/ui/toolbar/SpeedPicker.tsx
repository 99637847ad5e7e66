import { useStore } from '../../store';
import { setSpeed } from '../../store/runActions';
import { selectSpeed } from '../../store/selectors';
import { SPEEDS, type Speed } from '../../worker/protocol';

const word = (s: Speed) => (s === 'max' ? 'Max' : `${s}×`);

export function SpeedPicker() {
  const speed = useStore(selectSpeed);
  return (
    <div className="mc-group mc-speed" role="group" aria-label="Speed">
      {SPEEDS.map((s) => (
        <button
          key={s}
          type="button"
          className="mc-btn mc-btn--seg"
          aria-pressed={speed === s}
          onClick={() => setSpeed(s)}
          aria-label={s === 'max' ? 'Speed: as fast as possible' : `Speed ${s} times`}
          title={s === 'max' ? 'As fast as possible' : `${s} simulated seconds per second`}
        >
          {word(s)}
        </button>
      ))}
    </div>
  );
}
