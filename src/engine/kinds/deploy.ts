/**
 * What a kind tells microcosm's deployment export (src/export) about its nodes: which
 * off-the-shelf runtime runs one, the settings a deployment file has a field for, and the
 * sentences for what it has none. The export reads only this, so a new kind is deployed by
 * its own folder. Plain data and functions: the engine does not depend on the export layer,
 * which passes in what the sentences need (`DeployWords`).
 */
import type { LoadBalancerName } from './common';

/**
 * What runs a node's container: the team's own code ('app') or an off-the-shelf server.
 * The export owns each runtime's image, port and configuration; a kind only picks one.
 */
export type DeployRuntime = 'app' | 'postgres' | 'redis' | 'elasticmq' | 'localstack' | 'eureka';

/** What a kind's `runtime` may ask about the rest of the scenario. */
export interface DeployContext {
  /** Another node keeps its users' sessions in this one (sessions "store"): such a store is Redis. */
  sessionStore: boolean;
}

/** Words the export lends a kind's notes, so every file says durations the same way. */
export interface DeployWords {
  /** "250 ms", "1.5 s", "2 min". */
  spoken(ms: number): string;
}

/** A gateway's route as deployment files write it: a path prefix and the nodes it sends to. */
export interface DeployRoute {
  prefix: string;
  to: { service: string; weight: number }[];
  /** Written as a weighted split (a canary, a strangler fig), even with one target. */
  split: boolean;
}

/**
 * A node's settings that deployment files have fields for; each is absent when the kind has
 * none (the export then writes its default, or nothing).
 */
export interface DeploySettings {
  /** Copies at the start (instances, a database's servers); default 1. */
  replicas?: number;
  /** Time an instance takes to start: the health check's grace period. */
  startupMs?: number;
  /** How calls are spread over its instances (the mesh's load-balancing policy). */
  loadBalancer?: LoadBalancerName;
  /** Connections each server accepts (a database's pool: PostgreSQL's max_connections). */
  connections?: number;
  /** A message queue's settings (ElasticMQ's queue file, an SQS queue's name). */
  queue?: { fifo: boolean; visibilityTimeoutMs: number; deadLetter?: string; maxReceiveCount?: number };
  /** A registry's leases: the settings its clients (Eureka clients) are given. */
  leases?: { heartbeatMs: number; evictionMs: number; cacheRefreshMs: number };
  /** Present on a node that routes by path (even with no routes: then it calls every target). */
  routes?: DeployRoute[];
  /** It enforces a rate limit at the edge (no Gateway API field: a note says how). */
  rateLimited?: boolean;
  /** The node it checks every request with (external authorization). */
  authBy?: string;
}

/**
 * A kind's deployment: a node of a kind without one (a client) is load, not a workload.
 * `N` is the kind's node type.
 */
export interface KindDeploy<N> {
  /** The runtime a node runs on, or null when it is not deployed. */
  runtime(node: N, ctx: DeployContext): DeployRuntime | null;
  /** Its callers' connections are consumers pulling from it (a queue, a topic), not calls into it. */
  messaging?: boolean;
  /** It keeps data on disk (a database): a StatefulSet with a volume, one server per copy of the data. */
  stateful?: boolean;
  settings?(node: N): DeploySettings;
  /** What the node says that its deployment file has no field for, one sentence each. */
  notes?(node: N, words: DeployWords): string[];
}
