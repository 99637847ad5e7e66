import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { MAX_DURATION_MS, nonNegativeMs } from '../../core/units';
import { count, nodeBaseShape } from '../common';

/** The largest request rate a client may ask for: beyond it a run is a benchmark, not a lesson. */
export const MAX_RPS = 1_000_000;

const rps = (what: string) =>
  z.number({ error: `${what} must be a number of requests per second` }).min(0, `${what} must be >= 0`).max(MAX_RPS, `${what} must be <= ${MAX_RPS}`);
const timeMs = (what: string) => nonNegativeMs(what).max(MAX_DURATION_MS);

export const openLoadSchema = z.strictObject({
  rps: rps('rps').describe('Requests per second sent, whatever the answers (open loop)'),
  arrival: z.enum(['poisson', 'constant'], { error: 'arrival must be "poisson" or "constant"' }).default('poisson').describe('Random (Poisson) or evenly spaced arrivals'),
  steps: z.array(z.strictObject({ atMs: timeMs('atMs'), rps: rps('rps') })).max(1000).optional().describe('From atMs on, send at rps'),
  ramp: z.strictObject({ startMs: timeMs('startMs').default(0), durationMs: timeMs('durationMs').positive('durationMs must be > 0'), toRps: rps('toRps') }).optional().describe('Change the rate linearly to toRps'),
  spike: z.strictObject({ atMs: timeMs('atMs'), durationMs: timeMs('durationMs').positive('durationMs must be > 0'), multiplier: z.number().min(0).max(1000).default(5) }).optional().describe('Multiply the rate for a while'),
  sine: z.strictObject({ amplitudeRps: rps('amplitudeRps'), periodMs: timeMs('periodMs').min(1000, 'periodMs must be >= 1000') }).optional().describe('Add a daily-cycle-like wave of amplitudeRps'),
});

export const closedLoadSchema = z.strictObject({
  users: count('users', 0, 1_000_000).describe('Simulated users, each waiting for its answer before thinking and sending again (closed loop)'),
  thinkTimeMs: distributionSchema.default({ dist: 'exponential', mean: 1000 }).describe('Pause between an answer and the next request (ms)'),
});

export const pathSchema = z.strictObject({
  path: z.string().min(1).max(200).regex(/^\//, 'path must start with "/"'),
  weight: z.number().min(0).max(1e6).default(1),
});

export const clientSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('client'),
  load: z.union([openLoadSchema, closedLoadSchema], {
    error: 'load must be {rps, arrival} (open loop) or {users, thinkTimeMs} (closed loop)',
  }),
  paths: z.array(pathSchema).min(1).max(100).default([{ path: '/', weight: 1 }]).describe('Paths requested, with weights'),
});

export type ClientNode = z.output<typeof clientSchema>;
export type OpenLoad = z.output<typeof openLoadSchema>;
export type ClosedLoad = z.output<typeof closedLoadSchema>;
