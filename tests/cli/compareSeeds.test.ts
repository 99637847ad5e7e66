import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SeededComparison } from '../../src/cli/compareSeeds';
import { runCli, STACK_LINE } from '../helpers/cli';

/** `npm run sim -- A --compare B --seeds N`: the fallback example against itself without its fallback. */
const dir = mkdtempSync(join(tmpdir(), 'microcosm-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const withFallback = 'scenarios/fallback.json';
const without = join(dir, 'no-fallback.json');
const scenario = JSON.parse(readFileSync(withFallback, 'utf8')) as { edges: { fallback?: unknown }[] };
for (const e of scenario.edges) delete e.fallback;
writeFileSync(without, JSON.stringify(scenario));

describe('npm run sim -- A --compare B --seeds N', () => {
  it('prints each figure as a mean with its interval, B - A, and which differences stand out from the noise', async () => {
    const r = await runCli('src/cli/sim.ts', [without, '--compare', withFallback, '--seeds', '4', '--duration', '45000']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/seeds 6–9, 45 s simulated each/);
    const line = (label: string) => r.stdout.split('\n').find((l) => l.startsWith(label)) ?? '';
    // The fallback answers every failed recommendation: over 45 s, 25 s of 50 % errors and 5 s of none answered make about 39 % that B does not have.
    expect(line('shoppers error rate')).toMatch(/-(3[5-9]|4[0-3])\.\d % \[-\d\d\.\d %, -\d\d\.\d %\]\s+B better$/);
    expect(line('time to recover after a fault')).toMatch(/B better$/);
    // The same arrivals on the same seed: nothing else changes what the shoppers send.
    expect(line('shoppers throughput')).toMatch(/0\.0 rps\s+same$/);
  }, 120_000);

  it('--json gives the rows with A, B and the paired difference', async () => {
    const r = await runCli('src/cli/sim.ts', [withFallback, '--compare', withFallback, '--seeds', '2', '--duration', '20000', '--json']);
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as SeededComparison;
    expect(c.seeds).toEqual([6, 7]);
    const p99 = c.rows.find((x) => x.key === 'client:shoppers:p99')!;
    expect(p99.diff).toEqual({ mean: 0, lo: 0, hi: 0, n: 2 });
    expect(p99.noise).toBe(true);
  }, 120_000);

  it('refuses --seeds without --compare, exit 2 without a stack trace', async () => {
    const r = await runCli('src/cli/sim.ts', [withFallback, '--seeds', '3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^microcosm: --seeds works with --compare OTHER/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
