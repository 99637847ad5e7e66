import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useLayoutEffect } from 'react';
import { useStore } from '../../store';
import { selectProjector, selectTheme } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { Canvas } from '../canvas/Canvas';
import { useShortcuts } from '../commands/useShortcuts';
import { Notice } from '../common/Notice';
import { LessonPanel } from '../lessons/LessonPanelSlot';
import { CourseDialog } from './lazyPanels';
import { Palette } from '../palette/Palette';
import { Presenter } from '../present/lazy';
import { selectPresenting, usePresent } from '../present/presentState';
import { RunSummary } from '../panels/summary/RunSummary';
import { Toolbar } from '../toolbar/Toolbar';
import { BottomPanel } from './BottomPanel';
import { SidePanel } from './SidePanel';

const selectCollapsed = (s: AppState) => s.ui.collapsed;

/**
 * The theme and projector mode as attributes of the page, for the style sheets. Rendered
 * before everything else so its layout effect runs first: the toolbar, which measures what
 * fits, and the canvas, which measures its nodes, must see the type of the mode chosen.
 */
function PageAttributes() {
  const theme = useStore(selectTheme);
  const projector = useStore(selectProjector);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.projector = projector ? 'on' : 'off';
  }, [theme, projector]);
  return null;
}

/** One screen: toolbar on top, palette | canvas | inspector and dashboard, tabs under the canvas. */
export function AppShell() {
  const collapsed = useStore(selectCollapsed);
  const presenting = usePresent(selectPresenting);
  useShortcuts();
  // The moving dashes on the edges stand still while the run does. A subscription, not a
  // selector: the shell does not re-render on Play and Pause.
  useEffect(() => {
    const root = document.documentElement;
    const mark = (status: string) => {
      const v = status === 'running' ? 'running' : 'stopped';
      if (root.dataset.run !== v) root.dataset.run = v;
    };
    mark(useStore.getState().run.status);
    return useStore.subscribe((s) => mark(s.run.status));
  }, []);
  if (presenting) {
    return (
      <ReactFlowProvider>
        <PageAttributes />
        <Presenter />
      </ReactFlowProvider>
    );
  }
  return (
    <ReactFlowProvider>
      <PageAttributes />
      <div className="mc-app">
        <Toolbar />
        <Notice />
        <RunSummary />
        <main className="mc-main" data-palette={collapsed.palette ? 'folded' : 'open'} data-side={collapsed.inspector && collapsed.dashboard ? 'folded' : 'open'}>
          <Palette />
          <LessonPanel />
          <div className="mc-centre">
            <Canvas />
            <BottomPanel />
          </div>
          <SidePanel />
        </main>
        <CourseDialog />
      </div>
    </ReactFlowProvider>
  );
}
