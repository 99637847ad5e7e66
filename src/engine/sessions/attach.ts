import { kindOf } from '../kinds';
import type { Scenario } from '../model';
import { addInstanceHooks } from '../runtime/stations';
import type { World } from '../runtime/world';
import { routeThroughStore } from './store';
import { StickySessions } from './sticky';

/**
 * Wires the `sessions` setting of nodes that keep sessions (services) into a built world: `sticky` installs the sticky
 * picker and loses sessions when an instance goes down; `store` makes every request read the
 * session store first; `none` changes nothing (and costs nothing per request).
 */
export function attachSessions(w: World, scenario: Scenario): void {
  scenario.nodes.forEach((node, index) => {
    const settings = kindOf(node.kind)?.sessions?.(node);
    if (!settings) return;
    const n = w.nodes[index];
    if (settings.mode === 'sticky') {
      const sticky = new StickySessions();
      n.sessions = sticky;
      n.refreshPlain();
      addInstanceHooks(n, { down: (world, node, i) => sticky.lose(world, node, i) });
    } else if (settings.mode === 'store' && settings.store !== undefined) {
      routeThroughStore(w, n, settings.store);
    }
  });
}
