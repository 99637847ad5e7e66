import { z } from 'zod';
import { FAULTS } from './kinds';

type SchemasOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends { schema: infer S } ? S : never };

/**
 * Faults a person injects: scheduled in the scenario, or started and stopped live. Each
 * start and end is logged in the report's `events`. Built from the fault kinds (faults/kinds).
 */
export const faultSchema = z.discriminatedUnion('kind', FAULTS.map((f) => f.schema) as unknown as SchemasOf<typeof FAULTS>, {
  error: (iss) => (iss.code === 'invalid_union' ? `unknown fault kind: kind must be one of ${FAULT_KINDS.join(', ')}` : undefined),
});

export type Fault = z.output<typeof faultSchema>;
export type FaultInput = z.input<typeof faultSchema>;
export const FAULT_KINDS = FAULTS.map((f) => f.kind);
export type FaultKind = (typeof FAULTS)[number]['kind'];
