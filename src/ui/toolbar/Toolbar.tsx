import { ExportMenu } from './ExportMenu';
import { FileButtons } from './FileButtons';
import { LessonsButton } from './LessonsButton';
import { PlayControls } from './PlayControls';
import { PresetPicker } from './PresetPicker';
import { SimClock } from './SimClock';
import { SpeedPicker } from './SpeedPicker';
import { UndoRedo } from './UndoRedo';
import { ViewToggles } from './ViewToggles';

export function Toolbar() {
  return (
    <header className="mc-toolbar" aria-label="Playground controls">
      <span className="mc-brand" aria-hidden="true">microcosm</span>
      <PresetPicker />
      <LessonsButton />
      <PlayControls />
      <SpeedPicker />
      <SimClock />
      <span className="mc-spacer" />
      <UndoRedo />
      <FileButtons />
      <ExportMenu />
      <ViewToggles />
    </header>
  );
}
