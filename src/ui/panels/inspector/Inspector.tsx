import { edgeKey } from '../../../engine/calls/edgeSchema';
import { useStore } from '../../../store';
import { selectScenario, selectSelection } from '../../../store/selectors';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';
import { ScenarioInspector } from './ScenarioInspector';
import { SelectionSummary } from './SelectionSummary';

/** The selected node's or call's settings, a summary of several nodes, or the scenario's when nothing is selected. */
export function Inspector() {
  const sel = useStore(selectSelection);
  const scenario = useStore(selectScenario);
  if (sel?.type === 'node') {
    const index = scenario.nodes.findIndex((n) => n.id === sel.id);
    if (index >= 0) return <NodeInspector key={sel.id} node={scenario.nodes[index]} index={index} />;
  }
  if (sel?.type === 'nodes') return <SelectionSummary ids={sel.ids} />;
  if (sel?.type === 'edge') {
    const index = scenario.edges.findIndex((e) => edgeKey(e.from, e.to) === sel.id);
    if (index >= 0) return <EdgeInspector key={sel.id} edge={scenario.edges[index]} index={index} />;
  }
  return <ScenarioInspector scenario={scenario} />;
}
