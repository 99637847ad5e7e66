/**
 * Presets: every scenarios/*.json at the repository root. The picker needs only their names at
 * first (presetNames.ts); a file's scenario loads when it is opened and is checked by the same
 * parser as any import, so a broken file shows the usual message rather than crashing.
 */
import { parseScenario, type ParseResult } from '../../scenario/parse';
import { PRESET_NAMES } from './presetNames';

const files = import.meta.glob('/scenarios/*.json', { import: 'default' }) as Record<string, () => Promise<unknown>>;

export interface Preset {
  id: string;
  name: string;
  /** The preset's scenario, parsed (its file loads the first time). */
  load(): Promise<ParseResult>;
}

const idOf = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

export const PRESETS: Preset[] = Object.entries(files)
  .map(([path, read]) => {
    const id = idOf(path);
    return { id, name: PRESET_NAMES[id] ?? id, load: async () => parseScenario(await read()) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));
