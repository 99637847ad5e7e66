/**
 * What a scenario deploys, before any target's syntax: one workload per node that runs as
 * a process (every kind but the client), its image and port, and the links between
 * workloads. Compose, Kubernetes and Istio are three ways of writing the same plan, so they
 * agree on names, ports and who talks to whom.
 */
import { kindCan, kindOf, type KindName } from '../engine/kinds';
import type { ClientNode } from '../engine/kinds/client/schema';
import type { DeployRuntime, DeploySettings } from '../engine/kinds/deploy';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../engine/model';
import type { AutoscaleConfig } from '../engine/scaling/autoscaleSchema';
import { SIZES, type InstanceSize, type SizeName } from '../engine/scaling/sizes';
import { dnsLabel, envName, uniqueLabels } from './names';
import { DEFAULT_IMAGE_REGISTRY, type ExportOptions } from './types';

/** What runs in a workload's container: each kind picks one (its definition's `deploy`). */
export type Runtime = DeployRuntime;

export interface RuntimeSpec {
  /** Image, or null for the team's own image (built from the registry option and the name). */
  image: string | null;
  port: number;
  /** Port name: Istio picks the protocol from it (http, tcp-...); at most 15 characters. */
  portName: string;
  protocol: 'http' | 'tcp';
  /** What the runtime is, for comments. */
  what: string;
}

/** The images the export uses; the team's own code gets a placeholder in the image registry. */
export const RUNTIMES: Readonly<Record<Runtime, RuntimeSpec>> = {
  app: { image: null, port: 8080, portName: 'http', protocol: 'http', what: 'the team\'s own service (placeholder image)' },
  eureka: { image: null, port: 8761, portName: 'http', protocol: 'http', what: 'a Eureka server (Spring Cloud Netflix), built by the team' },
  postgres: { image: 'postgres:17', port: 5432, portName: 'tcp-postgres', protocol: 'tcp', what: 'PostgreSQL' },
  redis: { image: 'redis:7', port: 6379, portName: 'tcp-redis', protocol: 'tcp', what: 'Redis' },
  elasticmq: { image: 'softwaremill/elasticmq-native:latest', port: 9324, portName: 'http', protocol: 'http', what: 'ElasticMQ, an SQS-compatible queue server' },
  localstack: { image: 'localstack/localstack:latest', port: 4566, portName: 'http', protocol: 'http', what: 'LocalStack running SNS (topics)' },
};

/** Kubernetes Service port of an HTTP workload: callers write http://name, not :8080. */
export const HTTP_SERVICE_PORT = 80;

export interface Workload {
  node: ScenarioNode;
  kind: KindName;
  /** DNS label: Compose service, host name, Kubernetes object name. */
  name: string;
  /** Prefix of the environment variables that point at it ("CATALOG_DB"). */
  envPrefix: string;
  runtime: Runtime;
  image: string;
  spec: RuntimeSpec;
  /** Copies at the start (instances, a database's servers, 1 for the rest). */
  replicas: number;
  /** What its kind says a deployment file has fields for (kinds/deploy.ts). */
  settings: DeploySettings;
  /** Its callers pull from it (a queue, a topic): their connections are consumers'. */
  messaging: boolean;
  /** It keeps data on disk (a database): a StatefulSet, one server where the scenario has several. */
  stateful: boolean;
  /** Instance size (only kinds that scale have one in a scenario). */
  size: { name: SizeName; spec: InstanceSize } | null;
  healthCheck: { periodMs: number; failureThreshold: number } | null;
  startupMs: number;
  autoscale: AutoscaleConfig | null;
  /** A node with routes (a gateway): on Kubernetes it is a Gateway and an HTTPRoute, not a Deployment. */
  routesTraffic: boolean;
  /** Clients call it: it is the way in from outside. */
  entry: boolean;
}

/** A connection between two workloads: a call over an edge, or a consumer reading a queue or topic. */
export interface Link {
  /** Who opens the connection. */
  from: Workload;
  /** Who listens. */
  to: Workload;
  edge: ScenarioEdge;
  role: 'call' | 'consume';
}

export interface ClientLoad {
  node: ClientNode;
  targets: Workload[];
  edges: ScenarioEdge[];
}

export interface Plan {
  scenario: Scenario;
  /** DNS label of the whole system (Compose project, Kubernetes namespace). */
  project: string;
  workloads: Workload[];
  byId: ReadonlyMap<string, Workload>;
  links: Link[];
  clients: ClientLoad[];
  registry: Workload | null;
}

/** The runtime a node runs on, as its kind says; null for a kind that is not deployed (a client: it is load). */
function runtimeOf(node: ScenarioNode, sessionStores: ReadonlySet<string>): Runtime | null {
  return kindOf(node.kind)?.deploy?.runtime(node, { sessionStore: sessionStores.has(node.id) }) ?? null;
}

/** Builds the plan of a validated scenario. */
export function planDeployment(scenario: Scenario, options: ExportOptions = {}): Plan {
  const registryPrefix = (options.imageRegistry ?? DEFAULT_IMAGE_REGISTRY).replace(/\/+$/, '');
  const sessionStores = new Set<string>();
  for (const n of scenario.nodes) {
    const sessions = kindOf(n.kind)?.sessions?.(n);
    if (sessions?.mode === 'store' && sessions.store) sessionStores.add(sessions.store);
  }
  const deployed = scenario.nodes.filter((n) => runtimeOf(n, sessionStores) !== null);
  const labels = uniqueLabels(deployed.map((n) => n.id));
  const sources = new Set(scenario.nodes.filter((n) => kindCan(n.kind, 'source')).map((n) => n.id));
  const calledByClient = new Set(scenario.edges.filter((e) => sources.has(e.from)).map((e) => e.to));

  const workloads: Workload[] = deployed.map((node) => {
    const runtime = runtimeOf(node, sessionStores) as Runtime;
    const spec = RUNTIMES[runtime];
    const name = labels.get(node.id) as string;
    const kind = kindOf(node.kind);
    const deploy = kind?.deploy;
    const settings = deploy?.settings?.(node) ?? {};
    const scaling = kind?.scaling?.(node);
    return {
      node,
      kind: node.kind,
      name,
      envPrefix: envName(name),
      runtime,
      image: spec.image ?? `${registryPrefix}/${name}:latest`,
      spec,
      replicas: settings.replicas ?? 1,
      settings,
      messaging: deploy?.messaging === true,
      stateful: deploy?.stateful === true,
      size: scaling ? { name: scaling.size, spec: SIZES[scaling.size] } : null,
      healthCheck: kind?.discovery?.(node).healthCheck ?? null,
      startupMs: settings.startupMs ?? 0,
      autoscale: scaling?.autoscale ?? null,
      routesTraffic: (settings.routes?.length ?? 0) > 0,
      entry: calledByClient.has(node.id),
    };
  });
  const byId = new Map(workloads.map((w) => [w.node.id, w]));

  const links: Link[] = [];
  for (const edge of scenario.edges) {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b) continue;
    // A consumer pulls from its queue: the connection goes from the consumer to the queue.
    if (a.messaging && !b.messaging) links.push({ from: b, to: a, edge, role: 'consume' });
    else links.push({ from: a, to: b, edge, role: 'call' });
  }

  const clients: ClientLoad[] = [];
  for (const node of scenario.nodes) {
    // A source of requests (a client) is load, not a workload.
    if (!kindCan(node.kind, 'source')) continue;
    const edges = scenario.edges.filter((e) => e.from === node.id);
    const targets = edges.map((e) => byId.get(e.to)).filter((w): w is Workload => !!w);
    clients.push({ node: node as ClientNode, targets, edges });
  }

  return {
    scenario,
    project: options.namespace ? dnsLabel(options.namespace, 'microcosm') : shortLabel(dnsLabel(scenario.name, 'microcosm')),
    workloads,
    byId,
    links,
    clients,
    registry: workloads.find((w) => w.settings.leases) ?? null,
  };
}

/** A scenario's name is a sentence: its first words (at most 30 characters) name the project. */
function shortLabel(label: string): string {
  if (label.length <= 30) return label;
  const cut = label.slice(0, 31).lastIndexOf('-');
  return cut > 0 ? label.slice(0, cut) : label.slice(0, 30);
}

/** The links a workload opens, in scenario order. */
export const linksFrom = (plan: Plan, w: Workload): Link[] => plan.links.filter((l) => l.from === w);

/** The links into a workload, in scenario order. */
export const linksTo = (plan: Plan, w: Workload): Link[] => plan.links.filter((l) => l.to === w);

/**
 * How a caller reaches a workload: its URL for `host:port`. The queue URL is ElasticMQ's
 * ("/000000000000/<queue>"), a database URL names a database called like the node.
 */
export function urlOf(w: Workload, port: number, host = w.name): string {
  const hostPort = `${host}${port === 80 && w.spec.protocol === 'http' ? '' : `:${port}`}`;
  switch (w.runtime) {
    case 'postgres': return `postgresql://${hostPort}/${w.envPrefix.toLowerCase()}`;
    case 'redis': return `redis://${hostPort}`;
    case 'elasticmq': return `http://${hostPort}/000000000000/${queueName(w)}`;
    case 'eureka': return `http://${hostPort}/eureka/`;
    default: return `http://${hostPort}`;
  }
}

/** The SQS queue name of a queue workload: a FIFO queue's name ends in ".fifo", as SQS requires. */
export const queueName = (w: Workload): string => (w.settings.queue?.fifo ? `${w.name}.fifo` : w.name);

/** The environment variable a caller reads the URL from. */
export const urlVar = (w: Workload): string => `${w.envPrefix}_URL`;
