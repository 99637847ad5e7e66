/**
 * What the edges say about calls, for Istio: per called service a VirtualService whose
 * routes match each caller's pods (sourceLabels) and carry that call's timeout and retries,
 * and per call with a breaker or bulkhead a DestinationRule applied to the caller's pods only
 * (workloadSelector), since Resilience4j settings belong to one caller, not to the callee.
 */
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import { duration, spoken } from './durations';
import { connectionPoolFor, loadBalancerFor, outlierDetectionFor, retriesFor, worstCaseMs } from './istioPolicy';
import { podLabels } from './k8sWorkloads';
import { clientLines, fallbackText, retryText } from './notes';
import { linksTo, type Link, type Plan, type Workload } from './plan';
import { note, renderYaml, resource, type Resource } from './yamlDoc';

const API = 'networking.istio.io/v1beta1';
type HttpRoute = NonNullable<NonNullable<IVirtualService['spec']>['http']>[number];

/** The pods of a caller: its own labels, or the labels Istio gives a Gateway API gateway's pods. */
const callerSelector = (w: Workload): Record<string, string> => (w.routesTraffic ? { 'gateway.networking.k8s.io/gateway-name': w.name } : podLabels(w));

function virtualService(plan: Plan, target: Workload, calls: Link[]): Resource | null {
  const mesh = calls.filter((l) => !l.from.routesTraffic);
  if (target.spec.protocol !== 'http' || mesh.length === 0) return null;
  const http: HttpRoute[] = [];
  const notes: [number, string[]][] = [];
  for (const l of mesh) {
    const e = l.edge;
    if (e.timeoutMs === undefined && (e.retry?.maxAttempts ?? 1) <= 1 && !e.fallback) continue;
    const retries = retriesFor(e);
    const route: HttpRoute = { name: `from-${l.from.name}`, match: [{ sourceLabels: podLabels(l.from) }], route: [{ destination: { host: target.name } }] };
    const total = worstCaseMs(e);
    if (total !== null) route.timeout = duration(total);
    route.retries = retries.value;
    const lines = [...retries.notes];
    if (total !== null && e.retry) lines.unshift(`timeout ${duration(total)}: the whole call, all ${e.retry.maxAttempts} attempts of ${spoken(e.timeoutMs as number)} and the waits between them; perTryTimeout is the scenario's timeoutMs.`);
    if (e.fallback) lines.push(`${fallbackText(e)}: no Istio field.`);
    if (e.probability < 1) lines.push(`Made by ${+(e.probability * 100).toFixed(2)} % of ${l.from.name}'s requests (application logic).`);
    notes.push([http.length, lines]);
    http.push(route);
  }
  const defaultIndex = http.length;
  http.push({ name: 'default', route: [{ destination: { host: target.name } }], retries: { attempts: 0 } });
  const vs: IVirtualService = { apiVersion: API, kind: 'VirtualService', metadata: { name: target.name, namespace: plan.project }, spec: { hosts: [target.name], http } };
  const r = resource(vs as unknown as Record<string, unknown>);
  note(r, [], [defaultIndex === 0 ? `Calls to ${target.name}: the scenario gives them no timeout and no retry.` : `Calls to ${target.name}: one route per caller with its own timeout and retries.`]);
  for (const [i, lines] of notes) note(r, ['spec', 'http', i], lines);
  note(r, ['spec', 'http', defaultIndex], [`${defaultIndex === 0 ? 'Every caller' : 'Every other caller'}: no timeout and no retry, as in the scenario (Istio would otherwise retry twice).`]);
  const gateways = calls.filter((l) => l.from.routesTraffic).map((l) => l.from.name);
  if (gateways.length) note(r, ['spec', 'hosts'], [`Calls from the gateway ${[...new Set(gateways)].join(', ')} take their timeouts from its HTTPRoute (Kubernetes export).`]);
  return r;
}

function hostRule(plan: Plan, target: Workload): Resource | null {
  const lb = loadBalancerFor(target);
  if (!lb) return null;
  const dr: IDestinationRule = { apiVersion: API, kind: 'DestinationRule', metadata: { name: target.name, namespace: plan.project }, spec: { host: target.name, trafficPolicy: { loadBalancer: lb.value } } };
  const r = resource(dr as unknown as Record<string, unknown>);
  note(r, [], [`How every caller spreads requests over ${target.name}'s instances.`, ...lb.notes]);
  return r;
}

function callRule(plan: Plan, l: Link): Resource | null {
  const e = l.edge;
  if (!e.circuitBreaker && !e.bulkhead) return null;
  const policy: Record<string, unknown> = {};
  const lines: string[] = [];
  if (e.bulkhead) {
    const pool = connectionPoolFor(e.bulkhead, l.to.spec.protocol);
    policy.connectionPool = pool.value;
    lines.push(`Bulkhead → connectionPool. ${pool.notes.join(' ')}`);
  }
  if (e.circuitBreaker) {
    const od = outlierDetectionFor(e.circuitBreaker);
    policy.outlierDetection = od.value;
    lines.push(`Circuit breaker → outlierDetection. ${od.notes.join(' ')}`);
  }
  const lb = loadBalancerFor(l.to);
  if (lb) policy.loadBalancer = lb.value;
  const dr: IDestinationRule = {
    apiVersion: API, kind: 'DestinationRule',
    metadata: { name: `${l.from.name}-to-${l.to.name}`, namespace: plan.project },
    spec: { host: l.to.name, workloadSelector: { matchLabels: callerSelector(l.from) }, trafficPolicy: policy },
  };
  const r = resource(dr as unknown as Record<string, unknown>);
  note(r, [], [`${l.from.name} → ${l.to.name}: applies to ${l.from.name}'s pods only (workloadSelector), as the scenario's settings belong to this call.`]);
  note(r, ['spec', 'trafficPolicy'], lines);
  if (lb) note(r, ['spec', 'trafficPolicy', 'loadBalancer'], [`Repeated from ${l.to.name}'s own rule: a workload-specific rule replaces it for these pods.`]);
  if (e.fallback) note(r, ['spec', 'host'], [`${fallbackText(e)}: no Istio field.`]);
  return r;
}

/** Sentences for calls whose settings Istio cannot carry (TCP targets, queue consumers). */
function unmapped(l: Link): string | null {
  const e = l.edge;
  if (l.role === 'consume') return e.timeoutMs !== undefined || e.retry ? `${l.from.name} consumes ${l.to.name}: processing limits (timeout${e.retry ? ', retries' : ''}) are the consumer's code and the queue's visibility timeout, not the mesh's.` : null;
  if (l.to.spec.protocol === 'tcp' && (e.timeoutMs !== undefined || e.retry)) {
    return `${l.from.name} → ${l.to.name} is TCP: Istio cannot time out or retry a query; set ${[e.timeoutMs !== undefined ? `a ${spoken(e.timeoutMs)} timeout` : '', e.retry ? retryText(e) : ''].filter(Boolean).join(' and ')} in the driver.`;
  }
  return null;
}

/** The Istio file of a plan. */
export function toIstio(plan: Plan): string {
  const out: Resource[] = [];
  const loose: string[] = [];
  for (const target of plan.workloads) {
    const calls = linksTo(plan, target).filter((l) => l.role === 'call');
    const vs = virtualService(plan, target, calls);
    if (vs) out.push(vs);
    const host = hostRule(plan, target);
    if (host) out.push(host);
    for (const l of calls) {
      const dr = callRule(plan, l);
      if (dr) out.push(dr);
    }
  }
  for (const l of plan.links) {
    const s = unmapped(l);
    if (s) loose.push(s);
  }
  const header = [
    `Istio traffic rules for "${plan.scenario.name}", exported by microcosm (apply after the Kubernetes export; the namespace has sidecar injection on).`,
    'Resilience4j → Istio: timeoutMs → perTryTimeout (timeout covers all attempts); maxAttempts - 1 → retries.attempts; retryOn → Envoy conditions; circuit breaker → outlierDetection (errors in a row, per instance); bulkhead → connectionPool. What has no field is a comment beside the nearest rule.',
    ...loose,
    ...clientLines(plan),
    ...(out.length === 0 ? ['Nothing to configure: no service calls another.'] : []),
  ];
  return renderYaml(out, header);
}
