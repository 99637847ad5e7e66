import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../tests/ui/storeHarness';
import { undo, useStore } from './index';
import { reset } from './runActions';
import { addNode, connect, removeElements, updateNode } from './scenarioActions';
import { isRunnable, nodeProblems } from './scenarioCheck';
import { HELD_TITLE, startScenarioSync } from './scenarioSync';
import type { Scenario } from './types';
import { select } from './uiActions';

let sent: ReturnType<typeof fakeEngine>;
let stop: () => void;
beforeEach(() => {
  resetStore();
  sent = fakeEngine();
  reset(false);
  stop = startScenarioSync();
  sent.length = 0;
});
afterEach(() => stop());

const sc = () => useStore.getState().scenario;
const loads = () => sent.filter((m) => m.type === 'load').map((m) => (m as { scenario: Scenario }).scenario);
type Saga = Extract<Scenario['nodes'][number], { kind: 'saga' }>;

describe('scenario sync', () => {
  it('holds back a saga dropped from the palette: the run goes on, the saga says what it needs', () => {
    const id = addNode('saga', { x: 0, y: 0 })!;
    expect(sc().nodes.some((n) => n.id === id)).toBe(true);
    expect(isRunnable(sc())).toBe(false);
    expect(nodeProblems(sc(), id)).toEqual([{ path: 'steps[0].call', message: 'unknown node "service-to-call"' }]);
    expect(sent).toEqual([]);
    // The saga is selected, so its inspector explains; no notice covers the canvas.
    expect(useStore.getState().ui.notice).toBeNull();

    // Connecting is not enough yet; naming the step's service makes it runnable: one restart.
    expect(connect(id, 'order')).toBeNull();
    expect(sent).toEqual([]);
    const saga = sc().nodes.find((n) => n.id === id) as Saga;
    updateNode(id, { ...saga, steps: [{ call: 'order' }] });
    expect(isRunnable(sc())).toBe(true);
    expect(loads()).toHaveLength(1);
    expect(loads()[0].nodes.some((n) => n.id === id)).toBe(true);
  });

  it('keeps the last runnable scenario for a Reset while the edited one cannot run', () => {
    const before = sc();
    addNode('saga', { x: 0, y: 0 });
    reset(false);
    expect(loads()).toEqual([before]);
  });

  it('needs no restart when the held-back edit is undone', () => {
    addNode('saga', { x: 0, y: 0 });
    undo();
    expect(isRunnable(sc())).toBe(true);
    expect(sent).toEqual([]);
  });

  it('sends edits made while held back once the scenario can run again, live when it can', () => {
    const id = addNode('saga', { x: 0, y: 0 })!;
    const p = sc().nodes.find((n) => n.id === 'product')!;
    updateNode('product', { ...p, instances: 7 } as typeof p);
    expect(sent).toEqual([]);
    removeElements([id], []);
    expect(sent).toEqual([{ type: 'change', change: { type: 'setInstances', node: 'product', instances: 7 } }]);
  });

  it('says so in a notice when the problem is not in the selected node, and takes it back once it runs', () => {
    const id = addNode('saga', { x: 0, y: 0 })!;
    select(null);
    const saga = sc().nodes.find((n) => n.id === id) as Saga;
    updateNode(id, { ...saga, steps: [{ call: 'order' }] });
    expect(useStore.getState().ui.notice).toMatchObject({ tone: 'error', title: HELD_TITLE, lines: [`nodes[12].steps[0].call: no edge ${id}->order: connect "${id}" to "order"`] });
    connect(id, 'order');
    expect(useStore.getState().ui.notice?.title).not.toBe(HELD_TITLE);
    expect(loads()).toHaveLength(1);
  });
});
