import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS, exportScenario } from '../../src/export';
import type { Scenario } from '../../src/engine/model';
import { kitchenSink, lessonScenarios, presets } from './fixtures';
import { validateCompose, validateObjects } from './validate';

/**
 * Every exported file is YAML that the YAML library reads without a warning, and every
 * resource in it passes the real schema: Compose against the Compose Specification's JSON
 * Schema, each Kubernetes, Gateway API and Istio object against its kubernetes-models class.
 * For every preset, every lesson's scenario and a scenario with one of everything.
 */
const ALL: { name: string; scenario: Scenario }[] = [
  ...presets().map((p) => ({ name: `scenarios/${p.file}`, scenario: p.scenario })),
  ...lessonScenarios().map((l) => ({ name: `lessons/${l.file}`, scenario: l.scenario })),
  { name: 'kitchen sink', scenario: kitchenSink() },
];

const problemsOf = (target: (typeof EXPORT_TARGETS)[number], text: string) => (target === 'compose' ? validateCompose(text).problems : validateObjects(text).problems);

describe('every exported file is valid', () => {
  it('covers every preset', () => {
    expect(presets().length).toBeGreaterThanOrEqual(20);
  });

  for (const target of EXPORT_TARGETS) {
    it.each(ALL.map((a) => [a.name, a.scenario] as const))(`${target}: %s`, (_name, scenario) => {
      const { text } = exportScenario(scenario, target);
      expect(problemsOf(target, text)).toEqual([]);
      if (target === 'k8s') expect(validateObjects(text).objects.length).toBeGreaterThan(1);
    });
  }

  it('is deterministic: the same scenario gives the same bytes', () => {
    for (const target of EXPORT_TARGETS) {
      expect(exportScenario(kitchenSink(), target).text).toBe(exportScenario(kitchenSink(), target).text);
    }
  });
});

describe('the validators are not rubber stamps', () => {
  it('the Compose schema refuses an unknown field and a wrong type', () => {
    expect(validateCompose('services:\n  a:\n    image: x\n    replicas: 2\n').problems.length).toBeGreaterThan(0);
    expect(validateCompose('services:\n  a:\n    image: x\n    deploy: {resources: {limits: {cpu: 2}}}\n').problems.length).toBeGreaterThan(0);
    expect(validateCompose('services:\n  a:\n    image: x\n    healthcheck: {retries: [3]}\n').problems.length).toBeGreaterThan(0);
    expect(validateCompose('services:\n  a:\n    image: x\n    depends_on: {b: {condition: when_ready}}\n').problems.length).toBeGreaterThan(0);
    expect(validateCompose('services:\n  a:\n    image: x\n    deploy: {replicas: 2}\n').problems).toEqual([]);
  });

  it('the models refuse wrong types and missing fields, and an object the export should not write', () => {
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: two\n  selector: {matchLabels: {app: a}}\n  template: {metadata: {labels: {app: a}}, spec: {containers: [{name: a, image: x}]}}\n';
    expect(validateObjects(dep).problems).toHaveLength(1);
    expect(validateObjects('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\nspec: {minReplicas: 1}\n').problems).toHaveLength(1);
    expect(validateObjects('apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata: {name: a}\nspec: {host: a, trafficPolicy: {outlierDetection: {consecutive5xxErrors: many}}}\n').problems).toHaveLength(1);
    expect(validateObjects('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: a}\nspec: {rules: [{backendRefs: [{name: a, weight: -1}]}]}\n').problems).toHaveLength(1);
    expect(validateObjects('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n').problems).toEqual(['v1/Pod: no model to validate it']);
  });
});
