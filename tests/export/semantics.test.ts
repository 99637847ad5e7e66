import { describe, expect, it } from 'vitest';
import { exportScenario, type ExportTarget } from '../../src/export';
import type { Scenario } from '../../src/engine/model';
import { SIZES } from '../../src/engine/scaling/sizes';
import { KITCHEN_SINK, kitchenSink, preset, presets } from './fixtures';
import { validateCompose, validateObjects, type K8sObject } from './validate';

/** What the files say, read back as a person applying them would: the numbers come from the scenario. */
// Parsed YAML: the tests walk it freely and the assertions say what they expect.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const objects = (s: Scenario, target: Exclude<ExportTarget, 'compose'>) => validateObjects(exportScenario(s, target).text).objects;
const find = (objs: K8sObject[], kind: string, name: string) => {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name} in ${objs.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`);
  return o as Json;
};
type Compose = { services: Record<string, Json> };
const compose = (s: Scenario) => validateCompose(exportScenario(s, 'compose').text).compose as unknown as Compose;

describe('Kubernetes', () => {
  it('gives every service a Deployment with replicas = instances, its size as requests and limits, and a ClusterIP Service on its port', () => {
    for (const { file, scenario } of presets()) {
      const objs = objects(scenario, 'k8s');
      for (const n of scenario.nodes) {
        if (n.kind !== 'service') continue;
        const name = n.id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
        const dep = find(objs, 'Deployment', name);
        expect(dep.spec.replicas, `${file} ${n.id}`).toBe(n.instances);
        const c = dep.spec.template.spec.containers[0] as { ports: { name: string; containerPort: number }[]; resources: { requests: Record<string, string>; limits: Record<string, string> } };
        const size = SIZES[n.size ?? 'small'];
        expect(c.resources.requests).toEqual({ cpu: String(size.vcpu), memory: `${size.memoryGiB}Gi` });
        expect(c.resources.limits).toEqual(c.resources.requests);
        const svc = find(objs, 'Service', name);
        expect(svc.spec.type).toBe('ClusterIP');
        const port = (svc.spec.ports as { port: number; targetPort: string }[])[0];
        expect(c.ports.map((p) => p.name)).toContain(port.targetPort);
        expect(port.port).toBe(80);
      }
    }
  });

  it('selects exactly the pods it templates: matchLabels = the template\'s labels, and the Service selects them too', () => {
    for (const { scenario } of [...presets(), { scenario: kitchenSink() }]) {
      const objs = objects(scenario, 'k8s');
      for (const o of objs.filter((x) => x.kind === 'Deployment' || x.kind === 'StatefulSet')) {
        const spec = o.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
        expect(spec.selector.matchLabels).toEqual(spec.template.metadata.labels);
        const svc = find(objs, 'Service', o.metadata.name);
        expect(svc.spec.selector).toEqual(spec.template.metadata.labels);
      }
    }
  });

  it('turns the autoscale block into an autoscaling/v2 HPA', () => {
    const objs = objects(preset('autoscale-spike.json'), 'k8s');
    const hpa = find(objs, 'HorizontalPodAutoscaler', 'catalog');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'catalog' });
    expect(hpa.spec.minReplicas).toBe(2);
    expect(hpa.spec.maxReplicas).toBe(10);
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    expect((hpa.spec.behavior as { scaleDown: { stabilizationWindowSeconds: number } }).scaleDown.stabilizationWindowSeconds).toBe(300);
    // Non-default numbers come through too.
    const ks = find(objects(kitchenSink(), 'k8s'), 'HorizontalPodAutoscaler', 'shop-v1');
    expect([ks.spec.minReplicas, ks.spec.maxReplicas]).toEqual([3, 12]);
    expect((ks.spec.metrics as { resource: { target: { averageUtilization: number } } }[])[0].resource.target.averageUtilization).toBe(60);
    expect((ks.spec.behavior as { scaleDown: { stabilizationWindowSeconds: number } }).scaleDown.stabilizationWindowSeconds).toBe(60);
    // No autoscale block, no HPA.
    expect(objects(preset('scale-up.json'), 'k8s').some((o) => o.kind === 'HorizontalPodAutoscaler')).toBe(false);
  });

  it('turns a health check into readiness and liveness probes, and no health check into none', () => {
    const c = find(objects(kitchenSink(), 'k8s'), 'Deployment', 'shop-v1').spec.template.spec.containers[0] as Record<string, { periodSeconds: number; failureThreshold: number; initialDelaySeconds?: number }>;
    expect(c.readinessProbe).toMatchObject({ periodSeconds: 1, failureThreshold: 2 });
    expect(c.livenessProbe).toMatchObject({ periodSeconds: 1, failureThreshold: 2, initialDelaySeconds: 15 });
    const plain = find(objects(kitchenSink(), 'k8s'), 'Deployment', 'auth').spec.template.spec.containers[0] as Record<string, unknown>;
    expect(plain.readinessProbe).toBeUndefined();
  });

  it('makes the strangler fig\'s weighted split a weighted HTTPRoute', () => {
    const objs = objects(preset('strangler-fig.json'), 'k8s');
    const route = find(objs, 'HTTPRoute', 'gateway');
    const rules = route.spec.rules as { matches: { path: { type: string; value: string } }[]; backendRefs: { name: string; port: number; weight?: number }[] }[];
    expect(rules.map((r) => r.matches[0].path)).toEqual([
      { type: 'PathPrefix', value: '/orders' }, { type: 'PathPrefix', value: '/catalog' }, { type: 'PathPrefix', value: '/account' },
    ]);
    expect(rules[0].backendRefs).toEqual([{ name: 'legacy', port: 80, weight: 100 }, { name: 'orders', port: 80, weight: 0 }]);
    expect(rules[1].backendRefs).toEqual([{ name: 'legacy', port: 80 }]);
    expect(find(objs, 'Gateway', 'gateway').spec.gatewayClassName).toBe('istio');
    expect(objs.some((o) => o.kind === 'Deployment' && o.metadata.name === 'gateway')).toBe(false);
    // Fractional weights keep their proportions as whole numbers.
    const ks = find(objects(kitchenSink(), 'k8s'), 'HTTPRoute', 'edge-gw').spec.rules as { backendRefs: { weight: number }[] }[];
    expect(ks[0].backendRefs.map((b) => b.weight)).toEqual([2500, 7500]);
  });
});

describe('Istio', () => {
  it('turns the circuit breaker into a DestinationRule for the calling pods', () => {
    const objs = objects(preset('circuit-breaker.json'), 'istio');
    const dr = find(objs, 'DestinationRule', 'checkout-to-payments');
    expect(dr.spec.host).toBe('payments');
    expect(dr.spec.workloadSelector).toEqual({ matchLabels: { app: 'checkout' } });
    // 50 % of a 20-call window: 10 failures in a row open it from a healthy start; open 5 s.
    expect((dr.spec.trafficPolicy as { outlierDetection: unknown }).outlierDetection).toEqual({ consecutive5xxErrors: 10, interval: '5s', baseEjectionTime: '5s', maxEjectionPercent: 100 });
    const vs = find(objs, 'VirtualService', 'payments');
    const http = vs.spec.http as { name: string; timeout?: string; retries: { attempts: number } }[];
    expect(http[0]).toMatchObject({ name: 'from-checkout', timeout: '1s', retries: { attempts: 0 } });
  });

  it('turns retries into attempts after the first, a per-try timeout and a total that covers every attempt and wait', () => {
    const vs = find(objects(kitchenSink(), 'istio'), 'VirtualService', 'payments');
    const http = vs.spec.http as { name: string; match?: unknown; timeout?: string; retries: Record<string, unknown> }[];
    const fromShop = http.find((h) => h.name === 'from-shop-v1');
    // 4 attempts of 800 ms, waits 200, 600, 1000 (×3, capped at 1 s): 5 s in all.
    expect(fromShop).toMatchObject({ match: [{ sourceLabels: { app: 'shop-v1' } }], timeout: '5s', retries: { attempts: 3, perTryTimeout: '800ms', retryOn: '5xx,gateway-error,503' } });
    expect(http.at(-1)).toEqual({ name: 'default', route: [{ destination: { host: 'payments' } }], retries: { attempts: 0 } });
    const pool = (find(objects(kitchenSink(), 'istio'), 'DestinationRule', 'shop-v1-to-payments').spec.trafficPolicy as { connectionPool: unknown }).connectionPool;
    expect(pool).toEqual({ tcp: { maxConnections: 8 }, http: { http2MaxRequests: 8, http1MaxPendingRequests: 8 } });
  });
});

describe('Compose', () => {
  it('gives every service replicas = instances, its size, and one URL per call', () => {
    for (const { scenario } of presets()) {
      const c = compose(scenario);
      for (const n of scenario.nodes) {
        if (n.kind !== 'service') continue;
        const svc = c.services[n.id.toLowerCase()];
        expect(svc.deploy.replicas).toBe(n.instances);
        expect(svc.deploy.resources.limits.cpus).toBe(String(SIZES[n.size ?? 'small'].vcpu));
        const calls = scenario.edges.filter((e) => e.from === n.id || (e.to === n.id && ['queue', 'topic'].includes(scenario.nodes.find((x) => x.id === e.from)?.kind ?? '')));
        expect(Object.keys(svc.environment ?? {}).filter((k) => k.endsWith('_URL') && !k.startsWith('EUREKA'))).toHaveLength(calls.length);
      }
    }
  });

  it('waits for healthy dependencies, and never in a circle', () => {
    const c = compose(kitchenSink());
    expect(c.services['edge-gw'].depends_on).toMatchObject({ 'shop-v1': { condition: 'service_healthy' }, auth: { condition: 'service_started' } });
    expect(c.services.admin.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(c.services['shop-v1'].healthcheck).toMatchObject({ interval: '500ms', retries: 2, start_period: '15s' });
    for (const { scenario } of [...presets(), { scenario: kitchenSink() }]) {
      const svc = compose(scenario).services;
      const deps = (s: string): string[] => Object.keys((svc[s] as { depends_on?: object }).depends_on ?? {});
      const visiting = new Set<string>();
      const done = new Set<string>();
      const visit = (s: string) => {
        if (done.has(s)) return;
        expect(visiting.has(s), `cycle through ${s}`).toBe(false);
        visiting.add(s);
        deps(s).forEach(visit);
        visiting.delete(s);
        done.add(s);
      };
      Object.keys(svc).forEach(visit);
    }
  });

  it('runs databases and queues on their usual images, on their usual ports', () => {
    const c = compose(kitchenSink());
    expect(c.services.db.image).toMatch(/^postgres:/);
    expect(c.services.sessions.image).toMatch(/^redis:/);
    expect(c.services['fast-jobs'].image).toMatch(/^redis:/);
    expect(c.services.jobs.image).toMatch(/^softwaremill\/elasticmq/);
    expect((c.services['shop-v2'].environment as Record<string, string>).JOBS_URL).toBe('http://jobs:9324/000000000000/jobs.fifo');
    expect((c.services.admin.environment as Record<string, string>).DB_URL).toBe('postgresql://db:5432/db');
  });
});

describe('nothing is dropped without a word', () => {
  it('writes what has no field as a comment in every target', () => {
    for (const target of ['compose', 'k8s', 'istio'] as const) {
      const text = exportScenario(kitchenSink(), target).text;
      const comments = text.split('\n').filter((l) => l.trimStart().startsWith('#')).join(' ').toLowerCase();
      for (const words of ['equal jitter', 'retry budget', 'degraded response', 'Load (client Users', '5 users in a closed loop']) expect(comments, `${target}: ${words}`).toContain(words.toLowerCase());
      if (target !== 'istio') for (const words of ['Saga orchestrator', 'Rate limit', 'Sticky sessions', 'made by 30 %']) expect(comments, `${target}: ${words}`).toContain(words.toLowerCase());
    }
    expect(KITCHEN_SINK.nodes.length).toBeGreaterThan(15);
  });
});
