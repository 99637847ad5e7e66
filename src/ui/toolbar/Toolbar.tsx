import { useRef } from 'react';
import { useStore } from '../../store';
import { selectProjector } from '../../store/selectors';
import { CompareButton } from './CompareButton';
import { ExportMenu } from './ExportMenu';
import { FileButtons, ImportInput } from './FileButtons';
import { MoreMenu, type Fold } from './MoreMenu';
import { LessonsButton } from './LessonsButton';
import { PlayControls } from './PlayControls';
import { PresetPicker } from './PresetPicker';
import { SimClock } from './SimClock';
import { SpeedPicker } from './SpeedPicker';
import { UndoRedo } from './UndoRedo';
import { useFoldLevel } from './useFoldLevel';
import { ViewToggles } from './ViewToggles';
import { ShareDialogSlot } from '../share/ShareDialogSlot';

/**
 * What gives way when the toolbar is too narrow, in order: the file buttons, Compare, the Lessons
 * button and the view toggles fold into More, the brand goes, then undo and redo fold too
 * (they keep Ctrl+Z). A 1280-wide classroom window keeps Lessons in sight; its file buttons
 * are in More.
 */
const STEPS: readonly (Fold | 'brand')[] = ['file', 'compare', 'lessons', 'view', 'brand', 'history'];

export function Toolbar() {
  const ref = useRef<HTMLElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const projector = useStore(selectProjector);
  const level = useFoldLevel(ref, STEPS.length, projector);
  const gone = new Set(STEPS.slice(0, level));
  const folded = new Set(STEPS.slice(0, level).filter((s): s is Fold => s !== 'brand'));
  const chooseFile = () => importInput.current?.click();
  return (
    <header ref={ref} className={`mc-toolbar${level > STEPS.length ? ' is-wrapped' : ''}`} aria-label="Playground controls">
      {/* The page's one top heading; when the brand gives way it is still there for screen readers. */}
      <h1 className={gone.has('brand') ? 'sr-only' : 'mc-brand'}>microcosm</h1>
      <PresetPicker />
      {!gone.has('lessons') && <LessonsButton />}
      {!gone.has('compare') && <CompareButton />}
      <PlayControls />
      <SpeedPicker />
      <SimClock />
      <span className="mc-spacer" />
      {!gone.has('history') && <UndoRedo />}
      {!gone.has('file') && <FileButtons onImport={chooseFile} />}
      {!gone.has('file') && <ExportMenu />}
      {!gone.has('view') && <ViewToggles />}
      <MoreMenu folded={folded} onImport={chooseFile} />
      <ImportInput ref={importInput} />
      <ShareDialogSlot />
    </header>
  );
}
