import { NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { SagaState, sagaBehaviour } from './behaviour';
import { sagaSchema } from './schema';

export const sagaKind = defineKind({
  kind: 'saga',
  title: 'Saga',
  description: 'An orchestrator that runs steps in order and compensates the done ones when a step fails.',
  schema: sagaSchema,
  canCall: true,
  canBeCalled: true,
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
});
