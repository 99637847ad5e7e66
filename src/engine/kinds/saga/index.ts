import { NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { SagaState, sagaBehaviour } from './behaviour';
import { sagaSchema } from './schema';
import { sagaDeploy } from './deploy';

export const sagaKind = defineKind({
  kind: 'saga',
  title: 'Saga',
  description: 'An orchestrator that runs steps in order and compensates the done ones when a step fails.',
  schema: sagaSchema,
  canCall: true,
  canBeCalled: true,
  capabilities: {},
  // A saga needs edges to the services of its steps, which a node just dropped cannot have:
  // the step names a placeholder, the scenario cannot run until it is replaced, and the
  // playground keeps the last runnable version going and says what to do meanwhile.
  example: (id) => ({ id, kind: 'saga' as const, steps: [{ call: 'service-to-call' }] }),
  build: (node, ctx) => {
    const n = new NodeRt(ctx.index, node.id, node.kind);
    const edge = (to: string, field: string) => {
      const e = ctx.edgeTo(to);
      // The scenario layer reports this nicely (crossChecks); here it is a programming error.
      if (e < 0) throw new Error(`saga ${node.id}: ${field} "${to}" has no edge ${node.id}->${to}`);
      return e;
    };
    const steps = node.steps;
    n.state = new SagaState({
      id: node.id,
      stepEdge: Int32Array.from(steps.map((s, k) => edge(s.call, `steps[${k}].call`))),
      compEdge: Int32Array.from(steps.map((s, k) => (s.compensate === undefined ? -1 : edge(s.compensate, `steps[${k}].compensate`)))),
      stepCall: steps.map((s) => s.call),
      stepCompensate: steps.map((s) => s.compensate),
      pivot: Math.min(node.pivot ?? steps.length - 1, steps.length - 1),
      maxAttempts: node.maxCompensationAttempts,
      backoffMs: node.compensationBackoffMs,
    });
    n.behaviour = sagaBehaviour;
    // An orchestrator holds no worker: it sends commands and waits (see behaviour.ts).
    n.workers = 0;
    return n;
  },
  crossCheck(n, i, ctx) {
    n.steps.forEach((st, k) => {
      ctx.needsEdge(`nodes[${i}].steps[${k}].call`, n.id, st.call);
      if (st.compensate !== undefined) ctx.needsEdge(`nodes[${i}].steps[${k}].compensate`, n.id, st.compensate);
    });
    if (n.pivot !== undefined && n.pivot >= n.steps.length) ctx.problems.push({ path: `nodes[${i}].pivot`, message: `pivot must be the index of a step: 0 to ${n.steps.length - 1}` });
    else if (n.pivot !== undefined) {
      const unused = n.steps.flatMap((st, k) => (k >= n.pivot! && st.compensate !== undefined ? [k] : []));
      if (unused.length > 0) ctx.warnings.push(`saga "${n.id}": the compensate of step ${unused.join(', ')} never runs (steps from the pivot on are not compensated)`);
    }
    const named = new Set(n.steps.flatMap((st) => (st.compensate === undefined ? [st.call] : [st.call, st.compensate])));
    for (const e of ctx.scenario.edges) if (e.from === n.id && !named.has(e.to)) ctx.warnings.push(`saga "${n.id}" never calls "${e.to}": no step names it`);
  },
  deploy: sagaDeploy,
});
