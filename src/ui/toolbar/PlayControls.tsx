import { useStore } from '../../store';
import { selectRunning } from '../../store/selectors';
import { command, tooltip } from '../commands';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from '../common/icons';

const PLAY = command('togglePlay');
const STEP = command('step');
const RESET = command('reset');

/** Play/Pause is one button whose name says what pressing it will do. */
export function PlayControls() {
  const running = useStore(selectRunning);
  const playWord = running ? 'Pause' : 'Play';
  return (
    <div className="mc-group" role="group" aria-label="Run">
      <button type="button" className="mc-btn mc-btn--primary" onClick={PLAY.perform} aria-label={playWord} title={tooltip(PLAY, playWord)}>
        {running ? <PauseIcon /> : <PlayIcon />}
        <span className="mc-btn__text">{playWord}</span>
      </button>
      <button type="button" className="mc-btn" onClick={STEP.perform} aria-label="Step" title={tooltip(STEP)}>
        <StepIcon />
      </button>
      <button type="button" className="mc-btn" onClick={RESET.perform} aria-label="Reset" title={tooltip(RESET)}>
        <ResetIcon />
      </button>
    </div>
  );
}
