/**
 * Where a scenario comes from and goes to outside the page: the URL hash (Share link),
 * the browser's storage (autosave) and JSON files. Whatever comes in is text that goes
 * through the scenario parser, with size limits first; nothing is evaluated.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { MAX_SCENARIO_BYTES, parseScenarioText, type ParseResult } from '../scenario/parse';
import { problemLine } from '../scenario/problems';
import { PANEL_IDS, type PanelId, type Scenario } from './types';

export const SHARE_PARAM = 's';
/** A compressed link longer than this is refused before it is even decompressed. */
export const MAX_SHARE_CHARS = 500_000;
export const AUTOSAVE_KEY = 'microcosm:scenario';
export const PREFS_KEY = 'microcosm:prefs';

const fail = (path: string, message: string): ParseResult => ({ ok: false, problems: [{ path, message }] });

export function shareHash(s: Scenario): string {
  return `#${SHARE_PARAM}=${compressToEncodedURIComponent(JSON.stringify(s))}`;
}

const SHARE_RE = new RegExp(`^#?(?:.*&)?${SHARE_PARAM}=([^&]*)`);

/** Whether a location hash carries a shared scenario (without reading it). */
export const hasSharedScenario = (hash: string) => SHARE_RE.test(hash);

/** The scenario in a location hash; null when the hash carries none. */
export function scenarioFromHash(hash: string): ParseResult | null {
  const m = SHARE_RE.exec(hash);
  if (!m) return null;
  const packed = m[1];
  if (packed.length > MAX_SHARE_CHARS) return fail('(link)', `is too long (${packed.length} characters; at most ${MAX_SHARE_CHARS})`);
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(packed);
  } catch {
    text = null;
  }
  if (!text) return fail('(link)', 'is damaged: it does not decompress to a scenario (was it cut short when copied?)');
  if (text.length > MAX_SCENARIO_BYTES) return fail('(link)', `holds more than ${MAX_SCENARIO_BYTES} bytes`);
  return parseScenarioText(text);
}

export function exportText(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

export function fileName(s: Scenario): string {
  const base = s.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
  return `${base}.json`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage can be switched off; the page still works, it just forgets
  }
}

export function autosave(s: Scenario): void {
  try {
    storage()?.setItem(AUTOSAVE_KEY, JSON.stringify(s));
  } catch {
    // full or refused: nothing to do but carry on
  }
}

export function restoreAutosave(): ParseResult | null {
  const text = storage()?.getItem(AUTOSAVE_KEY);
  return text ? parseScenarioText(text) : null;
}

export interface Prefs {
  theme?: 'light' | 'dark';
  projector?: boolean;
  collapsed?: Partial<Record<PanelId, boolean>>;
}

export function loadPrefs(): Prefs {
  try {
    const v = JSON.parse(storage()?.getItem(PREFS_KEY) ?? '{}') as Prefs;
    const folded = typeof v.collapsed === 'object' && v.collapsed !== null ? v.collapsed : {};
    const collapsed = Object.fromEntries(PANEL_IDS.filter((id) => folded[id] === true).map((id) => [id, true]));
    return { theme: v.theme === 'dark' || v.theme === 'light' ? v.theme : undefined, projector: v.projector === true, collapsed };
  } catch {
    return {};
  }
}

export function savePrefs(p: Prefs): void {
  try {
    storage()?.setItem(PREFS_KEY, JSON.stringify(p));
  } catch {
    // ignore, as above
  }
}

/** "nodes[1].instances: must be >= 0" lines for a notice. */
export function problemLines(r: ParseResult): string[] {
  return r.ok ? [] : r.problems.slice(0, 8).map(problemLine).concat(r.problems.length > 8 ? [`… and ${r.problems.length - 8} more`] : []);
}
