import { useStore } from '../../store';
import { selectProjector, selectTheme } from '../../store/selectors';
import { toggleProjector, toggleTheme } from '../../store/uiActions';
import { MoonIcon, ProjectorIcon, SunIcon } from '../common/icons';
import { requestPresenter } from '../present/presentState';

export function ViewToggles() {
  const theme = useStore(selectTheme);
  const projector = useStore(selectProjector);
  return (
    <div className="mc-group" role="group" aria-label="View">
      <button type="button" className="mc-btn" onClick={toggleTheme} aria-label={theme === 'dark' ? 'Light theme' : 'Dark theme'} title="Switch light or dark theme">
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </button>
      <button type="button" className="mc-btn" onClick={toggleProjector} aria-pressed={projector} aria-label="Projector mode" title="Large type for a projector">
        <ProjectorIcon />
      </button>
      <button type="button" className="mc-btn" onClick={requestPresenter} aria-label="Present" title="Presenter mode: the canvas and charts fill the screen, the script's beats play (Escape leaves)">
        Present
      </button>
    </div>
  );
}
