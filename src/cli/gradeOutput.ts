import { writeFileSync } from 'node:fs';
import { LessonError } from '../lessons/types';
import { formatGrade, gradeCsv } from './lessonFormat';
import type { GradeRow } from './lessonTasks';

/** What a grade was of: merge checks that every part graded the same. */
export interface GradeRun {
  lesson: string;
  folder: string;
}

/**
 * Prints a grade (the table, or JSON) and writes its CSV: the same from one run of
 * `lesson grade` as from `npm run merge` of its shards. Gives the exit code.
 */
export function printGrade(run: GradeRun, rows: readonly GradeRow[], o: { json: boolean; csv?: string }): number {
  const sorted = [...rows].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (o.csv !== undefined) {
    try {
      writeFileSync(o.csv, gradeCsv(sorted));
    } catch (e) {
      throw new LessonError(o.csv, '(file)', `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  process.stdout.write(o.json ? JSON.stringify({ lesson: run.lesson, folder: run.folder, rows: sorted }, null, 2) + '\n' : formatGrade(sorted) + '\n');
  return 0;
}
