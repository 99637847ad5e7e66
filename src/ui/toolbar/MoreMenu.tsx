import { useRef, useState } from 'react';
import { useStore as useZustand } from 'zustand';
import { useStore } from '../../store';
import { selectProjector, selectTheme } from '../../store/selectors';
import { toggleProjector, toggleTheme } from '../../store/uiActions';
import { command } from '../commands';
import { MoreIcon } from '../common/icons';
import { Menu, MenuItem, MenuSeparator } from '../common/Menu';
import { exportScenario, shareScenario } from './fileActions';
import { requestPresenter } from '../present/presentState';
import { RUN_FILES, saveRunFile } from '../saveAs/saveCommands';
import { toggleCompare, useCompareMode } from '../../store/compareMode';

/** Toolbar groups that fold into the More menu, least used first. */
export type Fold = 'lessons' | 'compare' | 'file' | 'view' | 'history';

const UNDO = command('undo');
const REDO = command('redo');
const NEW = command('newScenario');
const DEPLOY = command('exportDeployment');
const LESSONS = command('lessons');
const canUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const canRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;

function Items({ folded, onImport, close }: { folded: ReadonlySet<Fold>; onImport: () => void; close: () => void }) {
  const theme = useStore(selectTheme);
  const projector = useStore(selectProjector);
  const u = useZustand(useStore.temporal, canUndo);
  const r = useZustand(useStore.temporal, canRedo);
  const comparing = useCompareMode((s) => s.on);
  const then = (fn: () => void) => () => {
    close();
    fn();
  };
  const groups = [
    folded.has('lessons') && [<MenuItem key="lessons" onSelect={then(LESSONS.perform)}>Lessons…</MenuItem>],
    folded.has('compare') && [<MenuItem key="compare" checked={comparing} onSelect={then(toggleCompare)}>Compare</MenuItem>],
    folded.has('history') && [
      <MenuItem key="undo" onSelect={then(UNDO.perform)} disabled={!u}>Undo</MenuItem>,
      <MenuItem key="redo" onSelect={then(REDO.perform)} disabled={!r}>Redo</MenuItem>,
    ],
    folded.has('file') && [
      <MenuItem key="new" onSelect={then(NEW.perform)}>New scenario</MenuItem>,
      <MenuItem key="share" onSelect={then(() => void shareScenario())}>Share link</MenuItem>,
      <MenuItem key="import" onSelect={then(onImport)}>Import…</MenuItem>,
      <MenuItem key="export" onSelect={then(exportScenario)}>Export</MenuItem>,
      <MenuItem key="deploy" onSelect={then(DEPLOY.perform)}>Deploy files…</MenuItem>,
    ],
    folded.has('view') && [
      <MenuItem key="theme" onSelect={then(toggleTheme)}>{theme === 'dark' ? 'Light theme' : 'Dark theme'}</MenuItem>,
      <MenuItem key="present" onSelect={then(requestPresenter)}>Present</MenuItem>,
      <MenuItem key="projector" checked={projector} onSelect={then(toggleProjector)}>Projector mode</MenuItem>,
    ],
    // Always here, at every width: what the run shows, as files.
    RUN_FILES.map((f) => <MenuItem key={f.what} onSelect={then(() => saveRunFile(f.what))}>{f.label}</MenuItem>),
  ].filter((g) => g !== false);
  return groups.flatMap((g, i) => (i === 0 ? g : [<MenuSeparator key={`sep${i}`} />, ...g]));
}

/** The toolbar's overflow: the groups that did not fit, and saving the run's pictures and data, as a menu under a "More" button. */
export function MoreMenu({ folded, onImport }: { folded: ReadonlySet<Fold>; onImport: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const open = () => {
    const r = button.current?.getBoundingClientRect();
    if (r) setAt({ x: r.right, y: r.bottom + 4 });
  };
  const close = () => setAt(null);
  return (
    <>
      <button ref={button} type="button" className="mc-btn" aria-label="More" aria-haspopup="menu" aria-expanded={at !== null}
        title="More: save the canvas, the series or the report, and the controls that do not fit here"
        onClick={() => (at ? close() : open())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            open();
          }
        }}>
        <MoreIcon />
      </button>
      {at && (
        <Menu label="More" at={at} align="end" onClose={close}>
          <Items folded={folded} onImport={onImport} close={close} />
        </Menu>
      )}
    </>
  );
}
