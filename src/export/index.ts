/**
 * The public surface of the export: a scenario in, one deployment file out (text in, text
 * out, no I/O), the same in the page, the CLI and the tests.
 *
 * @example
 * const r = exportScenarioText(json, 'k8s');
 * if (r.ok) write(r.file.fileName, r.file.text);
 */
import type { Scenario } from '../engine/model';
import { parseScenarioText } from '../scenario/parse';
import type { ScenarioProblem } from '../scenario/problems';
import { toCompose } from './compose';
import { toIstio } from './istio';
import { toKubernetes } from './kubernetes';
import { planDeployment } from './plan';
import { TARGET_FILES, type ExportFile, type ExportOptions, type ExportTarget } from './types';

export { EXPORT_TARGETS, TARGET_FILES, TARGET_TITLES, type ExportFile, type ExportOptions, type ExportTarget } from './types';

const WRITERS = { compose: toCompose, k8s: toKubernetes, istio: toIstio } as const;

/** One target's file for a validated scenario. */
export function exportScenario(scenario: Scenario, target: ExportTarget, options: ExportOptions = {}): ExportFile {
  const plan = planDeployment(scenario, options);
  return { target, fileName: TARGET_FILES[target], text: WRITERS[target](plan) };
}

/** One target's file for scenario JSON text, or the problems that keep it from being read. */
export function exportScenarioText(text: string, target: ExportTarget, options: ExportOptions = {}): { ok: true; file: ExportFile } | { ok: false; problems: ScenarioProblem[] } {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, file: exportScenario(parsed.scenario, target, options) };
}
