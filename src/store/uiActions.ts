import { useStore } from './index';
import { savePrefs } from './persistence';
import { connect, removeElements } from './scenarioActions';
import type { BottomTab, Notice, Selection } from './types';

export function select(sel: Selection): void {
  const cur = useStore.getState().selection;
  if (cur?.type === sel?.type && cur?.id === sel?.id) return;
  useStore.setState({ selection: sel });
}

export function showNotice(notice: Notice | null): void {
  useStore.setState((s) => {
    s.ui.notice = notice;
  });
}

/** Connects from → to, or says in a notice why it may not. */
export function connectOrExplain(from: string, to: string): void {
  const problem = connect(from, to);
  if (problem) showNotice({ tone: 'error', title: 'Cannot connect', lines: [problem] });
}

/** Removes nodes and edges, or says in a notice why it may not. */
export function removeOrExplain(nodeIds: readonly string[], edgeKeys: readonly string[]): void {
  const problem = removeElements(nodeIds, edgeKeys);
  if (problem) showNotice({ tone: 'error', title: 'Cannot delete', lines: [problem] });
}

function persistPrefs() {
  const { theme, projector } = useStore.getState().ui;
  savePrefs({ theme, projector });
}

export function toggleTheme(): void {
  useStore.setState((s) => {
    s.ui.theme = s.ui.theme === 'dark' ? 'light' : 'dark';
  });
  persistPrefs();
}

export function toggleProjector(): void {
  useStore.setState((s) => {
    s.ui.projector = !s.ui.projector;
    // The canvas changes size with the type: fit the drawing to it again.
    s.ui.fitRequest += 1;
  });
  persistPrefs();
}

export function setBottomTab(tab: BottomTab): void {
  useStore.setState((s) => {
    s.ui.bottomTab = tab;
  });
}

export function toggleBottomExpanded(): void {
  useStore.setState((s) => {
    s.ui.bottomExpanded = !s.ui.bottomExpanded;
  });
}

export function requestFit(): void {
  useStore.setState((s) => {
    s.ui.fitRequest += 1;
  });
}
