import { useStore } from '../../store';
import type { AppState } from '../../store/types';
import { PanelHeading } from '../common/PanelHeading';
import { useCompareMode } from '../../store/compareMode';
import { ComparePanel, Dashboard, ReplayTimeline } from './lazyPanels';
import { CompareBadgeLayer } from '../canvas/CompareBadgeLayer';
import { StoryPanel } from '../guide/StoryPanel';
import { Inspector } from '../panels/inspector/Inspector';

const selectCollapsed = (s: AppState) => s.ui.collapsed;

/**
 * Inspector above, dashboard below, each scrolling on its own. Either folds into its heading
 * (the other takes the height); with both folded the column becomes a narrow strip. A folded
 * panel is not rendered, so folded charts cost nothing while a run plays.
 */
export function SidePanel() {
  const { inspector, dashboard } = useStore(selectCollapsed);
  // In Compare mode the inspector edits B and the dashboard gives way to the comparison.
  const comparing = useCompareMode((s) => s.on);
  const fold = inspector && dashboard ? 'all' : inspector ? 'inspector' : dashboard ? 'dashboard' : 'none';
  return (
    <aside className="mc-side" data-fold={fold} aria-label="Inspector and dashboard">
      <StoryPanel />
      {comparing && <CompareBadgeLayer />}
      <section className="mc-side__inspector" aria-labelledby="mc-inspector-title">
        <PanelHeading panel="inspector" title={comparing ? 'Inspector · editing B' : 'Inspector'} headingId="mc-inspector-title" bodyId="mc-inspector-body" folds="up" />
        <div id="mc-inspector-body" hidden={inspector}>{!inspector && <Inspector />}</div>
      </section>
      <section className="mc-side__dashboard" aria-labelledby="mc-dashboard-title">
        <PanelHeading panel="dashboard" title={comparing ? 'Compare A / B' : 'Dashboard'} headingId="mc-dashboard-title" bodyId="mc-dashboard-body" folds="up" />
        <div id="mc-dashboard-body" hidden={dashboard}>{!dashboard && (comparing ? <ComparePanel /> : <Dashboard />)}</div>
      </section>
      {/* In Compare mode the timeline replays B, with A beside it on the charts. */}
      {fold !== 'all' && <ReplayTimeline />}
    </aside>
  );
}
