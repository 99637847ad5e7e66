/**
 * The scenario parser's verdict on the scenario being edited, worked out once per version:
 * immer keeps the scenario object while nothing in it changes, so the sync, the inspector
 * and every node on the canvas can ask as often as they like.
 */
import { parseScenario, type ParseResult } from '../scenario/parse';
import { problemsUnder, type ScenarioProblem } from '../scenario/problems';
import type { Scenario } from './types';

const verdicts = new WeakMap<Scenario, { result: ParseResult; nodesWithProblems: ReadonlySet<string> }>();
const NODE_PATH = /^nodes\[(\d+)\]/;

function verdict(s: Scenario) {
  let v = verdicts.get(s);
  if (!v) {
    const result = parseScenario(s);
    const ids = new Set<string>();
    if (!result.ok) {
      for (const p of result.problems) {
        const m = NODE_PATH.exec(p.path);
        const id = m ? s.nodes[Number(m[1])]?.id : undefined;
        if (id !== undefined) ids.add(id);
      }
    }
    v = { result, nodesWithProblems: ids };
    verdicts.set(s, v);
  }
  return v;
}

export function checkScenario(s: Scenario): ParseResult {
  return verdict(s).result;
}

/** Whether the scenario can run as it is (schema and cross-checks). */
export const isRunnable = (s: Scenario): boolean => verdict(s).result.ok;

/** Whether something in this node keeps the scenario from running. */
export const nodeHasProblems = (s: Scenario, id: string): boolean => verdict(s).nodesWithProblems.has(id);

/** The problems inside one node, with paths relative to it ("steps[0].call"). */
export function nodeProblems(s: Scenario, id: string): ScenarioProblem[] {
  const r = verdict(s).result;
  const index = s.nodes.findIndex((n) => n.id === id);
  if (r.ok || index < 0) return [];
  return problemsUnder(r.problems, `nodes[${index}]`);
}
