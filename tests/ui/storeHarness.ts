/** Helpers for component and store tests: a fresh store and a fake engine that records commands. */
import { vi } from 'vitest';
import { clearHistory, useStore } from '../../src/store';
import { defaultScenario } from '../../src/store/defaultScenario';
import { attachEngine } from '../../src/store/engineBridge';
import { initialLesson } from '../../src/store/lessonSlice';
import { initialRun } from '../../src/store/runSlice';
import { initialUi } from '../../src/store/uiSlice';
import type { ToWorker } from '../../src/worker/protocol';

export function resetStore(): void {
  useStore.setState({ scenario: defaultScenario(), run: initialRun(), selection: null, ui: initialUi(), lesson: initialLesson() });
  clearHistory();
}

/** Attaches a fake engine; returns the list of commands the page sends it. */
export function fakeEngine(): ToWorker[] {
  const sent: ToWorker[] = [];
  attachEngine({ send: vi.fn((m: ToWorker) => void sent.push(m)), terminate: vi.fn() });
  return sent;
}
