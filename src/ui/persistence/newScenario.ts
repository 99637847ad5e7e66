import { parseScenarioOrThrow } from '../../scenario/parse';
import { reset } from '../../store/runActions';
import { replaceScenario } from '../../store/scenarioActions';
import { withoutSync } from '../../store/scenarioSync';
import { showNotice } from '../../store/uiActions';

/** An empty canvas that runs for an hour, as the built-in shop does, so a drawing has time to play. */
export const NEW_SCENARIO = { version: 1, name: 'New scenario', seed: 1, durationMs: 3_600_000, nodes: [] };

/** Replaces the scenario with an empty one (an undoable step) and starts a fresh run. */
export function newScenario(): void {
  withoutSync(() => replaceScenario(parseScenarioOrThrow(NEW_SCENARIO)));
  reset(false);
  showNotice(null);
}
