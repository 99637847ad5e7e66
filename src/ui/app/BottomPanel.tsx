import { useStore } from '../../store';
import type { BottomTab } from '../../store/types';
import { setBottomTab, toggleBottomExpanded } from '../../store/uiActions';
import { Tabs } from '../common/Tabs';
import { EventLog } from '../panels/events/EventLog';
import { LoadPanel } from '../panels/load/LoadPanel';
import { TracePanel } from './lazyPanels';

const selectTab = (s: { ui: { bottomTab: BottomTab } }) => s.ui.bottomTab;
const selectExpanded = (s: { ui: { bottomExpanded: boolean } }) => s.ui.bottomExpanded;
const selectEventCount = (s: { run: { events: unknown[] } }) => s.run.events.length;
const selectFaultCount = (s: { run: { faults: unknown[] } }) => s.run.faults.length;

export function BottomPanel() {
  const tab = useStore(selectTab);
  const expanded = useStore(selectExpanded);
  const events = useStore(selectEventCount);
  const faults = useStore(selectFaultCount);
  const tabs = [
    { id: 'load' as const, label: `Load & chaos${faults ? ` (${faults})` : ''}` },
    { id: 'events' as const, label: `Events${events ? ` (${events})` : ''}` },
    { id: 'traces' as const, label: 'Traces' },
  ];
  return (
    <section className={`mc-bottom${expanded ? ' is-expanded' : ''}`} aria-label="Load, events and traces">
      <Tabs tabs={tabs} active={tab} onChange={setBottomTab} label="Bottom panel"
        extra={<button type="button" className="mc-btn mc-btn--small" onClick={toggleBottomExpanded} aria-pressed={expanded} aria-label="Taller panel">{expanded ? '▾ smaller' : '▴ taller'}</button>}>
        {tab === 'load' && <LoadPanel />}
        {tab === 'events' && <EventLog />}
        {tab === 'traces' && <TracePanel />}
      </Tabs>
    </section>
  );
}
