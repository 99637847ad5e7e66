import { useCallback } from 'react';
import { scenarioSchema } from '../../../engine/model';
import { updateScenarioFields } from '../../../store/scenarioActions';
import { PAGE_TRACE_SAMPLE_RATE } from '../../../worker/protocol';
import type { Scenario } from '../../../store/types';
import { fieldsOf } from './fieldSpec';
import { SchemaForm } from './SchemaForm';
import { useLockedAt } from './LockedField';
import { useFormEditor } from './useFormEditor';
import { checkHeader } from './validate';

const SKIP = new Set(['$schema', 'version', 'nodes', 'edges', 'faults']);

/** With nothing selected the inspector edits the scenario itself: name, seed, duration, tracing. */
export function ScenarioInspector({ scenario }: { scenario: Scenario }) {
  const check = useCallback((c: Scenario) => checkHeader(scenario, c), [scenario]);
  const commit = useCallback((v: Scenario) => updateScenarioFields({ name: v.name, description: v.description, seed: v.seed, durationMs: v.durationMs, warmupMs: v.warmupMs, tracing: v.tracing }), []);
  const lockedAt = useLockedAt('');
  const { errors, onEdit } = useFormEditor(scenario, check, commit);
  return (
    <section className="mc-inspector__body" aria-label="Scenario settings">
      <p className="mc-muted">Nothing selected: these are the scenario's own settings. Select a node or a call on the canvas to edit it.</p>
      <SchemaForm fields={fieldsOf(scenarioSchema)} value={scenario} errors={errors} onEdit={onEdit} skip={SKIP} lockedAt={lockedAt} />
      {!scenario.tracing && <p className="mc-fieldset__hint">Tracing not set: the page traces {PAGE_TRACE_SAMPLE_RATE * 100} % of requests (the command line traces none).</p>}
    </section>
  );
}
