import { z } from 'zod';

/** Ids appear in edge keys ("a->b") and in reports, so they are short and plain. */
export const nodeIdSchema = z
  .string({ error: 'id must be a string' })
  .min(1, 'id must not be empty')
  .max(64, 'id must be at most 64 characters')
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/, 'id may use letters, digits and _ . : - (and must not start with a symbol other than _)')
  .refine((s) => !s.includes('->'), 'id must not contain "->"');

/** Fields every node has: identity and where the canvas draws it. */
export const nodeBaseShape = {
  id: nodeIdSchema,
  label: z.string().max(80).optional().describe('Name shown on the canvas'),
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
  notes: z.string().max(2000).optional().describe('Free text for a lesson or a colleague'),
};

export const count = (what: string, min: number, max: number) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(min, `${what} must be >= ${min}`).max(max, `${what} must be <= ${max}`);

export const LOAD_BALANCERS = ['round-robin', 'random', 'least-outstanding', 'power-of-two-choices'] as const;
export type LoadBalancerName = (typeof LOAD_BALANCERS)[number];

export const loadBalancerSchema = z
  .enum(LOAD_BALANCERS, { error: `loadBalancer must be one of ${LOAD_BALANCERS.join(', ')}` })
  .default('round-robin')
  .describe('How a request picks one of the instances');

export const callOrderSchema = z
  .enum(['sequential', 'parallel'], { error: 'callOrder must be "sequential" or "parallel"' })
  .default('sequential')
  .describe('Outgoing calls one after another, or all at once (fan-out)');

/**
 * Default waiting room per instance. Tomcat's acceptCount is 100, and a bounded room is what
 * makes overload visible as 503s rather than as unbounded latency.
 */
export const DEFAULT_QUEUE_CAPACITY = 100;
