import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../tests/ui/storeHarness';
import { undo, useStore } from './index';
import { addNode, connect, moveNodes, removeElements } from './scenarioActions';

beforeEach(() => {
  resetStore();
  fakeEngine();
});

const sc = () => useStore.getState().scenario;

describe('scenario edits', () => {
  it('connects by the kinds rules and refuses what cannot run', () => {
    expect(connect('product-db', 'product')).toMatch(/database makes no calls/);
    expect(connect('product', 'shoppers')).toMatch(/cannot be called/);
    expect(connect('product', 'product')).toMatch(/itself/);
    expect(connect('payment', 'order')).toMatch(/call cycle/);
    expect(connect('order', 'payment')).toMatch(/already calls/);
    expect(connect('product', 'auth')).toBeNull();
    expect(sc().edges.some((e) => e.from === 'product' && e.to === 'auth')).toBe(true);
  });

  it('removes a node with its edges and the gateway routes to it', () => {
    removeElements(['auth'], []);
    expect(sc().nodes.some((n) => n.id === 'auth')).toBe(false);
    expect(sc().edges.some((e) => e.from === 'auth' || e.to === 'auth')).toBe(false);
    const gw = sc().nodes.find((n) => n.id === 'gateway');
    expect(gw?.kind === 'gateway' && gw.routes.map((r) => r.to)).toEqual(['product', 'order']);
  });

  it('makes each edit one undo step, moves included', () => {
    const id = addNode('queue', { x: 10.4, y: 20.6 });
    expect(sc().nodes.find((n) => n.id === id)?.position).toEqual({ x: 10, y: 21 });
    moveNodes({ [id!]: { x: 100, y: 100 } });
    undo();
    expect(sc().nodes.find((n) => n.id === id)?.position).toEqual({ x: 10, y: 21 });
    undo();
    expect(sc().nodes.some((n) => n.id === id)).toBe(false);
  });
});
