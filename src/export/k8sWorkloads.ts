/**
 * Kubernetes objects of one workload: a Deployment (a StatefulSet for a database), its
 * Service, its HorizontalPodAutoscaler, and what the image needs (a ConfigMap, a Secret).
 * The types come from kubernetes-models (types only: nothing of it is bundled), so a
 * misspelt field fails the typecheck; the tests validate the output with the same models.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import { HPA_DEFAULTS } from '../engine/scaling/hpaConfig';
import { seconds, spoken } from './durations';
import { callPolicy, titleLine, workloadLines } from './notes';
import { HTTP_SERVICE_PORT, linksFrom, type Plan, urlOf, urlVar, type Workload } from './plan';
import { ELASTICMQ_CONF_PATH, elasticmqConf, imageHealthCommand, LIVE_PATH, READY_PATH, runtimeArgs, runtimeEnv } from './runtimeConfig';
import { note, resource, type Resource } from './yamlDoc';

/** The port a workload's Kubernetes Service listens on. */
export const servicePort = (w: Workload): number => (w.runtime === 'app' ? HTTP_SERVICE_PORT : w.spec.port);

/**
 * The host name callers use. Istio deploys a Gateway API gateway itself, behind a Service
 * named "<gateway>-<class>"; every other workload has a Service of its own name.
 */
export const k8sHost = (w: Workload): string => (w.routesTraffic ? `${w.name}-${GATEWAY_CLASS}` : w.name);

/** The GatewayClass of the exported Gateways: Istio's. */
export const GATEWAY_CLASS = 'istio';

/** The pod labels, which are also the selector: Istio's sourceLabels match them too. */
export const podLabels = (w: Workload): Record<string, string> => ({ app: w.name });

const asResource = (value: object): Resource => resource(value as Record<string, unknown>);

function meta(plan: Plan, w: Workload, name = w.name) {
  return { name, namespace: plan.project, labels: { ...podLabels(w), 'app.kubernetes.io/part-of': plan.project } };
}

function probes(w: Workload): Pick<IContainer, 'readinessProbe' | 'livenessProbe'> {
  if (w.healthCheck) {
    const base = { periodSeconds: seconds(w.healthCheck.periodMs), timeoutSeconds: 1, failureThreshold: w.healthCheck.failureThreshold };
    const liveness: IProbe = { httpGet: { path: LIVE_PATH, port: w.spec.portName }, ...base };
    if (w.startupMs > 0) liveness.initialDelaySeconds = seconds(w.startupMs);
    return { readinessProbe: { httpGet: { path: READY_PATH, port: w.spec.portName }, ...base }, livenessProbe: liveness };
  }
  const cmd = imageHealthCommand(w);
  if (!cmd) return {};
  const command = cmd[0] === 'CMD-SHELL' ? ['sh', '-c', cmd[1]] : cmd.slice(1);
  return { readinessProbe: { exec: { command }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 5 } };
}

function container(plan: Plan, w: Workload, r: Resource, at: (string | number)[]): IContainer {
  const env: IEnvVar[] = [];
  const notes: [string, string][] = [];
  // Kubernetes Services and their endpoints do a registry's job: no Eureka settings here.
  const plain: Record<string, string> = { ...runtimeEnv(plan, w, false) };
  for (const link of linksFrom(plan, w)) {
    // A topic's subscribers are set up in the broker, not given to it as addresses.
    if (link.to.settings.leases || w.messaging) continue;
    plain[urlVar(link.to)] = urlOf(link.to, servicePort(link.to), k8sHost(link.to));
    const policy = callPolicy(link.edge);
    if (link.role === 'consume') notes.push([urlVar(link.to), `consumes ${link.to.name}`]);
    else if (policy) notes.push([urlVar(link.to), policy]);
  }
  for (const k of Object.keys(plain).sort()) env.push({ name: k, value: plain[k] });
  if (w.runtime === 'postgres') env.push({ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: `${w.name}-credentials`, key: 'password' } } });

  const c: IContainer = { name: w.name, image: w.image };
  const args = runtimeArgs(w);
  if (args) c.args = args;
  c.ports = [{ name: w.spec.portName, containerPort: w.spec.port }];
  if (env.length) c.env = env;
  if (w.size) {
    const amounts = { cpu: String(w.size.spec.vcpu), memory: `${w.size.spec.memoryGiB}Gi` };
    c.resources = { requests: amounts, limits: { ...amounts } };
  }
  Object.assign(c, probes(w));
  if (w.runtime === 'elasticmq') c.volumeMounts = [{ name: 'config', mountPath: ELASTICMQ_CONF_PATH, subPath: 'elasticmq.conf' }];

  // Comments: where the scenario's words have no field, and what a field is made from.
  const envIndex = (name: string) => env.findIndex((e) => e.name === name);
  for (const [name, text] of notes) note(r, [...at, 'env', envIndex(name)], [`${text}: timeouts, retries, breakers and bulkheads are in the Istio export; what has no Istio field is listed there.`]);
  if (w.size) note(r, [...at, 'resources'], [`Size ${w.size.name}: ${w.size.spec.vcpu} vCPUs, ${w.size.spec.memoryGiB} GiB; requests = limits (Guaranteed QoS).${w.autoscale ? ' The HPA\'s CPU target is a share of the request.' : ''}`]);
  if (w.healthCheck) {
    const period = seconds(w.healthCheck.periodMs);
    const rounded = period * 1000 !== w.healthCheck.periodMs ? ` (Kubernetes counts whole seconds: ${period} s)` : '';
    note(r, [...at, 'readinessProbe'], [`From the node's healthCheck: every ${spoken(w.healthCheck.periodMs)}${rounded}, out of the Service's endpoints after ${w.healthCheck.failureThreshold} failures. The scenario's probe has no timeout: 1 s is Kubernetes' default.`]);
    if (w.startupMs > 0) note(r, [...at, 'livenessProbe'], [`Starts checking after the ${spoken(w.startupMs)} an instance needs to start (startupMs).`]);
  } else if (w.runtime === 'app') {
    note(r, [...at, 'ports'], ['No healthCheck in the scenario, so no probes: the pod counts as ready as soon as its container runs, and a hung pod keeps getting traffic.']);
  }
  if (args && w.runtime === 'postgres') note(r, [...at, 'args'], ['The connection pool size, plus the 3 connections PostgreSQL keeps for superusers.']);
  return c;
}

/** A Deployment, or a StatefulSet for a database. */
function workloadObject(plan: Plan, w: Workload): Resource {
  const labels = podLabels(w);
  const r = asResource({});
  const stateful = w.stateful;
  const at = ['spec', 'template', 'spec', 'containers', 0];
  const podSpec: { containers: IContainer[]; volumes?: NonNullable<NonNullable<IDeployment['spec']>['template']['spec']>['volumes'] } = { containers: [container(plan, w, r, at)] };
  if (w.runtime === 'elasticmq') podSpec.volumes = [{ name: 'config', configMap: { name: `${w.name}-conf` } }];
  const template = { metadata: { labels: { ...labels } }, spec: podSpec };
  if (stateful) {
    const sts: IStatefulSet = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta(plan, w),
      spec: {
        serviceName: w.name, replicas: 1, selector: { matchLabels: { ...labels } }, template,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
      },
    };
    podSpec.containers[0].volumeMounts = [{ name: 'data', mountPath: w.runtime === 'postgres' ? '/var/lib/postgresql/data' : '/data' }];
    r.value = sts as unknown as Record<string, unknown>;
    note(r, ['spec', 'volumeClaimTemplates'], ['10 GiB is a guess: the scenario says nothing about data volume.']);
    if (w.replicas > 1) note(r, ['spec', 'replicas'], [`The scenario has ${w.replicas} servers sharing the load: plain pods do not replicate, so run them through an operator (CloudNativePG: instances: ${w.replicas}).`]);
  } else {
    const dep: IDeployment = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(plan, w),
      spec: {
        replicas: w.replicas,
        selector: { matchLabels: { ...labels } },
        // The simulator's rolling restart: one instance down at a time, no extra one.
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
        template,
      },
    };
    r.value = dep as unknown as Record<string, unknown>;
    if (w.autoscale) note(r, ['spec', 'replicas'], ['The starting count: once the HorizontalPodAutoscaler runs, it owns this number (between its minReplicas and maxReplicas).']);
    note(r, ['spec', 'strategy'], ['As the simulator restarts a service (a resize): one instance down at a time, none added; with one replica that is downtime.']);
  }
  note(r, [], [titleLine(w), ...workloadLines(w)]);
  return r;
}

function serviceObject(plan: Plan, w: Workload): Resource {
  const headless = w.stateful;
  const svc: IService = {
    apiVersion: 'v1', kind: 'Service', metadata: meta(plan, w),
    spec: {
      type: 'ClusterIP',
      ...(headless ? { clusterIP: 'None' } : {}),
      selector: podLabels(w),
      ports: [{ name: w.spec.portName, port: servicePort(w), targetPort: w.spec.portName, protocol: 'TCP', appProtocol: w.spec.protocol === 'http' ? 'http' : 'tcp' }],
    },
  };
  const r = asResource(svc);
  if (headless) note(r, ['spec', 'clusterIP'], ['Headless: the StatefulSet\'s pods get stable DNS names through it.']);
  if (w.entry) note(r, ['spec', 'type'], ['The clients call it from outside: ClusterIP is reachable only inside the cluster, so expose it (type LoadBalancer, or an HTTPRoute through a Gateway).']);
  // A headless Service has no kube-proxy balancing to speak of.
  const lb = headless ? null : w.settings.loadBalancer;
  if (lb && lb !== 'round-robin') note(r, ['spec'], [`Load balancing ${lb}: kube-proxy picks endpoints at random; the Istio export sets the real policy.`]);
  return r;
}

function hpaObject(plan: Plan, w: Workload): Resource | null {
  const a = w.autoscale;
  if (!a) return null;
  const hpa: IHorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta(plan, w),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: w.name },
      minReplicas: a.minReplicas,
      maxReplicas: a.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: Math.max(1, Math.round(a.targetUtilization * 100)) } } }],
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: seconds(HPA_DEFAULTS.scaleUpStabilizationMs, 0),
          selectPolicy: 'Max',
          policies: [
            { type: 'Percent', value: HPA_DEFAULTS.scaleUpPercent, periodSeconds: seconds(HPA_DEFAULTS.scaleUpPeriodMs) },
            { type: 'Pods', value: HPA_DEFAULTS.scaleUpPods, periodSeconds: seconds(HPA_DEFAULTS.scaleUpPeriodMs) },
          ],
        },
        scaleDown: {
          stabilizationWindowSeconds: seconds(a.scaleDownStabilizationMs, 0),
          policies: [{ type: 'Percent', value: HPA_DEFAULTS.scaleDownPercent, periodSeconds: seconds(HPA_DEFAULTS.scaleDownPeriodMs) }],
        },
      },
    },
  };
  const r = asResource(hpa);
  note(r, ['spec', 'metrics'], [`Busy share of the ready instances' workers, the simulator's utilization: here the CPU request's share, target ${Math.round(a.targetUtilization * 100)} %.`]);
  note(r, ['spec', 'behavior'], [
    'Kubernetes\' default scaling policies, written out: the simulator follows them.',
    `Cluster-wide, not in this object: decisions every ${spoken(a.syncPeriodMs)} (kube-controller-manager --horizontal-pod-autoscaler-sync-period) and a tolerance of ${Math.round(a.tolerance * 100)} % (--horizontal-pod-autoscaler-tolerance).`,
  ]);
  note(r, ['spec', 'behavior', 'scaleDown', 'stabilizationWindowSeconds'], [`scaleDownStabilizationMs: scale down only to the highest recommendation of the last ${spoken(a.scaleDownStabilizationMs)}.`]);
  return r;
}

function extras(plan: Plan, w: Workload): Resource[] {
  if (w.runtime === 'elasticmq') {
    const cm: IConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(plan, w, `${w.name}-conf`), data: { 'elasticmq.conf': elasticmqConf(plan, w) } };
    return [asResource(cm)];
  }
  if (w.runtime === 'postgres') {
    const secret: ISecret = { apiVersion: 'v1', kind: 'Secret', metadata: meta(plan, w, `${w.name}-credentials`), type: 'Opaque', stringData: { password: 'change-me' } };
    const r = asResource(secret);
    note(r, [], ['Replace the password (or create the Secret with kubectl) before you apply this.']);
    return [r];
  }
  return [];
}

/** Every object of one workload, in the order they are applied. */
export function workloadResources(plan: Plan, w: Workload): Resource[] {
  const hpa = hpaObject(plan, w);
  return [...extras(plan, w), workloadObject(plan, w), serviceObject(plan, w), ...(hpa ? [hpa] : [])];
}
