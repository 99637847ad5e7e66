import type { Ref } from 'react';
import { command, tooltip } from '../commands';
import { ExportIcon, ImportIcon, LinkIcon, NewIcon } from '../common/icons';
import { exportScenario, importScenarioFile, shareScenario } from './fileActions';

const NEW = command('newScenario');

export function FileButtons({ onImport }: { onImport: () => void }) {
  return (
    <div className="mc-group" role="group" aria-label="Scenario file">
      <button type="button" className="mc-btn" onClick={NEW.perform} aria-label="New scenario" title={tooltip(NEW, 'Start an empty scenario (Undo brings this one back)')}><NewIcon /><span className="mc-btn__text">New</span></button>
      <button type="button" className="mc-btn" onClick={() => void shareScenario()} aria-label="Share link" title="Put the scenario in the page link"><LinkIcon /><span className="mc-btn__text">Share</span></button>
      <button type="button" className="mc-btn" onClick={onImport} aria-label="Import" title="Open a scenario JSON file"><ImportIcon /><span className="mc-btn__text">Import</span></button>
      <button type="button" className="mc-btn" onClick={exportScenario} aria-label="Export" title="Save the scenario as a JSON file"><ExportIcon /><span className="mc-btn__text">Export</span></button>
    </div>
  );
}

/** The file picker behind Import; it stays in the toolbar when the buttons fold into More. */
export function ImportInput({ ref }: { ref: Ref<HTMLInputElement> }) {
  return (
    <input ref={ref} type="file" accept="application/json,.json" hidden data-testid="import-input"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        void importScenarioFile(file);
      }} />
  );
}
