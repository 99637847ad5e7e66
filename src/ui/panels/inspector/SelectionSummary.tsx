import { useStore } from '../../../store';
import { removeElements } from '../../../store/scenarioActions';
import { select } from '../../../store/uiActions';
import { selectScenario } from '../../../store/selectors';

/** Several nodes selected (a box selection, Ctrl+A): what they are, and what can be done to all of them. */
export function SelectionSummary({ ids }: { ids: readonly string[] }) {
  const scenario = useStore(selectScenario);
  const chosen = scenario.nodes.filter((n) => ids.includes(n.id));
  return (
    <section className="mc-inspector__body" aria-label={`${chosen.length} nodes selected`}>
      <header className="mc-inspector__head">
        <div>
          <h3>{chosen.length} nodes selected</h3>
          <p className="mc-muted">Drag one to move them all; Delete removes them with their calls (Undo brings them back).</p>
        </div>
      </header>
      <div className="mc-actions">
        <button type="button" className="mc-btn mc-btn--small mc-btn--danger" onClick={() => removeElements(chosen.map((n) => n.id), [])}>Delete {chosen.length} nodes</button>
        <button type="button" className="mc-btn mc-btn--small" onClick={() => select(null)}>Clear selection</button>
      </div>
      <ul className="mc-calls">
        {chosen.map((n) => (
          <li key={n.id}>
            <button type="button" className="mc-btn mc-btn--small" onClick={() => select({ type: 'node', id: n.id })} aria-label={`Select only ${n.label ?? n.id}`}>{n.label ?? n.id}</button>
            <span className="mc-muted">{n.kind}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
