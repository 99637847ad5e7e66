import { compileDistribution } from '../../core/sampler';
import { NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { FunctionState, functionBehaviour } from './behaviour';
import { LambdaBill } from './billing';
import { EnvironmentPool } from './environments';
import { ACCOUNT_CONCURRENCY, functionSchema } from './schema';
import { functionDeploy } from './deploy';

export const functionKind = defineKind({
  kind: 'function',
  title: 'Function',
  description: 'A serverless function (as AWS Lambda): scales from zero per request, pays cold starts, is throttled past its concurrency.',
  schema: functionSchema,
  canCall: true,
  canBeCalled: true,
  capabilities: { managed: true },
  example: (id) => ({ id, kind: 'function' as const, memoryMb: 512, durationMs: { dist: 'exponential' as const, mean: 50 }, idleTimeoutMs: 60_000 }),
  build: (node, ctx) => {
    const n = new NodeRt(ctx.index, node.id, node.kind);
    const limit = node.reservedConcurrency ?? ACCOUNT_CONCURRENCY;
    const pool = new EnvironmentPool(limit, Math.min(node.provisionedConcurrency, limit), node.idleTimeoutMs);
    n.state = new FunctionState(pool, new LambdaBill(node.memoryMb, pool.provisioned), compileDistribution(node.durationMs), compileDistribution(node.coldStartMs), ctx.stream('invocations'));
    n.behaviour = functionBehaviour;
    // One invocation per environment: the busy count is the concurrency, the capacity its limit.
    n.workers = 1;
    n.capacity = limit;
    return n;
  },
  deploy: functionDeploy,
});
