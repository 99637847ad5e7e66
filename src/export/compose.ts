/**
 * The scenario as a Compose file (the Compose Specification): one service per workload,
 * with its image, replicas and resources, the URL of everything it calls, its health check
 * and the services it waits for. Compose has no autoscaler, no routing and no call
 * policies: those are comments, and the Kubernetes and Istio exports carry them.
 */
import { duration, spoken } from './durations';
import { callPolicy, clientLines, titleLine, workloadLines } from './notes';
import { linksFrom, type Plan, urlOf, urlVar, type Workload } from './plan';
import { ELASTICMQ_CONF_PATH, elasticmqConf, imageHealthCommand, READY_PATH, runtimeArgs, runtimeEnv } from './runtimeConfig';
import { routesText } from './routes';
import { note, renderYaml, resource, type Resource } from './yamlDoc';

/** The first host port a way in is published on. */
const FIRST_HOST_PORT = 8080;

interface Healthcheck { test: string[]; interval: string; timeout: string; retries: number; start_period?: string }

/** The container's health check: the node's own, or the usual one of a database image. */
export function composeHealthcheck(w: Workload): Healthcheck | null {
  if (w.healthCheck) {
    const hc: Healthcheck = {
      test: ['CMD-SHELL', `wget -qO- http://localhost:${w.spec.port}${READY_PATH} || exit 1`],
      interval: duration(w.healthCheck.periodMs),
      timeout: duration(Math.min(1000, w.healthCheck.periodMs)),
      retries: w.healthCheck.failureThreshold,
    };
    if (w.startupMs > 0) hc.start_period = duration(w.startupMs);
    return hc;
  }
  const test = imageHealthCommand(w);
  return test ? { test, interval: '5s', timeout: '3s', retries: 5 } : null;
}

/**
 * depends_on must not go round in a circle (Compose refuses to start one): the dependencies
 * are taken in scenario order and one that would close a cycle is left out, with a comment.
 */
function dependencies(plan: Plan): Map<Workload, { target: Workload; cyclic: boolean }[]> {
  const out = new Map<Workload, { target: Workload; cyclic: boolean }[]>();
  const kept = new Map<Workload, Set<Workload>>();
  const reaches = (from: Workload, to: Workload, seen = new Set<Workload>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    for (const next of kept.get(from) ?? []) if (reaches(next, to, seen)) return true;
    return false;
  };
  for (const link of plan.links) {
    const list = out.get(link.from) ?? [];
    if (list.some((d) => d.target === link.to) || link.to === link.from) continue;
    const cyclic = reaches(link.to, link.from);
    if (!cyclic) kept.set(link.from, (kept.get(link.from) ?? new Set()).add(link.to));
    list.push({ target: link.to, cyclic });
    out.set(link.from, list);
  }
  return out;
}

function composeService(plan: Plan, w: Workload, deps: { target: Workload; cyclic: boolean }[], hostPort: number | null, doc: Resource): Record<string, unknown> {
  const path = ['services', w.name];
  const svc: Record<string, unknown> = { image: w.image };
  const args = runtimeArgs(w);
  if (args) svc.command = [w.runtime, ...args];

  const env: Record<string, string> = { ...runtimeEnv(plan, w, true) };
  if (w.runtime === 'postgres') env.POSTGRES_PASSWORD = '${POSTGRES_PASSWORD:-change-me}';
  const envNotes: [string, string][] = [];
  const subscriptions: string[] = [];
  for (const link of linksFrom(plan, w)) {
    if (w.messaging) {
      // A topic delivering to a queue: a subscription, set up in the broker, not an address in the environment.
      subscriptions.push(link.to.name);
      continue;
    }
    const key = urlVar(link.to);
    env[key] = urlOf(link.to, link.to.spec.port);
    const policy = callPolicy(link.edge);
    if (link.role === 'consume') envNotes.push([key, `Consumes ${link.to.name}${policy ? ` (${policy})` : ''}: the consumer's code and the queue's visibility timeout.`]);
    else if (policy) envNotes.push([key, `${policy}: the calling code's job (e.g. Resilience4j), or the mesh's: see the Istio export.`]);
  }
  if (plan.registry && w.runtime === 'app') env.EUREKA_CLIENT_SERVICEURL_DEFAULTZONE = urlOf(plan.registry, plan.registry.spec.port);
  const sortedEnv = Object.fromEntries(Object.keys(env).sort().map((k) => [k, env[k]]));
  if (Object.keys(sortedEnv).length) svc.environment = sortedEnv;

  if (hostPort !== null) svc.ports = [w.replicas > 1 ? `${hostPort}-${hostPort + w.replicas - 1}:${w.spec.port}` : `${hostPort}:${w.spec.port}`];

  const dependsOn: Record<string, { condition: string }> = {};
  const cyclic: string[] = [];
  for (const d of [...deps].sort((a, b) => a.target.name.localeCompare(b.target.name))) {
    if (d.cyclic) cyclic.push(d.target.name);
    else dependsOn[d.target.name] = { condition: composeHealthcheck(d.target) ? 'service_healthy' : 'service_started' };
  }
  if (Object.keys(dependsOn).length) svc.depends_on = dependsOn;

  const hc = composeHealthcheck(w);
  if (hc) svc.healthcheck = hc;

  // One server of a stateful workload: more would be separate databases, not replicas (a note says so).
  const deploy: Record<string, unknown> = { replicas: w.stateful ? 1 : w.replicas };
  if (w.size) {
    const r = { cpus: String(w.size.spec.vcpu), memory: `${w.size.spec.memoryGiB}g` };
    deploy.resources = { limits: r, reservations: { ...r } };
  }
  svc.deploy = deploy;
  if (w.runtime === 'elasticmq') svc.configs = [{ source: `${w.name}-conf`, target: ELASTICMQ_CONF_PATH }];

  // Comments, in the order they appear.
  note(doc, path, [titleLine(w), ...workloadLines(w), ...routesText(plan, w)]);
  if (args && w.runtime === 'postgres') note(doc, [...path, 'command'], ['The connection pool size, plus the 3 connections PostgreSQL keeps for superusers.']);
  for (const [key, text] of envNotes) note(doc, [...path, 'environment', key], [text]);
  if (subscriptions.length) note(doc, [...path, 'image'], [`Delivers every message to ${subscriptions.join(', ')} (a subscription to create in the broker).`]);
  if (cyclic.length) note(doc, [...path, svc.depends_on ? 'depends_on' : 'deploy'], [`Also calls ${cyclic.join(', ')}, left out of depends_on: it would make a cycle.`]);
  if (hostPort !== null) note(doc, [...path, 'ports'], ['Published on the host: the clients call it.']);
  if (hc && !w.healthCheck) note(doc, [...path, 'healthcheck'], ['The image\'s usual check (the scenario gives a database none).']);
  if (!hc && w.runtime === 'app') note(doc, [...path, 'deploy'], ['No healthCheck in the scenario: no health check, so callers that wait for it wait only for the start.']);
  if (w.autoscale) {
    const a = w.autoscale;
    note(doc, [...path, 'deploy', 'replicas'], [`Compose cannot autoscale: the scenario scales ${a.minReplicas} to ${a.maxReplicas} replicas at ${Math.round(a.targetUtilization * 100)} % CPU, scale-down after ${spoken(a.scaleDownStabilizationMs)} (see the Kubernetes export).`]);
  }
  if (w.stateful && w.replicas > 1) note(doc, [...path, 'deploy', 'replicas'], [`One server here: the scenario's ${w.replicas} servers need replication, not ${w.replicas} separate databases.`]);
  if (w.size) note(doc, [...path, 'deploy', 'resources'], [`Size ${w.size.name}: ${w.size.spec.vcpu} vCPUs, ${w.size.spec.memoryGiB} GiB.`]);
  return svc;
}

/** The Compose file of a plan. */
export function toCompose(plan: Plan): string {
  const doc = resource({});
  const deps = dependencies(plan);
  const services: Record<string, unknown> = {};
  let nextHostPort = FIRST_HOST_PORT;
  const configs: Record<string, { content: string }> = {};
  // Build first (comments need the finished value to find their keys), then attach.
  const pending: Resource = resource({});
  for (const w of plan.workloads) {
    let hostPort: number | null = null;
    if (w.entry) {
      hostPort = nextHostPort;
      nextHostPort += Math.max(1, w.replicas);
    }
    services[w.name] = composeService(plan, w, deps.get(w) ?? [], hostPort, pending);
    if (w.runtime === 'elasticmq') configs[`${w.name}-conf`] = { content: elasticmqConf(plan, w) };
  }
  doc.value = { name: plan.project, services, ...(Object.keys(configs).length ? { configs } : {}) };
  doc.comments.push(...pending.comments);
  const header = [
    `Docker Compose file for "${plan.scenario.name}", exported by microcosm.`,
    'Images of the team\'s own services are placeholders: build and push them, then `docker compose up`.',
    ...clientLines(plan),
  ];
  return renderYaml([doc], header);
}
