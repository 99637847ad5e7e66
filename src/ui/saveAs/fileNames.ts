import { useStore } from '../../store';
import { fileName } from '../../store/persistence';

/** "Client latency (ms)" → "client-latency-ms". */
export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * A file name that says what the file is: the scenario, what was saved, and the simulated
 * moment it shows ("checkout-retries-canvas-at-45s.png").
 */
export function runFileName(what: string, ext: string): string {
  const s = useStore.getState();
  const scenario = fileName(s.scenario).replace(/\.json$/, '');
  return `${scenario}-${slug(what)}-at-${Math.floor(s.run.simTimeMs / 1000)}s.${ext}`;
}
