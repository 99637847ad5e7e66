import { describe, expect, it } from 'vitest';
import { INST_GONE, INST_READY } from '../runtime/codes';
import { buildWorld } from '../runtime/build';
import { startWorld } from '../runtime/start';
import { J_ROOT } from '../runtime/jobStates';
import { crashInstance, restartInstance } from '../runtime/stations';
import type { World } from '../runtime/world';
import { parseScenarioOrThrow } from '../../scenario/parse';
import { DEFAULT_SESSION_USERS, mix32, rootOf, StickySessions, userOf } from './sticky';

function world(load: Record<string, unknown>): World {
  const scenario = parseScenarioOrThrow({
    version: 1, name: 'sticky', seed: 1,
    nodes: [
      { id: 'users', kind: 'client', load },
      { id: 'web', kind: 'service', instances: 3, sessions: 'sticky' },
    ],
    edges: [{ from: 'users', to: 'web' }],
  });
  const w = buildWorld(scenario, 1);
  startWorld(w, 0);
  return w;
}

/** A request tree as the engine makes one: a root at the client and its call at the service. */
function request(w: World): { root: number; call: number } {
  const jobs = w.jobs;
  const root = jobs.alloc();
  jobs.state[root] = J_ROOT;
  jobs.node[root] = 0;
  jobs.parent[root] = -1;
  jobs.client[root] = 0;
  const call = jobs.alloc();
  jobs.node[call] = 1;
  jobs.parent[call] = root;
  jobs.parentGen[call] = jobs.gen[root];
  jobs.client[call] = 0;
  return { root, call };
}

function done(w: World, r: { root: number; call: number }): void {
  w.jobs.release(r.call);
  w.jobs.release(r.root);
}

describe('users of a request', () => {
  it('the root of a call tree is the client request, however deep', () => {
    const w = world({ rps: 10 });
    const { root, call } = request(w);
    const deeper = w.jobs.alloc();
    w.jobs.parent[deeper] = call;
    w.jobs.parentGen[deeper] = w.jobs.gen[call];
    expect(rootOf(w.jobs, deeper)).toBe(root);
    // A parent slot that was freed and reused is not followed.
    w.jobs.release(root);
    expect(rootOf(w.jobs, call)).toBe(call);
  });

  it('mix32 spreads consecutive keys evenly over users', () => {
    const counts = new Array(10).fill(0);
    for (let slot = 0; slot < 100; slot++) for (let gen = 0; gen < 100; gen++) counts[mix32(slot, gen) % 10]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });

  it('open-loop clients have the default population; closed-loop ones their users', () => {
    const open = world({ rps: 10 });
    const closed = world({ users: 7 });
    const seen = (w: World) => {
      const users = new Set<number>();
      for (let k = 0; k < 20_000; k++) {
        const r = request(w);
        (w.nodes[1].sessions as StickySessions).pick(w, w.nodes[1], r.call);
        const u = w.jobs.aux2[r.call];
        // The user is a function of the request tree alone, kept in aux2.
        expect(userOf(w.jobs, r.call, w.nodes[0].client!.open ? DEFAULT_SESSION_USERS : 7)).toBe(u);
        users.add(u);
        done(w, r);
      }
      return users;
    };
    expect(seen(open).size).toBe(DEFAULT_SESSION_USERS);
    expect(seen(closed).size).toBe(7);
  });
});

describe('the sticky picker', () => {
  it('sends each user to one instance, spreads users over instances, and re-pins only the users of a dead one', () => {
    const w = world({ users: 300 });
    const n = w.nodes[1];
    const sticky = n.sessions as StickySessions;
    const pickAll = () => {
      const where = new Map<number, Set<number>>();
      for (let k = 0; k < 6000; k++) {
        const r = request(w);
        const i = sticky.pick(w, n, r.call);
        const u = w.jobs.aux2[r.call];
        if (!where.has(u)) where.set(u, new Set());
        where.get(u)!.add(i);
        done(w, r);
      }
      return where;
    };
    const before = pickAll();
    expect(before.size).toBe(300);
    for (const s of before.values()) expect(s.size).toBe(1);
    const perInstance = [0, 1, 2].map((i) => [...before.values()].filter((s) => s.has(i)).length);
    for (const c of perInstance) expect(c).toBe(100); // round-robin over new users
    expect([0, 1, 2].map((i) => sticky.heldBy(i))).toEqual(perInstance);

    crashInstance(w, n, 1);
    expect(sticky.lost).toBe(perInstance[1]);
    const after = pickAll();
    for (const [u, s] of after) {
      const was = [...before.get(u)!][0];
      expect(s.size).toBe(1);
      if (was !== 1) expect(s).toEqual(new Set([was]));
      else expect(s.has(1)).toBe(false);
    }
    // Back up: it gets no old users, and nothing more is lost.
    restartInstance(w, n, 1);
    expect(n.instances[1].state).toBe(INST_READY);
    pickAll();
    expect(sticky.heldBy(1)).toBe(0);
    expect(sticky.lost).toBe(perInstance[1]);
  });

  it('loses the sessions of an instance found down before its down hook ran, at the next pick', () => {
    const w = world({ users: 30 });
    const n = w.nodes[1];
    const sticky = n.sessions as StickySessions;
    for (let k = 0; k < 600; k++) {
      const r = request(w);
      sticky.pick(w, n, r.call);
      done(w, r);
    }
    const held = sticky.heldBy(2);
    expect(held).toBe(10);
    n.instances[2].state = INST_GONE; // as a scale-in leaves it, with no hook called
    n.readyCount--;
    for (let k = 0; k < 600; k++) {
      const r = request(w);
      expect(sticky.pick(w, n, r.call)).not.toBe(2);
      done(w, r);
    }
    expect(sticky.lost).toBe(held);
    expect(sticky.heldBy(2)).toBe(0);
  });
});
