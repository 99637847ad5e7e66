import { edgeKey } from '../engine/calls/edgeSchema';
import type { ScenarioInput } from '../engine/model';
import { kindCan } from '../engine/kinds';

/**
 * The fields a sweep offers for a scenario, in words: each client's load, each service's
 * instances, each call's timeout and retry attempts. Each comes with a range to start from
 * around its current value.
 */
export interface SweepField {
  /** The scenario dot path npm run sweep takes (nodes.api.instances). */
  path: string;
  /** What a person reads in the list: "api: instances". */
  label: string;
  /** The axis's unit: "instances", "requests/s", "ms". */
  unit: string;
  /** The value now (undefined when the scenario leaves it to its default). */
  current: number | undefined;
  /** Whole numbers only (instances, users, attempts). */
  whole: boolean;
  range: { from: number; to: number; step: number };
}

/** 1, 2 or 5 times a power of ten, at or just above v. */
export function niceStep(v: number, whole: boolean): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const n = [1, 2, 5, 10].find((m) => m * p >= v * 0.999) ?? 10;
  const step = Number((n * p).toPrecision(12));
  return whole ? Math.max(1, Math.round(step)) : step;
}

/** Eight steps from one step up to about twice the value now. */
function around(current: number, whole: boolean) {
  const step = niceStep((current * 2) / 8, whole);
  return { from: step, to: Number((step * 8).toPrecision(12)), step };
}

type Loose = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function sweepFields(scenario: ScenarioInput): SweepField[] {
  const out: SweepField[] = [];
  const nodes = (scenario.nodes ?? []) as Loose[];
  for (const n of nodes) {
    const id = String(n.id);
    const load = n.load as Loose | undefined;
    if (kindCan(String(n.kind), 'source') && load) {
      const rps = num(load.rps), users = num(load.users);
      if (rps !== undefined) out.push({ path: `nodes.${id}.load.rps`, label: `${id}: requests per second`, unit: 'requests/s', current: rps, whole: false, range: around(rps || 10, false) });
      else if (users !== undefined) out.push({ path: `nodes.${id}.load.users`, label: `${id}: users`, unit: 'users', current: users, whole: true, range: around(users || 10, true) });
    }
  }
  for (const n of nodes) {
    const instances = num(n.instances);
    if (kindCan(String(n.kind), 'source') || !('instances' in n)) continue;
    const now = instances ?? 1;
    out.push({ path: `nodes.${String(n.id)}.instances`, label: `${String(n.id)}: instances`, unit: 'instances', current: instances, whole: true, range: { from: 1, to: Math.max(4, now * 2), step: 1 } });
  }
  for (const e of (scenario.edges ?? []) as Loose[]) {
    const key = edgeKey(String(e.from), String(e.to));
    const name = `${String(e.from)} → ${String(e.to)}`;
    const timeout = num(e.timeoutMs);
    out.push({ path: `edges.${key}.timeoutMs`, label: `${name}: timeout`, unit: 'ms', current: timeout, whole: false, range: timeout ? around(timeout, false) : { from: 100, to: 1000, step: 100 } });
    const retry = e.retry as Loose | undefined;
    if (retry && typeof retry === 'object') {
      out.push({ path: `edges.${key}.retry.maxAttempts`, label: `${name}: retry attempts`, unit: 'attempts', current: num(retry.maxAttempts), whole: true, range: { from: 1, to: 5, step: 1 } });
    }
  }
  return out;
}
