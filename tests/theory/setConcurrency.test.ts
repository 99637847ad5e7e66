import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';
import { measuredMs } from '../helpers/theory';
import { exp, station } from '../helpers/theoryScenarios';

/**
 * a live `setConcurrency` change does not take effect on an instance that has
 * requests waiting.
 *
 * - Decrease (4 → 1 workers) with a backlog: `releaseWorker` (src/engine/runtime/stations.ts,
 *   "if (inst.queue.length > 0 && inst.state !== INST_CRASHED)") hands the freed worker to the
 *   next waiting request without checking `inst.busy < inst.workers`, so the instance keeps
 *   serving 4 requests at once for as long as its room is non-empty: throughput stays at 4μ and
 *   the report's utilization (busy / capacity, capacity now 1 worker) is ≈ 4, above its 0..1
 *   contract.
 * - Increase (1 → 4 workers) with a backlog: the `setConcurrency` case of `apply`
 *   (src/engine/simulation.ts) only raises `inst.workers` and the capacity and calls
 *   `notifyCapacity` (pull listeners); nothing starts the waiting requests on the new workers.
 *   Three workers stay idle while thousands wait, until new arrivals take them (`arrive`: busy
 *   < workers → start), jumping ahead of the whole FIFO room.
 *
 * Fix: after changing `inst.workers`, start waiting requests while `busy < workers`; in
 * `releaseWorker`, start the next waiting request only if `inst.busy < inst.workers`.
 * When fixed, turn the `it.fails` below into `it`.
 */

// One instance, exponential service of mean 20 ms (μ = 50/s per worker), 250 rps: overloaded
// with 4 workers (capacity 200/s) too, so the backlog never clears and the effect persists.
const SCENARIO = station({ rps: 250, service: exp(20), concurrency: 4 });
const CHANGE_MS = 60_000;
const END_MS = 160_000;

function runWithChange(from: number, to: number | null) {
  const scenario = parseScenarioOrThrow({ ...SCENARIO, nodes: [(SCENARIO.nodes as object[])[0], { ...(SCENARIO.nodes as Record<string, unknown>[])[1], concurrency: from }], durationMs: END_MS, seed: 5 });
  // Statistics from the moment of the change on.
  const sim = createSimulation(scenario, { seed: 5, warmupMs: CHANGE_MS });
  sim.runUntil(CHANGE_MS);
  if (to !== null) sim.apply({ type: 'setConcurrency', node: 'api', concurrency: to });
  const right = sim.snapshot().nodes.api.instances[0];
  sim.runUntil(END_MS);
  const r = sim.report();
  return { right, throughput: (r.nodes.api.completed / measuredMs(r)) * 1000, utilization: r.nodes.api.utilization };
}

describe('live setConcurrency with requests waiting', () => {
  it('(for contrast) one worker from the start serves μ = 50/s at utilization ≤ 1', () => {
    const x = runWithChange(1, null);
    expect(x.throughput).toBeGreaterThan(45);
    expect(x.throughput).toBeLessThan(55);
    expect(x.utilization).toBeLessThanOrEqual(1);
  });

  it('4 → 1 workers under a backlog: throughput drops to one worker and utilization stays ≤ 1', () => {
    const x = runWithChange(4, 1);
    // Today: throughput ≈ 200/s and utilization ≈ 4.
    expect(x.utilization).toBeLessThanOrEqual(1);
    expect(x.throughput).toBeLessThan(55);
  });

  it('1 → 4 workers under a backlog: the waiting requests take the new workers at once', () => {
    const x = runWithChange(1, 4);
    expect(x.right.queued).toBeGreaterThan(1000);
    // Today: busy stays 1 (three idle workers) until the next arrivals jump the queue.
    expect(x.right.busy).toBe(4);
  });
});
