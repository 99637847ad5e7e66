import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

/**
 * KNOWN BUGS in the wording of scenario problems (src/scenario/problems.ts).
 *
 * 1. A missing array field reads "is required (a array)": tidy() builds `is required (a ${type})`
 *    (problems.ts, tidy) whatever the type. Fix: choose the article, `/^[aeiou]/.test(type) ? 'an' : 'a'`.
 *
 * 2. A mistyped field inside a client's `load` (e.g. rps: "x") is reported at nodes[0].load
 *    with the generic "load must be {rps, arrival} ... or {users, thinkTimeMs} ..." instead of
 *    at nodes[0].load.rps. The load schema is a union with a custom message; best() only
 *    descends into a union's branches when the message does not match /must be/, and this
 *    one does, so the precise branch issue (["rps"] "rps must be a number of requests per
 *    second") is dropped. A negative rps is reported precisely, a mistyped one is not.
 *    Fix: in best(), for an invalid_union, when exactly one branch has no `unrecognized_keys`
 *    issue (the branch whose keys the author used), report that branch's deepest issue
 *    even when the union has its own message.
 */
const withNodes = (nodes: unknown[]) => ({ version: 1, name: 'x', nodes });

describe('scenario problem wording', () => {
  it('says "an array", not "a array", for a missing nodes list', () => {
    const r = parseScenario({ version: 1, name: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.find((p) => p.path === 'nodes')?.message).toBe('is required (an array)');
  });

  it('names load.rps when rps is not a number', () => {
    const r = parseScenario(withNodes([{ id: 'u', kind: 'client', load: { rps: 'x' } }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'nodes[0].load.rps', message: 'rps must be a number of requests per second' }]);
  });

  it('(for contrast) names load.rps when rps is negative', () => {
    const r = parseScenario(withNodes([{ id: 'u', kind: 'client', load: { rps: -1 } }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'nodes[0].load.rps', message: 'rps must be >= 0' }]);
  });
});
