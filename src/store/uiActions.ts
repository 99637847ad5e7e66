import { useStore } from './index';
import { savePrefs } from './persistence';
import { connect } from './scenarioActions';
import type { BottomTab, Notice, PanelId, Selection } from './types';

const selectionKey = (s: Selection): string => (s === null ? '' : s.type === 'nodes' ? `nodes:${s.ids.join('\n')}` : `${s.type}:${s.id}`);

export function select(sel: Selection): void {
  // Several nodes are one selection; one node is a plain node selection, none is nothing.
  const next: Selection = sel?.type === 'nodes' && sel.ids.length <= 1 ? (sel.ids.length === 1 ? { type: 'node', id: sel.ids[0] } : null) : sel;
  if (selectionKey(useStore.getState().selection) === selectionKey(next)) return;
  useStore.setState({ selection: next });
}

/** The ids of the selected nodes (none for a call). */
export function selectedNodeIds(sel: Selection): string[] {
  if (sel?.type === 'nodes') return sel.ids;
  return sel?.type === 'node' ? [sel.id] : [];
}

/** Selects every node of the scenario. */
export function selectAllNodes(): void {
  select({ type: 'nodes', ids: useStore.getState().scenario.nodes.map((n) => n.id) });
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

function persistPrefs() {
  const { theme, projector, collapsed } = useStore.getState().ui;
  savePrefs({ theme, projector, collapsed });
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

/** Shows a tab of the bottom panel, unfolding the panel if it was folded. */
export function setBottomTab(tab: BottomTab): void {
  const unfold = useStore.getState().ui.collapsed.bottom;
  if (unfold) togglePanel('bottom');
  useStore.setState((s) => {
    s.ui.bottomTab = tab;
  });
}

export function toggleBottomExpanded(): void {
  useStore.setState((s) => {
    s.ui.bottomExpanded = !s.ui.bottomExpanded;
  });
}

/** Folds or unfolds a panel; the canvas changes size, so the drawing is fitted to it again. */
export function togglePanel(id: PanelId): void {
  useStore.setState((s) => {
    s.ui.collapsed[id] = !s.ui.collapsed[id];
    s.ui.fitRequest += 1;
  });
  persistPrefs();
}

export function requestFit(): void {
  useStore.setState((s) => {
    s.ui.fitRequest += 1;
  });
}
