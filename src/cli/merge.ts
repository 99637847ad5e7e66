import { LessonError } from '../lessons/types';
import { UsageError } from './args';
import { printGrade, type GradeRun } from './gradeOutput';
import type { GradeRow } from './lessonTasks';
import { SimInputError } from './runScenario';
import { filesOf, mergeParts, readParts } from './parts';
import { printSweep, type SweepRun } from './sweepFormat';
import type { RunFigures } from './sweepTasks';
import { runCli } from './runCli';

export const MERGE_USAGE = `usage: npm run merge -- PART... [--csv OUT] [--json]
  PART         a part written by a shard (grade or sweep with --shard I/N): a file, or a folder of
               *.jsonl files; a file may hold several parts one after another (logs put together)
  --csv OUT    also write the CSV, as the unsharded command's --csv does
  --json       the result as JSON
Prints exactly what the command run in one piece would have printed.`;

function main(argv: string[]): number {
  const files: string[] = [];
  const o: { json: boolean; csv?: string } = { json: false };
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(MERGE_USAGE + '\n');
      return 0;
    }
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--json') o.json = true;
      else if (a === '--csv') {
        const v = argv[++i];
        if (v === undefined || v.startsWith('--')) throw new UsageError('--csv needs a file name');
        o.csv = v;
      } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
      else files.push(a);
    }
    if (!files.length) throw new UsageError('name the parts to merge (files, or a folder of .jsonl files)');
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`microcosm: ${e.message}\n${MERGE_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const { header, rows } = mergeParts(files.flatMap(filesOf).flatMap(readParts));
    return header.command === 'grade'
      ? printGrade(header.run as unknown as GradeRun, rows as GradeRow[], o)
      : printSweep(header.run as unknown as SweepRun, rows as RunFigures[], o);
  } catch (e) {
    if (e instanceof SimInputError || e instanceof LessonError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
}

runCli(main);
