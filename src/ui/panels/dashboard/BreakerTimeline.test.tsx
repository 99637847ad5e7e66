import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import preset from '../../../../scenarios/circuit-breaker.json';
import { BREAKER_SEVERITY_OF_STATE, BREAKER_STATE_NAMES } from '../../../engine/calls/breakerCodes';
import { createSimulation } from '../../../engine/simulation';
import { parseScenarioOrThrow } from '../../../scenario/parse';
import { useStore } from '../../../store';
import { initialRun } from '../../../store/runSlice';
import { SERIES_WINDOW_MS } from '../../../worker/protocol';
import { seriesWindow } from '../../../worker/seriesWindow';
import { BreakerTimeline } from './BreakerTimeline';
import { breakerRuns } from './seriesData';

const EDGE = 'checkout->payments';
const scenario = parseScenarioOrThrow(preset);
let transitions: { atMs: number; from: string; to: string }[] = [];
let window: ReturnType<typeof seriesWindow>;

/** The state the engine says the breaker was in at simulated time t. */
function stateAt(tMs: number): string {
  let state = 'CLOSED';
  for (const t of transitions) if (t.atMs <= tMs) state = t.to;
  return state;
}

beforeAll(() => {
  const sim = createSimulation(scenario);
  sim.runUntil(45_000);
  const report = sim.report();
  transitions = report.edges[EDGE].circuitBreaker!.transitions;
  window = seriesWindow(sim.series(sim.now() - SERIES_WINDOW_MS), sim.now(), SERIES_WINDOW_MS);
});

describe('the circuit-breaker strip', () => {
  it('every severity decodes to the state it was made from', () => {
    BREAKER_STATE_NAMES.forEach((name, code) => {
      const w = { tMs: [0], clients: {}, nodes: {}, edges: { e: { breakerState: [BREAKER_SEVERITY_OF_STATE[code]] } } };
      expect(breakerRuns(w, ['e'])[0].runs[0].state).toBe(name);
    });
  });

  it('says open for every second the engine kept the breaker open the whole second', () => {
    const runs = breakerRuns(window, [EDGE])[0].runs;
    const shown = (s: number) => runs.find((r) => r.fromS <= s && s < r.toS)?.state;
    let openSeconds = 0;
    for (let s = 0; s < 44; s++) {
      const whole = stateAt(s * 1000) === 'OPEN' && transitions.every((t) => t.atMs <= s * 1000 || t.atMs >= (s + 1) * 1000);
      if (!whole) continue;
      openSeconds++;
      expect(shown(s), `second ${s}`).toBe('OPEN');
    }
    // The payments black hole lasts from 10 s to 40 s: the breaker is open most of it.
    expect(openSeconds).toBeGreaterThan(15);
  });

  it('labels the segments in words, open for most of the fault window', () => {
    useStore.setState({ scenario, run: { ...initialRun(), series: window } });
    render(<BreakerTimeline />);
    const segments = screen.getAllByTitle(/^(open|closed|half-open) from /);
    const seconds = (word: string) => segments.filter((s) => s.textContent === word).reduce((sum, s) => {
      const [from, to] = (s.getAttribute('title') ?? '').match(/\d+:\d+\.\d/g)!.map((c) => Number(c.split(':')[0]) * 60 + Number(c.split(':')[1]));
      return sum + Math.max(0, Math.min(40, to) - Math.max(10, from));
    }, 0);
    expect(seconds('open')).toBeGreaterThan(0.6 * 30);
    expect(seconds('half-open')).toBeLessThan(0.3 * 30);
  });
});
