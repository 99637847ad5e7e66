import { useStore } from '../../store';
import { fileName } from '../../store/persistence';

/** "Client latency (ms)" → "client-latency-ms". */
export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A file name that says what the file is: the scenario and what was saved ("shop-sweep-nodes-api-instances.csv"). */
export function scenarioFileName(what: string, ext: string): string {
  return `${fileName(useStore.getState().scenario).replace(/\.json$/, '')}-${slug(what)}.${ext}`;
}

/** The same, with the simulated moment the file shows ("shop-canvas-at-45s.png"). */
export function runFileName(what: string, ext: string): string {
  return scenarioFileName(`${what} at ${Math.floor(useStore.getState().run.simTimeMs / 1000)}s`, ext);
}
