import { BREAKER_SEVERITY_OF_STATE } from '../calls/breakerCodes';
import { breakerStateName } from '../calls/circuitBreaker';
import { buildEdge } from '../calls/configure';
import type { EdgeRt } from '../calls/edgeRuntime';
import { edgeKey } from '../calls/edgeSchema';
import { FaultBook } from '../faults/faultBook';
import { attachDiscovery } from '../discovery/attach';
import { attachScaling } from '../scaling/attach';
import { kindOf } from '../kinds';
import type { BuildContext } from '../kinds/types';
import { registerSeries } from '../metrics/tick';
import { Tracer } from '../metrics/tracer';
import type { Scenario } from '../model';
import type { NodeRt } from './nodeRuntime';
import { giveEdgeStreams, giveNodeStreams, nodeStream } from './streams';
import { CALL_TREE, dispatch } from './wiring';
import { World } from './world';

/** Breaker transitions kept per edge in the report. */
const MAX_TRANSITIONS = 1000;

/**
 * Turns a validated scenario into a runtime world. Cross-references (edges to unknown nodes,
 * cycles) are the scenario layer's to report nicely; here they are programming errors.
 */
export function buildWorld(scenario: Scenario, seed: number): World {
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const pathIds = new Map<string, number>();
  for (const n of scenario.nodes) {
    if (!kindOf(n.kind)?.capabilities.source || !('paths' in n)) continue;
    for (const p of n.paths) if (!pathIds.has(p.path)) pathIds.set(p.path, pathIds.size);
  }
  if (pathIds.size === 0) pathIds.set('/', 0);

  // The world does not exist yet when breakers are made; their listener reaches it later.
  let world: World | null = null;
  const edges: EdgeRt[] = scenario.edges.map((e, i) => {
    const from = index.get(e.from), to = index.get(e.to);
    if (from === undefined || to === undefined) throw new Error(`edge ${edgeKey(e.from, e.to)} names an unknown node`);
    const rt: EdgeRt = buildEdge(i, edgeKey(e.from, e.to), from, to, e, (atMs, a, b) => {
      const fromName = breakerStateName(a), toName = breakerStateName(b);
      if (BREAKER_SEVERITY_OF_STATE[b] > rt.secBreakerMax) rt.secBreakerMax = BREAKER_SEVERITY_OF_STATE[b];
      if (rt.transitions.length < MAX_TRANSITIONS) rt.transitions.push({ atMs, from: fromName, to: toName });
      if (!world) return;
      world.log.add(atMs, 'breaker', `breaker on ${rt.key}: ${fromName} -> ${toName}`, undefined, rt.key);
      world.armBreaker(rt);
    });
    giveEdgeStreams(rt, seed);
    return rt;
  });

  const nodes: NodeRt[] = scenario.nodes.map((node, i) => {
    const def = kindOf(node.kind);
    if (!def) throw new Error(`unknown kind ${node.kind}`);
    const ctx: BuildContext = {
      index: i,
      nodeCount: scenario.nodes.length,
      pathIds,
      edgeTo: (to) => scenario.edges.findIndex((e) => e.from === node.id && e.to === to),
      stream: (role) => nodeStream(seed, node.id, role),
    };
    const rt = def.build(node, ctx);
    rt.kindReport = def.report ?? null;
    const own = new Set((def.ownCalls?.(node) ?? []).map(ctx.edgeTo));
    rt.out = Int32Array.from(edges.filter((e) => e.from === i && !own.has(e.index)).map((e) => e.index));
    giveNodeStreams(rt, seed);
    return rt;
  });

  world = new World(nodes, edges, [...pathIds.keys()], dispatch, CALL_TREE);
  registerSeries(world);
  world.faults = new FaultBook(scenario.faults);
  attachDiscovery(world, scenario);
  attachScaling(world, scenario);
  if (scenario.tracing && scenario.tracing.sampleRate > 0) {
    world.tracer = new Tracer(scenario.tracing.sampleRate, seed);
    world.jobs.tracing = true;
  }
  return world;
}
