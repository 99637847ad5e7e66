import { edgeKey } from '../engine/calls/edgeSchema';

/**
 * Dot paths into a report (clients.buyers.latencyMs.p99, edges.checkout->payments.calls) and
 * into a scenario (nodes.api.serviceTimeMs, edges.a->b.timeoutMs), with nodes and edges named
 * by id. Ids may contain dots, so at each level the longest run of segments that names an
 * existing key or id wins.
 */

export type PathLookup =
  | { ok: true; value: unknown; tokens: (string | number)[] }
  | { ok: false; at: string; missing: string; choices: string[] };

type Keyed = (value: unknown, tokensSoFar: readonly (string | number)[]) => Map<string, string | number> | null;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Walks `path` greedily; `keyed` may name an array's elements by id (for scenarios). */
function walk(root: unknown, path: string, keyed: Keyed, allowAbsentLast: boolean): PathLookup {
  const segs = path.split('.');
  const tokens: (string | number)[] = [];
  let cur: unknown = root;
  let i = 0;
  while (i < segs.length) {
    const names = keyed(cur, tokens);
    let matched = false;
    for (let j = segs.length; j > i; j--) {
      const name = segs.slice(i, j).join('.');
      const token = names ? names.get(name) : Array.isArray(cur) && /^\d+$/.test(name) && Number(name) < cur.length ? Number(name) : isObject(cur) && Object.hasOwn(cur, name) ? name : undefined;
      if (token === undefined) continue;
      tokens.push(token);
      cur = (cur as Record<string | number, unknown>)[token];
      i = j;
      matched = true;
      break;
    }
    if (matched) continue;
    if (allowAbsentLast && i === segs.length - 1 && isObject(cur) && !names) return { ok: true, value: undefined, tokens: [...tokens, segs[i]] };
    const choices = names ? [...names.keys()] : isObject(cur) ? Object.keys(cur) : [];
    return { ok: false, at: segs.slice(0, i).join('.'), missing: segs[i], choices };
  }
  return { ok: true, value: cur, tokens };
}

/** Reports are plain records all the way down (arrays indexed by number). */
export function lookupReport(report: unknown, path: string): PathLookup {
  return walk(report, path, () => null, false);
}

/**
 * Scenario paths name nodes by id, edges by "from->to", faults by id (or index). With
 * `allowAbsent`, a last field the scenario leaves out (so its default applies) resolves to
 * undefined instead of failing.
 */
export function lookupScenario(scenario: unknown, path: string, allowAbsent = false): PathLookup {
  return walk(scenario, path, scenarioKeys, allowAbsent);
}

function scenarioKeys(value: unknown, tokens: readonly (string | number)[]): Map<string, string | number> | null {
  if (tokens.length !== 1 || !Array.isArray(value)) return null;
  const list = value as Record<string, unknown>[];
  const named = new Map<string, string | number>();
  if (tokens[0] === 'nodes') list.forEach((n, k) => typeof n?.id === 'string' && named.set(n.id, k));
  else if (tokens[0] === 'edges') list.forEach((e, k) => typeof e?.from === 'string' && typeof e?.to === 'string' && named.set(edgeKey(e.from, e.to), k));
  else if (tokens[0] === 'faults') list.forEach((f, k) => named.set(typeof f?.id === 'string' ? f.id : String(k), k));
  else return null;
  return named;
}

/** An RFC 6901 JSON pointer ("/nodes/3/serviceTimeMs") from the tokens of a lookup. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The JSON pointer a scenario dot path stands for, or null when the scenario has no such node, edge or field. */
export function scenarioPointer(scenario: unknown, path: string): string | null {
  const r = lookupScenario(scenario, path, true);
  return r.ok ? toPointer(r.tokens) : null;
}

/** "no client "userz" (there are: users, admins)": why a path does not resolve, for a person. */
export function describeMissing(path: string, miss: Extract<PathLookup, { ok: false }>): string {
  const shown = miss.choices.slice(0, 12).join(', ') + (miss.choices.length > 12 ? ', ...' : '');
  const where = miss.at === '' ? 'at the top level' : `under ${miss.at}`;
  return `"${path}" does not exist: no "${miss.missing}" ${where}${miss.choices.length ? ` (${thereIs(miss.choices.length)} ${shown})` : ''}`;
}

/** "there is" before one name, "there are" before several. */
export const thereIs = (n: number): string => (n === 1 ? 'there is' : 'there are');
