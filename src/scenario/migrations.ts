import { SCENARIO_VERSION } from '../engine/model';

/**
 * Brings an older scenario file up to the current version, one step at a time. Version 1
 * is the first, so there is nothing to migrate yet; a step looks like
 * `2: (s) => ({ ...s, version: 2, ... })`.
 */
const steps: Record<number, (s: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrate(data: Record<string, unknown>): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  const v = data.version;
  if (v === undefined) return { ok: false, message: `is required (this microcosm writes version ${SCENARIO_VERSION})` };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, message: `must be a whole number >= 1, not ${JSON.stringify(v)}` };
  if (v > SCENARIO_VERSION) return { ok: false, message: `${v} is newer than this microcosm understands (${SCENARIO_VERSION}); update microcosm` };
  let out = data;
  for (let k = v + 1; k <= SCENARIO_VERSION; k++) out = steps[k](out);
  return { ok: true, data: out };
}
