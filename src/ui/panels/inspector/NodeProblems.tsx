import { useStore } from '../../../store';
import { nodeProblems } from '../../../store/scenarioCheck';
import { selectScenario } from '../../../store/selectors';
import type { Scenario } from '../../../store/types';

/** What to do, per kind, when a node cannot run as it was dropped. */
const KIND_HINTS: Record<string, (callees: string[]) => string> = {
  saga: (callees) => `Connect the saga to the services of its steps (drag from its right handle, or add them under "calls" below), then list them in steps, in order, for example [{"call": "${callees[0] ?? 'order'}", "compensate": "${callees[0] ?? 'order'}"}]: compensate names the service that undoes a step when a later one fails.`,
};

const calleesOf = (s: Scenario, id: string) => s.edges.filter((e) => e.from === id).map((e) => e.to);

/**
 * Why this node keeps the scenario from running, shown as soon as the node is selected (the
 * form's own errors appear only once a field is edited), with what to do about it.
 */
export function NodeProblems({ id, kind }: { id: string; kind: string }) {
  const scenario = useStore(selectScenario);
  const problems = nodeProblems(scenario, id);
  if (problems.length === 0) return null;
  const hint = KIND_HINTS[kind];
  return (
    <div className="mc-hint" role="status" aria-label={`${id} is not running yet`}>
      <p className="mc-hint__title">Not running yet</p>
      {hint && <p>{hint(calleesOf(scenario, id))}</p>}
      <ul>
        {problems.map((p) => <li key={p.path}><code>{p.path || id}</code>: {p.message}</li>)}
      </ul>
      <p className="mc-muted">Until then the simulation goes on with the scenario as it was before.</p>
    </div>
  );
}
