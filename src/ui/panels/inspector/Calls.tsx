import { useId, useMemo } from 'react';
import { edgeKey } from '../../../engine/calls/edgeSchema';
import { useStore } from '../../../store';
import { selectScenario } from '../../../store/selectors';
import { connectProblem, removeElements } from '../../../store/scenarioActions';
import { connectOrExplain } from '../../../store/uiActions';

/** The node's outgoing calls as a list, with add and remove: connecting without dragging. */
export function Calls({ from }: { from: string }) {
  const id = useId();
  const scenario = useStore(selectScenario);
  // Checking every possible target (cycles included) is worth doing once per edit, not per snapshot.
  const { targets, candidates } = useMemo(() => ({
    targets: scenario.edges.filter((e) => e.from === from).map((e) => e.to),
    candidates: scenario.nodes.filter((n) => connectProblem(scenario, from, n.id) === null).map((n) => n.id),
  }), [scenario, from]);
  return (
    <fieldset className="mc-fieldset">
      <legend>calls</legend>
      <ul className="mc-calls">
        {targets.map((t) => (
          <li key={t}>
            <span>→ {t}</span>
            <button type="button" className="mc-btn mc-btn--small" aria-label={`Remove the call to ${t}`} onClick={() => removeElements([], [edgeKey(from, t)])}>Remove</button>
          </li>
        ))}
        {targets.length === 0 && <li className="mc-muted">No calls yet.</li>}
      </ul>
      {candidates.length > 0 && (
        <div className="mc-field">
          <label htmlFor={id} className="mc-field__label">add a call to</label>
          <select id={id} className="mc-select" value="" onChange={(e) => connectOrExplain(from, e.target.value)}>
            <option value="" disabled>choose a node…</option>
            {candidates.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
      )}
    </fieldset>
  );
}
