import { z } from 'zod';
import { KIND_NAMES } from '../engine/kinds';
import { MAX_DURATION_MS } from '../engine/core/units';
import { scenarioSchema } from '../engine/model';

/**
 * The lesson file (docs/lessons.md): data only, never code, so a lesson travels in a link and
 * the same checker runs in the page, the CLI and the tests. Field names are a contract shared
 * with lesson authors and the page: add fields, never rename them.
 */
export const LESSON_VERSION = 1;
export const SEQUENCES = ['Foundations', 'Resilience', 'Data and messaging', 'Scaling and operations'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export const AGGS = ['max', 'min', 'mean', 'last', 'sum', 'p95'] as const;
export const EDGE_FIELDS = ['circuitBreaker', 'retry', 'timeoutMs', 'bulkhead', 'fallback'] as const;
export const TOPOLOGY_CHECKS = ['noSharedDatabase', 'clientsOnlyCallGateways', 'hasEdge', 'hasNode', 'edgeHas', 'tracingOn'] as const;

export type Op = (typeof OPS)[number];
export type Agg = (typeof AGGS)[number];

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = (what: string, max: number) => z.string({ error: `${what} must be a string` }).min(1, `${what} must not be empty`).max(max);
const ms = (what: string) => z.number({ error: `${what} must be a number of milliseconds` }).min(0, `${what} must be >= 0`).max(MAX_DURATION_MS);
const opSchema = z.enum(OPS, { error: `op must be one of ${OPS.join(' ')}` });
const kindSchema = z.enum(KIND_NAMES as [string, ...string[]], { error: `kind must be one of ${KIND_NAMES.join(', ')}` });
/** A dot path into the report or the scenario, e.g. clients.buyers.latencyMs.p99. */
const dotPath = (what: string) => z.string({ error: `${what} must be a dot path such as clients.users.latencyMs.p99` }).min(1, `${what} must not be empty`).max(400)
  .refine((p) => !p.split('.').some((s) => s === ''), `${what} must be names joined by single dots`);

/** A time window of the run: fixed times, or a fault's window widened by padMs on each side. */
export const windowSchema = z.union([
  z.strictObject({ fromMs: ms('fromMs'), toMs: ms('toMs') }).refine((w) => w.toMs > w.fromMs, { message: 'toMs must be greater than fromMs', path: ['toMs'] }),
  z.strictObject({ fault: text('fault', 80).describe('The id of one of the scenario\'s faults'), padMs: ms('padMs').default(0) }),
], { error: 'window must be {fromMs, toMs} or {fault, padMs}' });

/** The other side of a comparison: a number, or a figure of this run or of the reference run times k. */
export const valueSchema = z.union([
  z.number({ error: 'value must be a number' }),
  z.strictObject({ metric: dotPath('metric'), times: z.number().default(1) }),
  z.strictObject({ reference: dotPath('reference'), times: z.number().default(1) }),
], { error: 'value must be a number, {metric, times} or {reference, times}' });

const metricCheck = z.strictObject({ metric: dotPath('metric').describe('A figure of the report, e.g. clients.buyers.latencyMs.p99'), op: opSchema, value: valueSchema });
const seriesCheck = z.strictObject({
  series: dotPath('series').describe('A per-second series of the report, e.g. series.clients.buyers.latencyP99Ms'),
  window: windowSchema,
  agg: z.enum(AGGS, { error: `agg must be one of ${AGGS.join(', ')}` }),
  op: opSchema,
  value: valueSchema,
});
const eventsCheck = z.strictObject({
  events: z.strictObject({
    kind: text('kind', 80).describe('The event kind, e.g. breaker, autoscale, fault-start, route'),
    node: text('node', 64).optional(),
    edge: text('edge', 140).optional().describe('An edge "a->b"'),
    match: text('match', 200).optional().describe('Text the event message must contain'),
  }),
  window: windowSchema.optional(),
  op: opSchema,
  value: z.number({ error: 'value must be a number (of events)' }),
});
const topologyCheck = z.discriminatedUnion('topology', [
  z.strictObject({ topology: z.literal('noSharedDatabase') }),
  z.strictObject({ topology: z.literal('clientsOnlyCallGateways') }),
  z.strictObject({ topology: z.literal('hasEdge'), from: text('from', 64).optional(), to: text('to', 64).optional(), fromKind: kindSchema.optional(), toKind: kindSchema.optional() }),
  z.strictObject({ topology: z.literal('hasNode'), kind: kindSchema, min: z.number().int().min(0).default(1) }),
  z.strictObject({ topology: z.literal('edgeHas'), from: text('from', 64).optional(), to: text('to', 64), field: z.enum(EDGE_FIELDS, { error: `field must be one of ${EDGE_FIELDS.join(', ')}` }) }),
  z.strictObject({ topology: z.literal('tracingOn') }),
], { error: `topology must be one of ${TOPOLOGY_CHECKS.join(', ')}` });

type Shape<T extends z.ZodType> = z.output<T>;
type ShapeIn<T extends z.ZodType> = z.input<T>;
/** A goal's check (recursive through all/any/not), as checked. */
export type Check =
  | Shape<typeof metricCheck> | Shape<typeof seriesCheck> | Shape<typeof eventsCheck> | Shape<typeof topologyCheck>
  | { all: Check[] } | { any: Check[] } | { not: Check };
/** A check as a lesson file may write it (defaults left out). */
export type CheckInput =
  | ShapeIn<typeof metricCheck> | ShapeIn<typeof seriesCheck> | ShapeIn<typeof eventsCheck> | ShapeIn<typeof topologyCheck>
  | { all: CheckInput[] } | { any: CheckInput[] } | { not: CheckInput };

type CheckSchema = z.ZodType<Check, CheckInput>;

/** The forms of a check, by the key that names each; all/any/not hold checks of `self`. */
function checkForms(self: () => z.ZodType): [string, z.ZodType][] {
  return [
    ['metric', metricCheck], ['series', seriesCheck], ['events', eventsCheck], ['topology', topologyCheck],
    ['all', z.strictObject({ get all() { return z.array(self()).min(1, 'all needs at least one check'); } })],
    ['any', z.strictObject({ get any() { return z.array(self()).min(1, 'any needs at least one check'); } })],
    ['not', z.strictObject({ get not() { return self(); } })],
  ];
}
const FORM_NAMES = ['metric', 'series', 'events', 'topology', 'all', 'any', 'not'];

/**
 * A goal's check, for parsing: the form is chosen by the key it has (metric, series, ...), so a
 * mistake is reported inside that form ("check.op: must be one of ...") rather than as "no
 * form matched".
 */
export const checkSchema: CheckSchema = z.any().transform((v, ctx) => {
  const forms = checkForms(() => checkSchema);
  const form = v !== null && typeof v === 'object' && !Array.isArray(v) ? forms.find(([key]) => key in v) : undefined;
  if (!form) {
    ctx.issues.push({ code: 'custom', input: v, message: `a check must have one of the keys ${FORM_NAMES.join(', ')}` });
    return z.NEVER;
  }
  const r = form[1].safeParse(v);
  if (!r.success) {
    for (const issue of r.error.issues) ctx.issues.push({ ...issue, input: v } as never);
    return z.NEVER;
  }
  return r.data as Check;
}) as unknown as CheckSchema;

/** The same checks for editors' JSON Schema: any of the forms. */
export const checkSchemaForEditors: CheckSchema = z.lazy(() => z.union(checkForms(() => checkSchemaForEditors).map(([, f]) => f)))
  .meta({ id: 'Check', description: 'One of {metric}, {series}, {events}, {topology}, {all}, {any}, {not}' }) as unknown as CheckSchema;

/** One RFC 6902 operation over the lesson's scenario. */
const pointer = z.string({ error: 'path must be a JSON pointer such as /nodes/1/instances' }).regex(/^(\/.*)?$/, 'path must be a JSON pointer starting with "/" (e.g. /nodes/1/instances)');
const patchValue = (op: string) => z.any().refine((v) => v !== undefined, `${op} needs a value`);
export const operationSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), path: pointer, value: patchValue('add') }),
  z.strictObject({ op: z.literal('replace'), path: pointer, value: patchValue('replace') }),
  z.strictObject({ op: z.literal('test'), path: pointer, value: patchValue('test') }),
  z.strictObject({ op: z.literal('remove'), path: pointer }),
  z.strictObject({ op: z.literal('move'), path: pointer, from: pointer }),
  z.strictObject({ op: z.literal('copy'), path: pointer, from: pointer }),
], { error: 'op must be one of add, remove, replace, move, copy, test' });
const patchSchema = z.array(operationSchema).max(500);

const goalSchema = (check: CheckSchema) => z.strictObject({
  id: text('id', 80).regex(kebab, 'id must be kebab-case (e.g. buyers-fast)'),
  label: text('label', 200).describe('What the student reads: the goal in words'),
  check,
  bonus: z.boolean().default(false).describe('A bonus goal does not decide pass or fail'),
});

const stepSchema = z.strictObject({
  text: text('text', 2000),
  spotlight: z.array(text('spotlight', 140)).max(20).optional().describe('Node ids or edges "a->b" to highlight'),
  action: z.union([
    z.strictObject({ play: z.strictObject({ untilMs: ms('untilMs') }) }),
    z.strictObject({ fault: text('fault', 80).describe('Starts the scenario fault with this id') }),
  ], { error: 'action must be {play: {untilMs}} or {fault: ID}' }).optional(),
});

/**
 * Builds the lesson schema around a scenario and a check schema: to parse, a pass-through
 * scenario (the scenario layer checks it) and checks chosen by key; for editors, the full
 * scenario schema and checks as a union.
 */
export function buildLessonSchema<S extends z.ZodType>(scenario: S, check: CheckSchema) {
  return z.strictObject({
    $schema: z.string().optional(),
    lessonVersion: z.literal(LESSON_VERSION, { error: `lessonVersion must be ${LESSON_VERSION}` }),
    id: text('id', 80).regex(kebab, 'id must be kebab-case (e.g. circuit-breaker) and match the file name'),
    title: text('title', 120),
    concepts: z.array(text('concepts', 80)).min(1, 'concepts needs at least one idea of the guide').max(10),
    minutes: z.number({ error: 'minutes must be a number' }).int('minutes must be a whole number').min(1).max(240),
    difficulty: z.enum(DIFFICULTIES, { error: `difficulty must be one of ${DIFFICULTIES.join(', ')}` }),
    sequence: z.enum(SEQUENCES, { error: `sequence must be one of ${SEQUENCES.map((s) => `"${s}"`).join(', ')}` }),
    order: z.number({ error: 'order must be a number' }).int('order must be a whole number').min(1, 'order must be >= 1'),
    aboutCapacity: z.boolean().default(false).describe('True only when the lesson\'s point is capacity: it skips the "4x capacity still fails" proof'),
    scenario,
    given: z.array(dotPath('given')).max(100).default([]).describe('Scenario paths that belong to the lesson, besides client loads, faults, durationMs and seed'),
    locks: z.strictObject({
      kinds: z.array(kindSchema).optional().describe('Palette kinds offered (default: all)'),
      fields: z.array(z.strictObject({ path: dotPath('path'), reason: text('reason', 300) })).max(100).optional(),
    }).optional(),
    run: z.strictObject({
      seeds: z.array(z.number().int('seeds must be whole numbers').min(0).max(2 ** 32 - 1)).min(1, 'seeds needs at least one seed').max(20).default([1, 2, 3]),
      durationMs: z.number({ error: 'durationMs must be a number' }).positive('durationMs must be > 0').max(MAX_DURATION_MS).optional().describe('Default: the scenario\'s durationMs'),
      warmupMs: ms('warmupMs').optional().describe('Default: the scenario\'s warmupMs'),
    }).prefault({}),
    steps: z.array(stepSchema).min(1, 'steps needs at least one step (the briefing)').max(30),
    predict: z.strictObject({
      question: text('question', 500),
      choices: z.array(text('choices', 200)).min(2, 'choices needs at least two').max(8),
      answer: z.number().int().min(0),
      explain: text('explain', 2000),
    }).refine((p) => p.answer < p.choices.length, { message: 'answer must be the index of one of the choices', path: ['answer'] }).optional(),
    goals: z.array(goalSchema(check)).min(1, 'goals needs at least one goal').max(20),
    hints: z.array(text('hints', 1000)).max(10).default([]),
    solution: patchSchema.default([]),
    withhold: z.array(z.strictObject({ name: text('name', 120), patch: patchSchema })).max(10).default([]),
    debrief: text('debrief', 3000),
    guide: text('guide', 200).optional(),
  });
}

/** What parsing uses: the scenario is checked on its own by the scenario layer (migrations, cross-checks). */
export const lessonSchema = buildLessonSchema(z.record(z.string(), z.unknown(), { error: 'scenario must be a scenario object (version, name, nodes, edges)' }), checkSchema);
/** What editors get (schema/lesson.schema.json): the scenario's own schema inline. */
export const lessonSchemaForEditors = buildLessonSchema(scenarioSchema, checkSchemaForEditors);

/** lessons/course.json: the sequences in order, each with its one-line introduction. */
export const courseSchema = z.strictObject({
  $schema: z.string().optional(),
  sequences: z.array(z.strictObject({
    name: z.enum(SEQUENCES, { error: `name must be one of ${SEQUENCES.map((s) => `"${s}"`).join(', ')}` }),
    intro: text('intro', 300),
    startHere: text('startHere', 80).regex(kebab).optional().describe('The id of the lesson to start the sequence with'),
  })).min(1),
});
