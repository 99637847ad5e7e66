import type { ParseResult } from '../../scenario/parse';
import { problemLines } from '../../store/persistence';
import { reset } from '../../store/runActions';
import { replaceScenario } from '../../store/scenarioActions';
import { withoutSync } from '../../store/scenarioSync';
import { showNotice } from '../../store/uiActions';
import { withLayout } from '../canvas/autoLayout';

/**
 * Opens a parsed scenario (file, link, preset): on success it replaces the one being edited
 * (an undoable step) and starts a fresh run; on failure it says what is wrong, where, and
 * leaves everything as it was.
 */
export async function openScenario(result: ParseResult, source: string): Promise<boolean> {
  if (!result.ok) {
    showNotice({ tone: 'error', title: `${source} was not loaded: the current scenario is unchanged`, lines: problemLines(result) });
    return false;
  }
  const laid = await withLayout(result.scenario);
  withoutSync(() => replaceScenario(laid));
  reset(false);
  showNotice(result.warnings.length > 0 ? { tone: 'info', title: `Loaded "${laid.name}" with warnings`, lines: result.warnings } : null);
  return true;
}
