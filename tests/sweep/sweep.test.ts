import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sweepTask } from '../../src/cli/sweepTasks';
import type { ScenarioInput } from '../../src/engine/model';
import { sweepFields } from '../../src/sweep/fields';
import { kneeIndex } from '../../src/sweep/knee';
import { checkSweep, measureRun } from '../../src/sweep/plan';
import { rangeValues } from '../../src/sweep/values';
import { sweepPicture } from '../../src/ui/sweep/sweepSeries';
import { runSweepJob, type FromSweepWorker } from '../../src/worker/sweepJobs';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

const FILE = 'scenarios/scale-out-vs-up.json'; // 400 requests/s on `checkout`: small instances x 4 workers, 20 ms each
const TEXT = readFileSync(FILE, 'utf8');
const INPUT = JSON.parse(TEXT) as ScenarioInput;
const pts = (ys: number[]) => ys.map((y, i) => ({ x: i + 1, y }));

describe('the knee of a curve', () => {
  it('is where more instances stop buying much latency', () => {
    expect(kneeIndex(pts([2000, 900, 60, 50, 48, 47, 47]))).toBe(2);
  });
  it('is where latency starts to climb as the load grows: the last value before the climb', () => {
    expect(kneeIndex(pts([20, 20, 21, 22, 24, 30, 90, 400]))).toBe(5);
  });
  it('is not there on a straight line, or with too few points', () => {
    expect(kneeIndex(pts([10, 20, 30, 40, 50]))).toBeNull();
    expect(kneeIndex(pts([10, 50]))).toBeNull();
    expect(kneeIndex(pts([5, 5, 5]))).toBeNull();
  });
});

describe('the fields a sweep offers', () => {
  it("names each client's load, each service's instances, each call's timeout (and retry attempts where it retries)", () => {
    const scenario = parseScenarioOrThrow({ ...INPUT, edges: [{ ...INPUT.edges![0], retry: { maxAttempts: 2 } }] });
    const fields = sweepFields(scenario);
    expect(fields.map((f) => [f.path, f.label, f.unit, f.current])).toEqual([
      ['nodes.shoppers.load.rps', 'shoppers: requests per second', 'requests/s', 400],
      ['nodes.checkout.instances', 'checkout: instances', 'instances', 4],
      ['edges.shoppers->checkout.timeoutMs', 'shoppers → checkout: timeout', 'ms', 2000],
      ['edges.shoppers->checkout.retry.maxAttempts', 'shoppers → checkout: retry attempts', 'attempts', 2],
    ]);
    // Each starts from a range around its value that the scenario accepts.
    for (const f of fields) {
      const values = rangeValues(f.range.from, f.range.to, f.range.step);
      expect(values.length).toBeGreaterThan(2);
      expect(checkSweep(scenario, f.path, values)).toMatchObject({ ok: true });
    }
    expect(fields[0].range).toEqual({ from: 100, to: 800, step: 100 });
    expect(fields[1].range).toEqual({ from: 1, to: 8, step: 1 });
  });

  it('a value the scenario cannot take is found before any run, naming the value and the field', () => {
    expect(checkSweep(INPUT, 'nodes.checkout.instances', [2, -1])).toEqual({ ok: false, problem: { at: 'value', value: -1, message: expect.stringMatching(/instances/) } });
    expect(checkSweep(INPUT, 'nodes.nope.instances', [1])).toMatchObject({ ok: false, problem: { at: 'path' } });
  });
});

describe('a sweep in the page', () => {
  it('measures each run as npm run sweep does', () => {
    const pointer = (checkSweep(INPUT, 'nodes.checkout.instances', [3]) as { pointer: string }).pointer;
    const page = measureRun(INPUT, pointer, 3, 5, 10_000);
    const cli = sweepTask({ file: FILE, text: TEXT, pointer, value: 3, seed: 5, durationMs: 10_000 });
    expect(page).toEqual(cli);
    expect(page.error).toBeUndefined();
  });

  it('runs every value under every seed in order, and agrees with queueing: the knee is the first instance count that is not saturated', () => {
    const values = [1, 2, 3, 4, 5, 6];
    const msgs: FromSweepWorker[] = [];
    runSweepJob({ scenario: INPUT, path: 'nodes.checkout.instances', values, seeds: [5], durationMs: 10_000 }, (m) => msgs.push(m));
    expect(msgs.map((m) => (m.type === 'run' ? m.index : m.type))).toEqual([0, 1, 2, 3, 4, 5, 'done']);
    const runs = msgs.flatMap((m) => (m.type === 'run' ? [m.figures] : []));
    const field = sweepFields(parseScenarioOrThrow(INPUT))[1];
    const picture = sweepPicture({ field, values, seeds: [5], durationMs: 10_000 }, runs);
    // 400 requests/s of 20 ms on 4 workers per instance: 200 per instance. One or two
    // instances are saturated (utilization >= 1), three or more are not.
    const p99 = picture.points.map((p) => p.worstP99 ?? Infinity);
    expect(p99[0]).toBeGreaterThan(500);
    expect(p99[2]).toBeLessThan(200);
    expect(picture.knee).toBe(2);
    expect(picture.notes[0]).toMatch(/^Knee at 3 instances: p99 falls steeply/);
    // Cost grows with the instances by the same amount for each (small instances: one price each),
    // to within the report's rounding of dollars to six places over a 10 s run.
    const costs = picture.points.map((p) => p.costPerHour ?? 0);
    const steps = costs.slice(1).map((c, i) => c - costs[i]);
    expect(steps[0]).toBeGreaterThan(0);
    for (const s of steps) expect(Math.abs(s - steps[0]) / steps[0]).toBeLessThan(0.02);
    expect(picture.notes[1]).toMatch(/^Each extra instance costs \$/);
  });

  it('runs nothing when a value cannot be taken, and says which', () => {
    const msgs: FromSweepWorker[] = [];
    runSweepJob({ scenario: INPUT, path: 'nodes.checkout.instances', values: [2, -1], seeds: [5], durationMs: 10_000 }, (m) => msgs.push(m));
    expect(msgs).toEqual([{ type: 'invalid', problem: { at: 'value', value: -1, message: expect.stringMatching(/instances/) } }]);
  });

  it('draws only the values whose runs have all arrived', () => {
    const field = sweepFields(parseScenarioOrThrow(INPUT))[1];
    const run = { clients: { shoppers: { p50: 10, p99: 20, errorRate: 0, throughput: 400 } }, errorRate: 0, throughput: 400, cost: 1 };
    const picture = sweepPicture({ field, values: [1, 2, 3], seeds: [5, 6], durationMs: 3_600_000 }, [run, run, run]);
    expect(picture.points.map((p) => p.x)).toEqual([1]);
    expect(picture.points[0].costPerHour).toBe(1);
  });
});
