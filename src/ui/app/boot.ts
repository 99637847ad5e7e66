/**
 * Start-up: pick the first scenario (a shared link, else the autosave, else the built-in
 * one), start the engine worker, and keep the worker and the autosave in step with edits.
 */
import { clearHistory, useStore } from '../../store';
import { attachEngine, nextRunGen, onWorkerMessage, send, setRunTap } from '../../store/engineBridge';
import { attachLessonWorker } from '../../store/lessonBridge';
import { startLessonSync } from '../../store/lessonSync';
import { autosave, hasSharedScenario, loadPrefs, problemLines, restoreAutosave, scenarioFromHash } from '../../store/persistence';
import { reset } from '../../store/runActions';
import { isRunnable } from '../../store/scenarioCheck';
import { startScenarioSync } from '../../store/scenarioSync';
import { showNotice } from '../../store/uiActions';
import type { Notice, Scenario } from '../../store/types';
import { createEngineClient } from '../../worker/engineClient';
import { createLessonClient } from '../../worker/lessonClient';
import { withLayout } from '../canvas/autoLayout';
import { openScenario } from '../persistence/openScenario';
import { PRESETS } from '../persistence/presets';
import { startLessonLinks } from '../lessons/lessonCommands';

/** The replay timeline's history keeper loads after the first screen (the first-load budget). */
const startReplay = () => import('../panels/replay').then((m) => m.startReplay({ send, nextRunGen, setRunTap }));

/** The preset a first visit opens when the repository ships it; else the built-in shop. */
export const DEFAULT_PRESET = 'ecommerce';

const AUTOSAVE_DELAY_MS = 400;

async function initialScenario(): Promise<{ scenario: Scenario | null; notice: Notice | null }> {
  const fromLink = scenarioFromHash(location.hash);
  if (fromLink?.ok) return { scenario: await withLayout(fromLink.scenario), notice: null };
  const saved = restoreAutosave();
  const preset = saved?.ok ? undefined : await PRESETS.find((p) => p.id === DEFAULT_PRESET)?.load();
  const fallback = saved?.ok ? await withLayout(saved.scenario) : preset?.ok ? await withLayout(preset.scenario) : null;
  if (fromLink && !fromLink.ok) {
    return { scenario: fallback, notice: { tone: 'error', title: `The shared link was not loaded: ${saved?.ok ? 'your last scenario' : 'the default scenario'} is open instead`, lines: problemLines(fromLink) } };
  }
  return { scenario: fallback, notice: null };
}

/**
 * A link's scenario is opened once; then the address drops it, so that a reload after later
 * edits restores the autosave rather than the (by then stale) shared scenario.
 */
function forgetSharedLink(): void {
  if (hasSharedScenario(location.hash)) history.replaceState(null, '', location.pathname + location.search);
}

/**
 * A link pasted into the address bar of a tab that already shows the playground changes only
 * the hash, and the page is not loaded again: it opens the link's scenario then, as a first
 * visit would (or refuses it with the same kind of message), as an undoable step, so the
 * scenario it replaces is one Undo away.
 */
export function openLinksPastedLater(): () => void {
  const onHashChange = () => {
    const result = scenarioFromHash(location.hash);
    if (!result) return;
    forgetSharedLink();
    void openScenario(result, 'The shared link').then((opened) => {
      if (!opened || useStore.getState().ui.notice) return;
      showNotice({ tone: 'info', title: `Opened the linked scenario "${useStore.getState().scenario.name}"`, lines: ['The scenario you had is one Undo away (Ctrl+Z).'] });
    });
  };
  addEventListener('hashchange', onHashChange);
  return () => removeEventListener('hashchange', onHashChange);
}

/**
 * Saves the scenario for the next visit when it can run: one that cannot (a saga not yet
 * connected) would not open again after a reload, so the last runnable version stays saved.
 */
function saveRunnable(): void {
  const s = useStore.getState().scenario;
  if (isRunnable(s)) autosave(s);
}

export async function boot(): Promise<void> {
  const prefs = loadPrefs();
  const { scenario, notice } = await initialScenario();
  forgetSharedLink();
  useStore.setState((s) => {
    if (scenario) s.scenario = scenario;
    if (prefs.theme) s.ui.theme = prefs.theme;
    if (prefs.projector) s.ui.projector = true;
    Object.assign(s.ui.collapsed, prefs.collapsed);
  });
  showNotice(notice);
  clearHistory();
  attachEngine(createEngineClient(onWorkerMessage));
  reset(false);
  void startReplay();
  startScenarioSync();
  attachLessonWorker(createLessonClient());
  startLessonSync();
  void startLessonLinks();
  let timer: ReturnType<typeof setTimeout> | undefined;
  useStore.subscribe((st, prev) => {
    if (st.scenario === prev.scenario) return;
    clearTimeout(timer);
    timer = setTimeout(saveRunnable, AUTOSAVE_DELAY_MS);
    forgetSharedLink();
  });
  // A reload must lose nothing, even an edit made in the last few hundred ms.
  addEventListener('pagehide', saveRunnable);
  openLinksPastedLater();
}
