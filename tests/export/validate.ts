/**
 * Validation of exported files against the real schemas: the Compose Specification's JSON
 * Schema (vendored in schema/vendor) through ajv, and every Kubernetes, Gateway API and Istio
 * object through the classes of kubernetes-models, whose validate() checks the object against
 * the API's OpenAPI schema.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type ModelClass = new (data: never) => { validate(): void };
/** Every apiVersion/kind the export may write, and the model that validates it. */
export const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'gateway.networking.k8s.io/v1/Gateway': Gateway,
  'gateway.networking.k8s.io/v1/HTTPRoute': HTTPRoute,
  'networking.istio.io/v1beta1/VirtualService': VirtualService,
  'networking.istio.io/v1beta1/DestinationRule': DestinationRule,
};

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: Record<string, unknown>; [k: string]: unknown };

/** Every YAML document of a text, as plain data; a YAML error or warning throws. */
export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length || d.warnings.length) throw new Error([...d.errors, ...d.warnings].map((e) => e.message).join('\n'));
    return d.toJS();
  });
}

/** The objects of a multi-document Kubernetes file; every one validated by its model. */
export function validateObjects(text: string): { objects: K8sObject[]; problems: string[] } {
  const objects: K8sObject[] = [];
  const problems: string[] = [];
  for (const doc of parseYamlDocuments(text)) {
    if (doc === null) continue;
    const o = doc as K8sObject;
    const key = `${o.apiVersion}/${o.kind}`;
    const Model = MODELS[key];
    if (!Model) {
      problems.push(`${key}: no model to validate it`);
      continue;
    }
    try {
      new Model(o as never).validate();
    } catch (e) {
      problems.push(`${key} ${o.metadata?.name}: ${(e as Error).message}`);
    }
    objects.push(o);
  }
  return { objects, problems };
}

const ajv = new Ajv({ allErrors: true, strict: false });
// The Compose schema names draft-07 by its https address; ajv knows the meta-schema by its http one.
const draft07 = JSON.parse(readFileSync(join(ROOT, 'node_modules/ajv/dist/refs/json-schema-draft-07.json'), 'utf8')) as Record<string, unknown>;
ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' });
const composeSchema = JSON.parse(readFileSync(join(ROOT, 'schema/vendor/compose-spec.json'), 'utf8')) as object;
const validateComposeSchema = ajv.compile(composeSchema);

/** A Compose file as data, and what the Compose Specification's schema says is wrong with it. */
export function validateCompose(text: string): { compose: Record<string, unknown>; problems: string[] } {
  const docs = parseYamlDocuments(text);
  if (docs.length !== 1) return { compose: {}, problems: [`expected one YAML document, got ${docs.length}`] };
  const compose = docs[0] as Record<string, unknown>;
  const ok = validateComposeSchema(compose);
  return { compose, problems: ok ? [] : (validateComposeSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}
