import { useStore } from '../../store';
import type { AppState } from '../../store/types';
import { setBottomTab, toggleBottomExpanded, togglePanel } from '../../store/uiActions';
import { ChevronIcon } from '../common/icons';
import { Tabs } from '../common/Tabs';
import { EventLog } from '../panels/events/EventLog';
import { LoadPanel } from '../panels/load/LoadPanel';
import { SweepPanel, TracePanel } from './lazyPanels';

const selectTab = (s: AppState) => s.ui.bottomTab;
const selectExpanded = (s: AppState) => s.ui.bottomExpanded;
const selectFolded = (s: AppState) => s.ui.collapsed.bottom;
const selectEventCount = (s: AppState) => s.run.events.length;
const selectFaultCount = (s: AppState) => s.run.faults.length;

/** Load, events and traces under the canvas; it folds down to its tabs (a tab unfolds it). */
export function BottomPanel() {
  const tab = useStore(selectTab);
  const expanded = useStore(selectExpanded);
  const folded = useStore(selectFolded);
  const events = useStore(selectEventCount);
  const faults = useStore(selectFaultCount);
  const tabs = [
    { id: 'load' as const, label: `Load & chaos${faults ? ` (${faults})` : ''}` },
    { id: 'events' as const, label: `Events${events ? ` (${events})` : ''}` },
    { id: 'traces' as const, label: 'Traces' },
    { id: 'sweep' as const, label: 'Sweep' },
  ];
  const extra = (
    <div className="mc-group">
      {!folded && <button type="button" className="mc-btn mc-btn--small" onClick={toggleBottomExpanded} aria-pressed={expanded} aria-label="Taller panel">{expanded ? '▾ smaller' : '▴ taller'}</button>}
      <button type="button" className="mc-btn mc-btn--small" onClick={() => togglePanel('bottom')} aria-expanded={!folded} aria-controls="mc-bottom-panel"
        aria-label="Load, events and traces" title={folded ? 'Show the load, events and traces' : 'Fold the panel away (more room for the canvas)'}>
        <ChevronIcon dir={folded ? 'up' : 'down'} />
      </button>
    </div>
  );
  return (
    <section className={`mc-bottom${expanded && !folded ? ' is-expanded' : ''}${folded ? ' is-folded' : ''}`} aria-label="Load, events and traces">
      <Tabs tabs={tabs} active={tab} onChange={setBottomTab} label="Bottom panel" extra={extra} panelId="mc-bottom" folded={folded}>
        {!folded && tab === 'load' && <LoadPanel />}
        {!folded && tab === 'events' && <EventLog />}
        {!folded && tab === 'traces' && <TracePanel />}
        {!folded && tab === 'sweep' && <SweepPanel />}
      </Tabs>
    </section>
  );
}
