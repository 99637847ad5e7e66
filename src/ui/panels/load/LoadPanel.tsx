import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../store';
import { selectClientIds } from '../../../store/selectors';
import type { AppState } from '../../../store/types';
import { ChaosMonkey } from './ChaosMonkey';
import { ClientLoad } from './ClientLoad';
import { FaultList } from './FaultList';

/** A client's open-loop rate, or null for closed-loop users. */
const rpsOf = (id: string) => (s: AppState) => {
  const n = s.scenario.nodes.find((x) => x.id === id);
  return n && 'load' in n && 'rps' in n.load ? n.load.rps : null;
};

function ClientRow({ id }: { id: string }) {
  const rps = useStore(rpsOf(id));
  if (rps === null) return <p className="mc-muted">{id}: closed-loop users (edit them in the inspector)</p>;
  return <ClientLoad id={id} rps={rps} />;
}

export function LoadPanel() {
  const ids = useStore(useShallow(selectClientIds));
  return (
    <div className="mc-loadpanel">
      <section aria-label="Load" className="mc-loadpanel__col">
        <h3 className="mc-h">Load</h3>
        {ids.length === 0 && <p className="mc-muted">No clients: add one from the palette.</p>}
        {ids.map((id) => <ClientRow key={id} id={id} />)}
      </section>
      <section aria-label="Chaos" className="mc-loadpanel__col">
        <h3 className="mc-h">Active faults</h3>
        <FaultList />
        <ChaosMonkey />
      </section>
    </div>
  );
}
