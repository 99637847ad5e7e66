/**
 * The scenario as Kubernetes objects: a Namespace, then per workload a Deployment (a
 * StatefulSet for a database), a ClusterIP Service and, where it autoscales, a
 * HorizontalPodAutoscaler; a routing gateway becomes a Gateway API Gateway and HTTPRoute.
 */
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { gatewayResources } from './k8sGateway';
import { workloadResources } from './k8sWorkloads';
import { clientLines, workloadLines } from './notes';
import type { Plan } from './plan';
import { note, renderYaml, resource, type Resource } from './yamlDoc';

/** The Kubernetes file of a plan. */
export function toKubernetes(plan: Plan): string {
  const ns: INamespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.project, labels: { 'istio-injection': 'enabled' } } };
  const namespace = resource(ns as unknown as Record<string, unknown>);
  note(namespace, ['metadata', 'labels'], ['Istio adds its sidecar to every pod here: the Istio export\'s timeouts, retries and breakers need it.']);
  const out: Resource[] = [namespace];
  for (const w of plan.workloads) {
    // A registry (its leases are what Eureka clients read): Kubernetes does its job.
    if (w.settings.leases) {
      note(namespace, [], [`${w.node.id} (service registry) is not deployed: Kubernetes Services and their endpoints find instances, and a readiness probe takes a failed pod out within seconds. ${workloadLines(w).join(' ')}`]);
      continue;
    }
    out.push(...(w.routesTraffic ? gatewayResources(plan, w) : workloadResources(plan, w)));
  }
  const header = [
    `Kubernetes objects for "${plan.scenario.name}", exported by microcosm. Apply with: kubectl apply -f kubernetes.yaml`,
    'Needs the Gateway API CRDs and Istio (gateway class "istio") for the gateway; the team\'s images are placeholders.',
    ...clientLines(plan),
  ];
  return renderYaml(out, header);
}
