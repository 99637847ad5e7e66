import { type Distribution } from '../core/distributions';
import { compileDistribution } from '../core/sampler';
import { Instance } from '../runtime/instance';
import { LB_CODES } from '../runtime/loadBalancer';
import { NodeRt } from '../runtime/nodeRuntime';
import type { BuildContext } from './types';

/** Settings of a node that serves requests on instances with workers. */
export interface StationSettings {
  id: string;
  kind: string;
  instances: number;
  workers: number;
  queueCapacity: number;
  serviceTimeMs: Distribution;
  loadBalancer: string;
  startupMs: number;
  parallel: boolean;
  /** Service-time multipliers of the instance size by busy workers (null, the default: 1 at every load). */
  sizeFactors?: Float64Array | null;
}

/** Builds the runtime node shared by services, gateways and databases. */
export function buildStation(s: StationSettings, ctx: BuildContext): NodeRt {
  const n = new NodeRt(ctx.index, s.id, s.kind);
  n.workers = s.workers;
  n.queueCap = s.queueCapacity;
  n.service = compileDistribution(s.serviceTimeMs);
  n.lb = LB_CODES[s.loadBalancer] ?? 0;
  n.startupMs = s.startupMs;
  n.parallel = s.parallel;
  n.sizeFactors = s.sizeFactors ?? null;
  // Instances in the scenario are up when the run starts.
  for (let i = 0; i < s.instances; i++) {
    const inst = new Instance();
    inst.workers = s.workers;
    inst.sizeFactors = n.sizeFactors;
    n.instances.push(inst);
  }
  n.readyCount = s.instances;
  n.capacity = s.instances * s.workers;
  return n;
}
