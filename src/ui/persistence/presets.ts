/**
 * Presets: every scenarios/*.json at the repository root, bundled at build time and checked
 * by the same parser as any import, so a broken file shows as unusable rather than crashing.
 */
import { parseScenario, type ParseResult } from '../../scenario/parse';

const files = import.meta.glob('/scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export interface Preset {
  id: string;
  name: string;
  result: ParseResult;
}

export const PRESETS: Preset[] = Object.entries(files)
  .map(([path, data]) => {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const result = parseScenario(data);
    return { id, name: result.ok ? result.scenario.name : `${id} (invalid)`, result };
  })
  .sort((a, b) => a.name.localeCompare(b.name));
