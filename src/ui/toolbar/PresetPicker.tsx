import { useId } from 'react';
import { useStore } from '../../store';
import { defaultScenario } from '../../store/defaultScenario';
import { PRESETS } from '../persistence/presets';
import { openScenario } from '../persistence/openScenario';

const selectName = (s: { scenario: { name: string } }) => s.scenario.name;
const BUILT_IN = '__default';

/** The scenario's name, and a picker that opens a preset (an undoable step). */
export function PresetPicker() {
  const name = useStore(selectName);
  const id = useId();
  const choose = (value: string) => {
    if (value === BUILT_IN) void openScenario({ ok: true, scenario: defaultScenario(), warnings: [] }, 'The built-in scenario');
    else {
      const p = PRESETS.find((x) => x.id === value);
      if (p) void openScenario(p.result, `Preset "${p.id}"`);
    }
  };
  return (
    <div className="mc-scenario">
      <span className="mc-scenario__name" title={name}>{name}</span>
      <label htmlFor={id} className="sr-only">Open a preset scenario</label>
      <select id={id} className="mc-select" value="" onChange={(e) => choose(e.target.value)}>
        <option value="" disabled>Presets…</option>
        <option value={BUILT_IN}>Small shop (built in)</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id} disabled={!p.result.ok}>{p.name}</option>
        ))}
      </select>
    </div>
  );
}
