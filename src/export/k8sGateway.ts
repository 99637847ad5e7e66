/**
 * A gateway with routes as the Gateway API: a Gateway (Istio's class deploys its pods) and an
 * HTTPRoute with one rule per path prefix. A weighted split becomes weighted backendRefs,
 * which an Ingress cannot express: the strangler fig's migration is a change of weights.
 */
import type { IGateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import type { IHTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { duration, spoken } from './durations';
import { worstCaseMs } from './istioPolicy';
import { GATEWAY_CLASS, k8sHost, servicePort } from './k8sWorkloads';
import { retryText, workloadLines } from './notes';
import { linksFrom, type Plan, type Workload } from './plan';
import { gatewayRoutes, integerWeights } from './routes';
import { note, resource, type Resource } from './yamlDoc';

type Rule = NonNullable<NonNullable<IHTTPRoute['spec']>['rules']>[number];

/** The Gateway and HTTPRoute of a routing gateway. */
export function gatewayResources(plan: Plan, w: Workload): Resource[] {
  const labels = { app: w.name, 'app.kubernetes.io/part-of': plan.project };
  const gateway: IGateway = {
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway',
    metadata: { name: w.name, namespace: plan.project, labels },
    spec: { gatewayClassName: GATEWAY_CLASS, listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }] },
  };
  const g = resource(gateway as unknown as Record<string, unknown>);
  note(g, [], [
    `${w.node.id}${w.node.label ? ` (${w.node.label})` : ''}: gateway. Istio deploys its pods (Deployment and Service ${k8sHost(w)}); the scenario runs ${w.replicas} instance${w.replicas === 1 ? '' : 's'} of it: scale that Deployment to match.`,
    ...workloadLines(w),
  ]);
  const { rateLimited, authBy } = w.settings;
  if (rateLimited) note(g, ['spec'], ['The rate limit has no Gateway API field: Istio applies one with an EnvoyFilter (local_ratelimit) on the gateway\'s pods.']);
  if (authBy) note(g, ['spec', 'listeners'], [`Auth through ${authBy}: Istio's ext_authz (an AuthorizationPolicy with action CUSTOM and an extension provider pointing at it).`]);

  const route = resource({});
  const rules: Rule[] = [];
  const ruleNotes: [number, string[]][] = [];
  for (const r of gatewayRoutes(plan, w)) {
    const weights = integerWeights(r.backends.map((b) => b.weight));
    const rule: Rule = {
      matches: [{ path: { type: 'PathPrefix', value: r.prefix } }],
      backendRefs: r.backends.map((b, i) => ({ name: k8sHost(b.workload), port: servicePort(b.workload), ...(r.split ? { weight: weights[i] } : {}) })),
    };
    const edges = r.backends.map((b) => linksFrom(plan, w).find((l) => l.to === b.workload)?.edge).filter((e) => e !== undefined);
    const notes: string[] = [];
    if (r.split) notes.push(`Weighted split: ${r.backends.map((b, i) => `${b.workload.name} ${b.weight}${weights[i] !== b.weight ? ` (written ${weights[i]})` : ''}`).join(', ')}; each request draws on its own, as Envoy's weighted clusters do.`);
    const perTry = Math.max(0, ...edges.map((e) => e.timeoutMs ?? 0));
    if (perTry > 0) {
      const total = Math.max(...edges.map((e) => worstCaseMs(e) ?? 0));
      const retried = edges.some((e) => e.retry);
      rule.timeouts = retried ? { request: duration(total), backendRequest: duration(perTry) } : { request: duration(perTry) };
      if (new Set(edges.map((e) => e.timeoutMs)).size > 1) notes.push(`The calls to these backends have different timeouts: the longest (${spoken(perTry)}) is written.`);
    }
    for (const e of edges) {
      if (e.retry) notes.push(`To ${e.to}: ${retryText(e)}. HTTPRoute retries are still experimental in the Gateway API (GEP-1731).`);
      if (e.circuitBreaker || e.bulkhead) notes.push(`To ${e.to}: the breaker and bulkhead are in the Istio export (a DestinationRule for the gateway's pods).`);
      if (e.fallback) notes.push(`To ${e.to}: a fallback answer is application code; no gateway field.`);
    }
    if (notes.length) ruleNotes.push([rules.length, notes]);
    rules.push(rule);
  }
  const httpRoute: IHTTPRoute = {
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute',
    metadata: { name: w.name, namespace: plan.project, labels },
    spec: { parentRefs: [{ name: w.name }], rules },
  };
  route.value = httpRoute as unknown as Record<string, unknown>;
  for (const [i, lines] of ruleNotes) note(route, ['spec', 'rules', i], lines);
  note(route, [], ['Longest path prefix wins, as in the scenario; a path no rule matches gets 404.']);
  const routed = new Set(gatewayRoutes(plan, w).flatMap((r) => r.backends.map((b) => b.workload)));
  const other = linksFrom(plan, w).filter((l) => !routed.has(l.to) && authBy !== l.edge.to);
  if (other.length) note(route, ['spec', 'rules'], [`Also called by the gateway, on no route: ${other.map((l) => l.to.name).join(', ')}.`]);
  return [g, route];
}
