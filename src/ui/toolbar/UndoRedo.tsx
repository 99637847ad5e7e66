import { useStore as useZustand } from 'zustand';
import { useStore } from '../../store';
import { command, tooltip } from '../commands';
import { RedoIcon, UndoIcon } from '../common/icons';

const UNDO = command('undo');
const REDO = command('redo');

const canUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const canRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;

export function UndoRedo() {
  const u = useZustand(useStore.temporal, canUndo);
  const r = useZustand(useStore.temporal, canRedo);
  return (
    <div className="mc-group" role="group" aria-label="History">
      <button type="button" className="mc-btn" onClick={UNDO.perform} disabled={!u} aria-label={UNDO.label} title={tooltip(UNDO)}><UndoIcon /></button>
      <button type="button" className="mc-btn" onClick={REDO.perform} disabled={!r} aria-label={REDO.label} title={tooltip(REDO)}><RedoIcon /></button>
    </div>
  );
}
