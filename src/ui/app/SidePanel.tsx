import { Dashboard } from './lazyPanels';
import { StoryPanel } from '../guide/StoryPanel';
import { Inspector } from '../panels/inspector/Inspector';

/** Inspector above, dashboard below: both visible on the default layout, each scrolling on its own. */
export function SidePanel() {
  return (
    <aside className="mc-side" aria-label="Inspector and dashboard">
      <StoryPanel />
      <section className="mc-side__inspector" aria-labelledby="mc-inspector-title">
        <h2 id="mc-inspector-title" className="mc-panel-title">Inspector</h2>
        <Inspector />
      </section>
      <section className="mc-side__dashboard" aria-labelledby="mc-dashboard-title">
        <h2 id="mc-dashboard-title" className="mc-panel-title">Dashboard</h2>
        <Dashboard />
      </section>
    </aside>
  );
}
