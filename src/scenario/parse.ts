import { scenarioSchema, SCENARIO_VERSION, type Scenario } from '../engine/model';
import { crossCheck } from './crossChecks';
import { migrate } from './migrations';
import { problemsFromZod, type ScenarioProblem } from './problems';

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; problems: ScenarioProblem[] };

/** The largest scenario text accepted (files, links, pasted JSON). */
export const MAX_SCENARIO_BYTES = 2_000_000;

/** Parses scenario JSON text: never throws, reports every problem with its field path. */
export function parseScenarioText(text: string): ParseResult {
  if (text.length > MAX_SCENARIO_BYTES) return fail('(file)', `is larger than ${MAX_SCENARIO_BYTES} bytes`);
  if (text.trim() === '') return fail('(file)', 'is empty: expected a scenario in JSON');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('(file)', `is not valid JSON: ${(e as Error).message}`);
  }
  return parseScenario(data);
}

/** Validates already-parsed data as a scenario. */
export function parseScenario(data: unknown): ParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('(top level)', 'expected a JSON object with version, name, nodes and edges');
  const migrated = migrate(data as Record<string, unknown>);
  if (!migrated.ok) return fail('version', migrated.message);
  const r = scenarioSchema.safeParse(migrated.data);
  if (!r.success) return { ok: false, problems: problemsFromZod(r.error) };
  const { problems, warnings } = crossCheck(r.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: r.data, warnings };
}

/** For tests and scripts: the scenario, or an Error listing every problem. */
export function parseScenarioOrThrow(data: unknown): Scenario {
  const r = typeof data === 'string' ? parseScenarioText(data) : parseScenario(data);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, problems: [{ path, message }] };
}

export { SCENARIO_VERSION };
