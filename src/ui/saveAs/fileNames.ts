import { useStore } from '../../store';

/** "Client latency (ms)" → "client-latency-ms"; the rule scenario files are named by (store/persistence.ts fileName). */
export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A file name that says what the file is: the scenario and what was saved ("shop-sweep-nodes-api-instances.csv"). */
export function scenarioFileName(what: string, ext: string): string {
  return `${slug(useStore.getState().scenario.name) || 'scenario'}-${slug(what)}.${ext}`;
}

/** The same, with the simulated moment the file shows ("shop-canvas-at-45s.png"). */
export function runFileName(what: string, ext: string): string {
  return scenarioFileName(`${what} at ${Math.floor(useStore.getState().run.simTimeMs / 1000)}s`, ext);
}
