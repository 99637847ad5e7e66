import { describe, expect, it } from 'vitest';
import type { ReplayFrame } from './protocol';
import { FramePacker, ShapeBook } from './framePack';

const frame = (tMs: number, state: 'ready' | 'crashed', busy: number): ReplayFrame => ({
  tMs,
  clients: { users: { rps: 49.8, errorRate: 0.015, p99Ms: 120.5, lastSecondAllFailed: false, sent: 431_000, ok: 430_990, failed: 10 } },
  nodes: {
    api: { arrivalsPerS: 50, throughputPerS: 49.5, errorRate: 0, ownErrorRate: 0, p99Ms: 33.25, utilization: 0.5, queueLength: 0, replicas: 2, readyReplicas: 2, workers: 4,
      instances: [{ state, busy, queued: 0, workers: 2 }, { state: 'ready', busy: 1, queued: 3, workers: 2 }], extra: { costPerHour: 0.123456, mode: 'normal' } },
  },
  edges: { 'users->api': { callsPerS: 50, errorRate: 0, p99Ms: 33.25, breaker: 'CLOSED' } },
});

describe('packed frames', () => {
  it('give back exactly the frame packed', () => {
    const packer = new FramePacker();
    const book = new ShapeBook();
    const f = frame(7000, 'crashed', 2);
    const p = packer.pack(f);
    book.add(packer.takeNewShapes());
    expect(book.unpack(p)).toEqual(f);
  });

  it('send each layout once, shared by the frames that have it, their numbers kept apart', () => {
    const packer = new FramePacker();
    const book = new ShapeBook();
    const a = packer.pack(frame(1000, 'ready', 1));
    const b = packer.pack(frame(2000, 'ready', 2));
    expect(packer.takeNewShapes()).toHaveLength(1);
    const c = packer.pack(frame(3000, 'crashed', 2));
    const d = packer.pack(frame(4000, 'ready', 3));
    const fresh = packer.takeNewShapes();
    expect(fresh).toHaveLength(1);
    book.add(fresh);
    expect(a.shape).toBe(b.shape);
    expect(d.shape).toBe(a.shape);
    expect(c.shape).not.toBe(a.shape);
    expect(() => book.unpack(a)).toThrow(/unknown layout/);
    expect(book.unpack(c).nodes.api.instances[0].state).toBe('crashed');
    packer.clear();
    packer.pack(frame(1000, 'ready', 1));
    expect(packer.takeNewShapes()).toHaveLength(1);
  });
});
