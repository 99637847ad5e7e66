import { z } from 'zod';
import { edgeSchema } from './calls/edgeSchema';
import { MAX_DURATION_MS } from './core/units';
import { faultSchema } from './faults/schema';
import { KINDS } from './kinds';

/** The scenario file's version; older files are migrated forward by the scenario layer. */
export const SCENARIO_VERSION = 1;
export { MAX_DURATION_MS };

/** The kinds' schemas as a tuple type, so a node's type is the union of the kinds' own. */
type SchemasOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends { schema: infer S } ? S : never };
type KindSchemas = SchemasOf<typeof KINDS>;

/** One node of any kind, discriminated by `kind`: each kind's own schema, from the registry. */
export const nodeSchema = z.discriminatedUnion('kind', KINDS.map((k) => k.schema) as unknown as KindSchemas, {
  error: (iss) =>
    iss.code === 'invalid_union' ? `unknown kind: kind must be one of ${KINDS.map((k) => k.kind).join(', ')}` : undefined,
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(SCENARIO_VERSION, { error: `version must be ${SCENARIO_VERSION}` }),
  name: z.string({ error: 'name must be a string' }).min(1, 'name must not be empty').max(120),
  description: z.string().max(4000).optional(),
  seed: z.number().int('seed must be a whole number').min(0).max(2 ** 32 - 1).default(1),
  durationMs: z.number({ error: 'durationMs must be a number' }).positive('durationMs must be > 0').max(MAX_DURATION_MS, `durationMs must be at most ${MAX_DURATION_MS} (31 days)`).default(60_000),
  warmupMs: z.number().min(0).max(MAX_DURATION_MS).default(0),
  nodes: z.array(nodeSchema).max(500, 'at most 500 nodes'),
  edges: z.array(edgeSchema).max(5000).default([]),
  faults: z.array(faultSchema).max(1000).default([]),
  tracing: z.strictObject({
    sampleRate: z.number().min(0, 'sampleRate must be >= 0').max(1, 'sampleRate must be <= 1 (a fraction)').default(0.01).describe('Share of requests whose span tree is kept'),
  }).optional(),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioNode = Scenario['nodes'][number];
export type ScenarioEdge = Scenario['edges'][number];
