import { z } from 'zod';
import { distributionSchema } from '../core/distributions';
import { MAX_DURATION_MS } from '../core/units';

const when = {
  id: z.string({ error: 'id must be a string' }).min(1, 'id must not be empty').max(80).optional().describe('Names the fault (unique in the scenario): lessons use it to name its window, events carry it'),
  atMs: z.number().min(0, 'atMs must be >= 0').max(MAX_DURATION_MS).default(0).describe('When the fault starts (ms of simulated time)'),
  durationMs: z.number().positive('durationMs must be > 0').max(MAX_DURATION_MS).optional().describe('How long it lasts (ms); without it, until the run ends or it is stopped'),
  label: z.string().max(80).optional(),
};
const nodeTarget = z.string({ error: 'target must name a node' }).min(1, 'target must name a node').describe('Node the fault hits');
const anyTarget = z.string({ error: 'target must name a node or an edge "a->b"' }).min(1).describe('Node, or edge "a->b"');

/**
 * Faults a person injects: scheduled in the scenario, or started and stopped live. Each
 * start and end is logged in the report's `events`.
 */
export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kill-instance'), target: nodeTarget, ...when, instance: z.number().int().min(0).optional().describe('Which instance (default: the first running one)') }),
  z.strictObject({ kind: z.literal('kill-service'), target: nodeTarget, ...when }),
  z.strictObject({ kind: z.literal('error'), target: nodeTarget, ...when, rate: z.number().min(0, 'rate must be >= 0').max(1, 'rate must be <= 1 (a fraction)').default(1).describe('Share of requests answered 500') }),
  z.strictObject({ kind: z.literal('latency'), target: anyTarget, ...when, addMs: distributionSchema.describe('Delay added to each request (ms)') }),
  z.strictObject({ kind: z.literal('slowdown'), target: nodeTarget, ...when, factor: z.number().positive('factor must be > 0').max(1000).default(3).describe('Service times multiplied by this (a noisy neighbour)') }),
  z.strictObject({ kind: z.literal('partition'), target: z.string().regex(/->/, 'target of a partition is an edge "a->b"'), ...when }),
  z.strictObject({ kind: z.literal('blackhole'), target: nodeTarget, ...when }),
  z.strictObject({ kind: z.literal('flush'), target: z.string({ error: 'target must name a cache' }).min(1, 'target must name a cache').describe('Cache to empty'), ...when })
    .describe('Empties a cache at atMs (FLUSHALL): an instant, so durationMs does not apply'),
], { error: (iss) => (iss.code === 'invalid_union' ? 'unknown fault kind: kind must be one of kill-instance, kill-service, error, latency, slowdown, partition, blackhole, flush' : undefined) });

export type Fault = z.output<typeof faultSchema>;
export type FaultInput = z.input<typeof faultSchema>;
export const FAULT_KINDS = ['kill-instance', 'kill-service', 'error', 'latency', 'slowdown', 'partition', 'blackhole', 'flush'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
