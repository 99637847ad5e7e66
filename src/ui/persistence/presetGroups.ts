/**
 * The presets grouped by the idea they teach, in the order a newcomer would take them. Data,
 * not markup: the picker draws whatever this says, and a test checks that every file in
 * scenarios/ has exactly one place here (a new file shows under "More" until it gets one).
 */
import type { Preset } from './presets';

export interface PresetGroup {
  title: string;
  /** File names without .json, in teaching order. */
  ids: readonly string[];
}

/** The first group is where a first visit should begin. */
export const START_HERE = 'Start here';

export const PRESET_GROUPS: readonly PresetGroup[] = [
  { title: START_HERE, ids: ['ecommerce'] },
  { title: 'Scaling', ids: ['scale-out-vs-up', 'scale-up', 'autoscale-spike', 'sticky-sessions', 'serverless-cold-starts'] },
  { title: 'Resilience', ids: ['timeouts', 'retry-storm', 'circuit-breaker', 'bulkhead', 'fallback', 'rate-limit', 'service-discovery'] },
  { title: 'Messaging and data', ids: ['queue-absorbs-burst', 'queue-at-most-vs-at-least-once', 'topic-fan-out', 'saga-compensation', 'shared-database', 'cache-flush'] },
  { title: 'Migration', ids: ['monolith', 'microservices', 'strangler-fig'] },
];

export const MORE = 'More';

/** The presets in their groups, in order; presets no group names come last under "More". */
export function groupPresets(presets: readonly Preset[], groups: readonly PresetGroup[] = PRESET_GROUPS): { title: string; presets: Preset[] }[] {
  const byId = new Map(presets.map((p) => [p.id, p]));
  const placed = new Set<string>();
  const out = groups.map((g) => ({
    title: g.title,
    presets: g.ids.flatMap((id) => {
      const p = byId.get(id);
      if (!p || placed.has(id)) return [];
      placed.add(id);
      return [p];
    }),
  })).filter((g) => g.presets.length > 0);
  const rest = presets.filter((p) => !placed.has(p.id));
  return rest.length > 0 ? [...out, { title: MORE, presets: rest }] : out;
}
