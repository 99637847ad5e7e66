import { clone } from './clone';
import type { z } from 'zod';
import { kindOf } from '../engine/kinds';
import type { ScenarioInput } from '../engine/model';
import { autoscaleSchema } from '../engine/scaling/autoscaleSchema';
import { runLessonSeeds, type SeedRun } from './checkLesson';
import { applyPatch } from './patch';
import type { Lesson, ProofResult } from './types';

/**
 * The four proofs that a lesson teaches what it says, on every seed: the start fails; the
 * solution passes; each withheld answer (a tempting wrong fix) fails; and, unless the lesson
 * is about capacity, four times the capacity still fails, so the lesson cannot be solved by
 * buying more machines.
 */
export function proveLesson(lesson: Lesson): ProofResult[] {
  return proofNames(lesson).map((name) => runProof(lesson, name));
}

export const START_FAILS = 'start fails';
export const SOLUTION_PASSES = 'solution passes';
export const CAPACITY_FAILS = '4x capacity fails';
export const withholdProof = (name: string) => `withhold: ${name} fails`;

/** The proofs a lesson owes, in order. */
export function proofNames(lesson: Lesson): string[] {
  return [START_FAILS, SOLUTION_PASSES, ...lesson.withhold.map((w) => withholdProof(w.name)), ...(lesson.aboutCapacity ? [] : [CAPACITY_FAILS])];
}

/** Runs one proof by name. The start's runs are shared by all proofs (see startReport). */
export function runProof(lesson: Lesson, proof: string): ProofResult {
  try {
    if (proof === START_FAILS) return mustFail(proof, runLessonSeeds(lesson, null), lesson);
    if (proof === SOLUTION_PASSES) return mustPass(proof, runLessonSeeds(lesson, applyPatch(lesson.scenario, lesson.solution), { file: 'solution' }), lesson);
    // After the lesson's parts are put back: a locked capacity must not quietly undo the four times.
    if (proof === CAPACITY_FAILS) return mustFail(proof, runLessonSeeds(lesson, lesson.scenario, { file: '4x capacity', afterGiven: (s) => quadrupleCapacity(s) }), lesson);
    const w = lesson.withhold.find((x) => withholdProof(x.name) === proof);
    if (!w) return { proof, ok: false, detail: `no such proof for this lesson (it has: ${proofNames(lesson).join('; ')})` };
    return mustFail(proof, runLessonSeeds(lesson, applyPatch(lesson.scenario, w.patch), { file: `withhold "${w.name}"` }), lesson);
  } catch (e) {
    return { proof, ok: false, detail: (e as Error).message };
  }
}

const decisive = (lesson: Lesson, run: SeedRun) => run.verdicts.filter((_v, k) => !lesson.goals[k].bonus);

function mustFail(proof: string, runs: readonly SeedRun[], lesson: Lesson): ProofResult {
  const passing = runs.filter((r) => decisive(lesson, r).every((v) => v.status === 'pass')).map((r) => r.seed);
  if (passing.length > 0) return { proof, ok: false, detail: `passes every goal on seed${passing.length > 1 ? 's' : ''} ${passing.join(', ')}; it must fail on every seed` };
  const first = decisive(lesson, runs[0]).find((v) => v.status === 'fail')!;
  return { proof, ok: true, detail: `fails on every seed (${runs.map((r) => r.seed).join(', ')}); seed ${runs[0].seed}: ${first.goal}: ${first.message}` };
}

function mustPass(proof: string, runs: readonly SeedRun[], lesson: Lesson): ProofResult {
  for (const r of runs) {
    const bad = decisive(lesson, r).find((v) => v.status !== 'pass');
    if (bad) return { proof, ok: false, detail: `seed ${r.seed}: ${bad.goal} fails: ${bad.message}` };
  }
  return { proof, ok: true, detail: `passes every goal on every seed (${runs.map((r) => r.seed).join(', ')})` };
}

type Data = Record<string, unknown>;

/** The largest value a number field of a schema allows (read from the schema, so the two never drift). */
function maxOf(schema: z.ZodType, field: string): number {
  let s = (schema as unknown as { shape: Record<string, unknown> }).shape[field] as { maxValue?: number | null; def?: { innerType?: unknown } } | undefined;
  while (s && (s.maxValue === undefined || s.maxValue === null) && s.def?.innerType) s = s.def.innerType as typeof s;
  return s?.maxValue ?? Number.MAX_SAFE_INTEGER;
}

/** The capacity fields of each kind that has them. */
const CAPACITY: Record<string, string[]> = { service: ['instances', 'concurrency'], gateway: ['instances', 'concurrency'], database: ['connections'] };

/**
 * The scenario with every capacity four times larger: service and gateway instances and
 * workers per instance, autoscaler min and max replicas, database connection pools. Fields the
 * file leaves out are multiplied from their defaults; each stays within its schema's maximum.
 */
export function quadrupleCapacity(scenario: ScenarioInput, factor = 4): ScenarioInput {
  const out = clone(scenario);
  for (const node of out.nodes as Data[]) {
    const fields = CAPACITY[node.kind as string];
    const kind = kindOf(node.kind as string);
    if (!fields || !kind) continue;
    const full = kind.schema.parse(node) as Data;
    for (const f of fields) node[f] = Math.min(maxOf(kind.schema, f), (full[f] as number) * factor);
    if (full.autoscale) {
      const a = full.autoscale as { minReplicas: number; maxReplicas: number };
      const cap = maxOf(autoscaleSchema, 'maxReplicas');
      node.autoscale = { ...(node.autoscale as Data), minReplicas: Math.min(cap, a.minReplicas * factor), maxReplicas: Math.min(cap, a.maxReplicas * factor) };
    }
  }
  return out;
}
