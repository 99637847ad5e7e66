import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyOutcome } from '../../src/cli/lessonTasks';
import { checkLessonFileName, parseCourse, parseLesson } from '../../src/lessons/loadLesson';
import { proofNames } from '../../src/lessons/proofs';
import type { Lesson } from '../../src/lessons/types';
import { ROOT } from './helpers';

/**
 * Every lesson in lessons/ teaches what it says: it loads, its goals name figures its start
 * run has, and the four proofs hold on every seed (the start fails, the solution passes, each
 * withheld answer fails, four times the capacity still fails unless the lesson is about
 * capacity). One test per lesson per proof, so a failure names both.
 *
 * The proofs run through `npm run lesson -- verify --json` once for all lessons: bundled, as
 * the CLI runs, and over both cores, with each lesson's start run shared by its proofs.
 */
const LESSONS = join(ROOT, 'lessons');
const files = readdirSync(LESSONS).filter((f) => f.endsWith('.json') && f !== 'course.json').sort();

/** Each file parsed (no runs yet), or why it does not parse. */
const parsed = files.map((file) => {
  try {
    return { file, lesson: parseLesson(readFileSync(join(LESSONS, file), 'utf8'), `lessons/${file}`) as Lesson | undefined, error: undefined as string | undefined };
  } catch (e) {
    return { file, lesson: undefined, error: (e as Error).message };
  }
});

let outcomes: VerifyOutcome[] = [];
beforeAll(async () => {
  const loaded = parsed.filter((p) => p.lesson).map((p) => `lessons/${p.file}`);
  if (loaded.length === 0) return;
  const stdout = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'src/cli/lesson.ts', 'verify', '--json', ...loaded], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', fail);
    child.on('close', (status) => (status === 0 || status === 1 || status === 2 ? done(out) : fail(new Error(`verify exited ${status}: ${err}`))));
  });
  outcomes = JSON.parse(stdout) as VerifyOutcome[];
}, 900_000);

const outcomeOf = (file: string) => outcomes.find((o) => o.file === `lessons/${file}`);

describe('the course', () => {
  it('lessons/course.json lists the four sequences, and each startHere is a lesson of its sequence', () => {
    const course = parseCourse(readFileSync(join(LESSONS, 'course.json'), 'utf8'), 'lessons/course.json');
    expect(course.sequences.map((s) => s.name)).toEqual(['Foundations', 'Resilience', 'Data and messaging', 'Scaling and operations']);
    for (const s of course.sequences) {
      if (s.startHere === undefined) continue;
      const start = parsed.find((p) => p.lesson?.id === s.startHere)?.lesson;
      expect(start, `startHere "${s.startHere}" of ${s.name} is not a lesson in lessons/`).toBeDefined();
      expect(start!.sequence, `startHere "${s.startHere}"`).toBe(s.name);
    }
  });

  it('no two lessons share an id or a place (sequence and order)', () => {
    const lessons = parsed.flatMap((p) => (p.lesson ? [p.lesson] : []));
    const places = lessons.map((l) => `${l.sequence} #${l.order}`);
    expect(places.filter((p, k) => places.indexOf(p) !== k), 'lessons in the same place').toEqual([]);
    const ids = lessons.map((l) => l.id);
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
  });
});

describe.each(parsed)('lesson $file', ({ file, lesson, error }) => {
  it('loads, is named after its id, and every goal names what its start run has', () => {
    expect(error, error).toBeUndefined();
    checkLessonFileName(lesson!, `lessons/${file}`);
    const o = outcomeOf(file);
    expect(o, 'verify gave no result for it').toBeDefined();
    expect(o!.error, o!.error).toBeUndefined();
  });

  for (const proof of lesson ? proofNames(lesson) : []) {
    it(proof, () => {
      const o = outcomeOf(file);
      const p = o?.proofs.find((x) => x.proof === proof);
      expect(p, o?.error ?? 'the proof did not run').toBeDefined();
      expect(p!.ok, p!.detail).toBe(true);
    });
  }
});

it('finds the lesson files (there may be none yet)', () => {
  expect(files.every((f) => /^[a-z0-9]+(-[a-z0-9]+)*\.json$/.test(f)), files.join(', ')).toBe(true);
});
