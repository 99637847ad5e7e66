import { useStore } from '../../store';
import { reset, step, togglePlay } from '../../store/runActions';
import { selectRunning } from '../../store/selectors';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from '../common/icons';

/** Play/Pause is one button whose name says what pressing it will do. */
export function PlayControls() {
  const running = useStore(selectRunning);
  return (
    <div className="mc-group" role="group" aria-label="Run">
      <button type="button" className="mc-btn mc-btn--primary" onClick={togglePlay} aria-label={running ? 'Pause' : 'Play'} title={`${running ? 'Pause' : 'Play'} (Space)`}>
        {running ? <PauseIcon /> : <PlayIcon />}
        <span className="mc-btn__text">{running ? 'Pause' : 'Play'}</span>
      </button>
      <button type="button" className="mc-btn" onClick={step} aria-label="Step" title="Step one simulated second (.)">
        <StepIcon />
      </button>
      <button type="button" className="mc-btn" onClick={() => reset(false)} aria-label="Reset" title="Reset the run to time 0">
        <ResetIcon />
      </button>
    </div>
  );
}
