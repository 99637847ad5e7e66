import { edgeKey } from '../engine/calls/edgeSchema';
import type { ScenarioInput } from '../engine/model';
import type { Check } from './schema';
import type { Outcome } from './outcome';

type TopologyCheck = Extract<Check, { topology: string }>;
interface NodeData { id: string; kind: string }
type EdgeData = { from: string; to: string } & Record<string, unknown>;

const pass = (ok: boolean) => (ok ? 'pass' : 'fail') as 'pass' | 'fail';
const list = (ids: readonly string[]) => ids.map((x) => `"${x}"`).join(', ');

/** Structural facts of the checked scenario: who calls whom, what kinds there are, what a call is armed with. */
export function evaluateTopology(check: TopologyCheck, scenario: ScenarioInput): Outcome {
  const nodes = (scenario.nodes ?? []) as NodeData[];
  const edges = (scenario.edges ?? []) as EdgeData[];
  const kind = new Map(nodes.map((n) => [n.id, n.kind]));
  switch (check.topology) {
    case 'noSharedDatabase': {
      const shared = nodes.filter((n) => n.kind === 'database').flatMap((db) => {
        const callers = [...new Set(edges.filter((e) => e.to === db.id && kind.get(e.from) === 'service').map((e) => e.from))];
        return callers.length > 1 ? [`database "${db.id}" is shared by ${list(callers)}`] : [];
      });
      return { status: pass(shared.length === 0), actual: shared.length, limit: 0, op: '==', message: shared.length === 0 ? 'no database is shared by two services' : shared.join('; ') };
    }
    case 'clientsOnlyCallGateways': {
      const direct = edges.filter((e) => kind.get(e.from) === 'client' && kind.get(e.to) !== 'gateway').map((e) => edgeKey(e.from, e.to));
      return { status: pass(direct.length === 0), actual: direct.length, limit: 0, op: '==', message: direct.length === 0 ? 'every client calls only gateways' : `clients call past the gateway: ${direct.join(', ')}` };
    }
    case 'hasEdge': {
      const found = edges.filter((e) => (check.from === undefined || e.from === check.from) && (check.to === undefined || e.to === check.to)
        && (check.fromKind === undefined || kind.get(e.from) === check.fromKind) && (check.toKind === undefined || kind.get(e.to) === check.toKind));
      const what = `an edge${check.from ? ` from "${check.from}"` : check.fromKind ? ` from a ${check.fromKind}` : ''}${check.to ? ` to "${check.to}"` : check.toKind ? ` to a ${check.toKind}` : ''}`;
      return { status: pass(found.length > 0), actual: found.length, limit: 1, op: '>=', message: found.length > 0 ? `${what}: ${found.map((e) => edgeKey(e.from, e.to)).join(', ')}` : `no ${what.replace(/^an /, '')}` };
    }
    case 'hasNode': {
      const n = nodes.filter((x) => x.kind === check.kind).length;
      return { status: pass(n >= check.min), actual: n, limit: check.min, op: '>=', message: `${n} ${check.kind} node${n === 1 ? '' : 's'}, needs at least ${check.min}` };
    }
    case 'edgeHas': {
      // Without `from`, every call into `to` must have the setting (a breaker on one caller of two protects only that one).
      const into = edges.filter((e) => e.to === check.to && (check.from === undefined || e.from === check.from));
      const armed = into.filter((e) => e[check.field] !== undefined);
      const bare = into.filter((e) => e[check.field] === undefined).map((e) => edgeKey(e.from, e.to));
      const target = check.from ? edgeKey(check.from, check.to) : `"${check.to}"`;
      const ok = into.length > 0 && bare.length === 0;
      return {
        status: pass(ok), actual: armed.length, limit: into.length, op: '==',
        message: into.length === 0 ? `no edge into ${target}` : ok ? `${check.field} on ${into.map((e) => edgeKey(e.from, e.to)).join(', ')}` : `no ${check.field} on ${bare.join(', ')}`,
      };
    }
    case 'tracingOn': {
      const rate = (scenario as { tracing?: { sampleRate?: number } }).tracing?.sampleRate ?? 0;
      return { status: pass(rate > 0), actual: rate, limit: 0, op: '>', message: rate > 0 ? `tracing samples ${Math.round(rate * 1000) / 10} % of requests` : 'tracing is off' };
    }
  }
}
