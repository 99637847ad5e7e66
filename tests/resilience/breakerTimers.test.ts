import { describe, expect, it } from 'vitest';
import { runUntil } from '../../src/engine/core/loop';
import { buildWorld } from '../../src/engine/runtime/build';
import { startWorld } from '../../src/engine/runtime/start';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

/**
 * A breaker with automatic OPEN -> HALF_OPEN and a half-open time limit changes state by
 * itself, on timers. Each state must arm one timer: a breaker that cycles for a minute must
 * not leave a growing pile of copies on the agenda (each copy used to arm another).
 */
describe('breaker timers', () => {
  it('one pending timer per state, however many transitions', () => {
    const scenario = parseScenarioOrThrow({
      version: 1, name: 'cycling breaker', seed: 1, durationMs: 60_000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 1 } },
        { id: 'api', kind: 'service', concurrency: 50, serviceTimeMs: 2 },
        { id: 'back', kind: 'service', concurrency: 50, serviceTimeMs: 5 },
      ],
      edges: [
        { from: 'users', to: 'api' },
        {
          from: 'api', to: 'back',
          circuitBreaker: {
            slidingWindowSize: 5, minimumNumberOfCalls: 2, waitDurationInOpenStateMs: 1000, maxWaitDurationInHalfOpenStateMs: 500,
            permittedNumberOfCallsInHalfOpenState: 100, automaticTransitionFromOpenToHalfOpenEnabled: true,
          },
        },
      ],
      faults: [{ kind: 'error', target: 'back', rate: 1, atMs: 1000, durationMs: 100_000 }],
    });
    const w = buildWorld(scenario, 1);
    startWorld(w, 0);
    runUntil(w, w.dispatch, 60_000);
    // OPEN (1 s) and HALF_OPEN (0.5 s) alternate for most of the minute.
    expect(w.edges[1].transitions.length).toBeGreaterThan(60);
    // Left on the agenda: the next arrival, tick and fault end, and at most the breaker's
    // current timer plus one that outlived its state.
    expect(w.q.size).toBeLessThanOrEqual(6);
    // Timer events are about one per transition (arrivals 1/s make 4 events each, ticks 1/s).
    expect(w.events).toBeLessThan(60 * 6 + 2 * w.edges[1].transitions.length);
  });
});
