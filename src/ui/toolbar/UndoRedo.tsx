import { useStore as useZustand } from 'zustand';
import { redo, undo, useStore } from '../../store';
import { RedoIcon, UndoIcon } from '../common/icons';

const canUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const canRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;

export function UndoRedo() {
  const u = useZustand(useStore.temporal, canUndo);
  const r = useZustand(useStore.temporal, canRedo);
  return (
    <div className="mc-group" role="group" aria-label="History">
      <button type="button" className="mc-btn" onClick={undo} disabled={!u} aria-label="Undo" title="Undo (Ctrl+Z)"><UndoIcon /></button>
      <button type="button" className="mc-btn" onClick={redo} disabled={!r} aria-label="Redo" title="Redo (Ctrl+Shift+Z)"><RedoIcon /></button>
    </div>
  );
}
