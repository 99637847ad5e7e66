import { useId } from 'react';
import { useStore } from '../../store';
import { defaultScenario } from '../../store/defaultScenario';
import { groupPresets, START_HERE } from '../persistence/presetGroups';
import { PRESETS } from '../persistence/presets';
import { openScenario } from '../persistence/openScenario';

const selectName = (s: { scenario: { name: string } }) => s.scenario.name;
const BUILT_IN = '__default';
const GROUPS = groupPresets(PRESETS);

/** The scenario's name, and a picker that opens a preset (an undoable step), grouped by idea. */
export function PresetPicker() {
  const name = useStore(selectName);
  const id = useId();
  const choose = (value: string) => {
    if (value === BUILT_IN) void openScenario({ ok: true, scenario: defaultScenario(), warnings: [] }, 'The built-in scenario');
    else {
      const p = PRESETS.find((x) => x.id === value);
      if (p) void p.load().then((result) => openScenario(result, `Preset "${p.id}"`));
    }
  };
  return (
    <div className="mc-scenario">
      <span className="mc-scenario__name" title={name}>{name}</span>
      <label htmlFor={id} className="sr-only">Open a preset scenario</label>
      <select id={id} className="mc-select" value="" onChange={(e) => choose(e.target.value)}>
        <option value="" disabled>Presets…</option>
        {GROUPS[0]?.title !== START_HERE && <option value={BUILT_IN}>Small shop (built in)</option>}
        {GROUPS.map((g, gi) => (
          <optgroup key={g.title} label={g.title}>
            {g.presets.map((p, i) => (
              <option key={p.id} value={p.id}>{gi === 0 && i === 0 && g.title === START_HERE ? `★ ${p.name} (start here)` : p.name}</option>
            ))}
            {g.title === START_HERE && <option value={BUILT_IN}>Small shop (built in)</option>}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
