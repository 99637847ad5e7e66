import type { Report } from '../engine/metrics/report';
import type { Scenario } from '../engine/model';
import { DEFAULT_MAX_EVENTS } from '../engine/runtime/world';
import { createSimulation } from '../engine/simulation';
import { estimateEvents } from '../scenario/estimate';
import { parseScenarioText } from '../scenario/parse';
import { formatProblems } from '../scenario/problems';
import type { SimArgs } from './args';

/** Bad input: the message names the file and the field; the CLI exits 2. */
export class SimInputError extends Error {}

export type CliReport = Report & { wallMs: number };

/** Reads, validates and runs one scenario file as the CLI does; also gives the scenario it ran. */
export function runScenarioFile(args: SimArgs, read: (file: string) => string): { report: CliReport; scenario: Scenario } {
  let text: string;
  try {
    text = read(args.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SimInputError(`${args.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a scenario file' : `cannot be read (${code ?? (e as Error).message})`}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new SimInputError(formatProblems(args.file, parsed.problems));
  const scenario = { ...parsed.scenario };
  if (args.durationMs !== undefined) {
    if (args.durationMs <= 0) throw new SimInputError(`${args.file}: --duration must be > 0`);
    scenario.durationMs = args.durationMs;
  }
  const warmupMs = args.warmupMs ?? scenario.warmupMs;
  if (warmupMs >= scenario.durationMs) throw new SimInputError(`${args.file}: warm-up (${warmupMs} ms) must be shorter than the duration (${scenario.durationMs} ms)`);
  const maxEvents = args.maxEvents ?? DEFAULT_MAX_EVENTS;
  const estimate = estimateEvents(scenario);
  if (estimate > maxEvents) {
    throw new SimInputError(`${args.file}: durationMs: this run needs about ${fmt(estimate)} events, more than the budget of ${fmt(maxEvents)}; shorten it (--duration) or lower the load, or raise --max-events`);
  }
  const started = performance.now();
  const sim = createSimulation(scenario, { seed: args.seed, warmupMs, maxEvents });
  sim.runUntil(scenario.durationMs);
  const stopped = sim.stoppedEarly();
  if (stopped) throw new SimInputError(`${args.file}: ${stopped}`);
  const report = sim.report();
  report.warnings.push(...parsed.warnings);
  const wallMs = Math.round(performance.now() - started);
  const { seed, durationMs, warmupMs: w, eventsProcessed, ...rest } = report;
  return { report: { seed, durationMs, warmupMs: w, eventsProcessed, wallMs, ...rest, name: report.name } as CliReport, scenario };
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
