import { z } from 'zod';
import { MAX_DURATION_MS } from '../core/units';
import { faultSchema } from '../faults/schema';

/**
 * The charts a presentation or an embedded view can show, by name (the page's dashboard
 * groups): the clients' latency and throughput, errors by cause, cost, the charts of the
 * node in focus, and the circuit breakers' timeline.
 */
export const CHART_PANELS = ['clients', 'errors', 'cost', 'node', 'breakers'] as const;
export type ChartPanel = (typeof CHART_PANELS)[number];

const nodeRef = (field: string) => z.string({ error: `${field} must name a node` }).min(1, `${field} must name a node`).max(80);

/**
 * What a beat does to the run when it fires, by time or by the presenter's arrow key: one
 * of a fault (as live faults are started; its atMs is not used, the beat's time is), a load
 * spike, a new request rate, or healing every active fault. These are the page's own live
 * controls, so a beat does exactly what the fault menu or the load panel would.
 */
export const beatActionSchema = z.strictObject({
  fault: faultSchema.optional().describe('Starts this fault when the beat fires'),
  spike: z.strictObject({
    node: nodeRef('node').describe('The client whose load spikes'),
    multiplier: z.number().min(1, 'multiplier must be >= 1').max(100, 'multiplier must be at most 100').default(5),
    durationMs: z.number().positive('durationMs must be > 0').max(MAX_DURATION_MS).default(30_000),
  }).optional().describe('Multiplies a client\'s request rate for a while'),
  setRps: z.strictObject({
    node: nodeRef('node').describe('The client whose rate changes'),
    rps: z.number({ error: 'rps must be a number' }).min(0, 'rps must be >= 0').max(1_000_000),
  }).optional().describe('Sets a client\'s request rate'),
  heal: z.literal(true, { error: 'heal must be true' }).optional().describe('Stops every active fault'),
}).refine((a) => Object.keys(a).length === 1, { error: 'action must be exactly one of fault, spike, setRps or heal' });

export const beatSchema = z.strictObject({
  atMs: z.number({ error: 'atMs must be a number' }).min(0, 'atMs must be >= 0').max(MAX_DURATION_MS).optional()
    .describe('When the beat fires (ms of simulated time); without it, only the arrow key moves on to it'),
  caption: z.string({ error: 'caption must be a string' }).min(1, 'caption must not be empty').max(200, 'caption must be at most 200 characters')
    .describe('What the class reads while the beat is on'),
  notes: z.string({ error: 'notes must be a string' }).max(4000).optional().describe('What the presenter alone sees, in the notes window'),
  focus: nodeRef('focus').optional().describe('Node the spotlight follows during the beat'),
  action: beatActionSchema.optional(),
});

/**
 * A presenter's script, carried in the scenario file (so a shared link carries it too). The
 * engine never reads it: a beat acts on a run through the page's live controls.
 */
export const presentationSchema = z.strictObject({
  panels: z.array(z.enum(CHART_PANELS, { error: `panels must be among ${CHART_PANELS.join(', ')}` })).max(CHART_PANELS.length).optional()
    .describe('Charts shown beside the canvas while presenting'),
  beats: z.array(beatSchema).max(200, 'at most 200 beats').default([]),
});

export type Presentation = z.output<typeof presentationSchema>;
export type Beat = z.output<typeof beatSchema>;
export type BeatAction = z.output<typeof beatActionSchema>;
