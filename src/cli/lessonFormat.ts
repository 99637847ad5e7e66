import { fmt } from '../lessons/compare';
import type { Figure, Lesson, LessonResult } from '../lessons/types';
import type { GradeRow, VerifyOutcome } from './lessonTasks';
import { csvCell } from '../report/csv';

const show = (v: Figure) => (typeof v === 'number' ? fmt(v) : v === null ? '-' : String(v));

/** Columns padded to their widest cell, left-aligned except those named in `right`. */
function columns(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all.map((r) => r.map((v, c) => (right.has(c) ? v.padStart(widths[c]) : c === r.length - 1 ? v : v.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

/** `lesson check`: each goal with its figure and limit, then why each unmet goal failed. */
export function formatCheck(lesson: Lesson, what: string, r: LessonResult): string {
  const out = [`${lesson.id}: ${lesson.title}`, `${what}, seed${r.seeds.length > 1 ? 's' : ''} ${r.seeds.join(', ')}`, ''];
  out.push(columns(['goal', 'result', 'actual', 'limit', 'seed'], r.goals.map((g) => [
    g.goal, g.status === 'pass' ? 'pass' : g.status === 'fail' ? 'FAIL' : g.status, show(g.actual), `${g.op} ${show(g.limit)}`.trim(),
    g.bonus ? '(bonus)' : g.seed !== undefined ? String(g.seed) : '',
  ]), new Set([2])));
  const failed = r.goals.filter((g) => g.status !== 'pass');
  if (failed.length) out.push('', ...failed.map((g) => `${g.goal}${g.bonus ? ' (bonus)' : ''}: ${g.message}${g.seed !== undefined ? ` (seed ${g.seed})` : ''}`));
  const decisive = r.goals.filter((g) => !g.bonus);
  const unmet = decisive.filter((g) => g.status !== 'pass').length;
  out.push('', r.passed ? `PASS: every goal met on every seed` : `FAIL: ${unmet} of ${decisive.length} goal${decisive.length === 1 ? '' : 's'} not met`);
  return out.join('\n');
}

/** `lesson grade`: one row per file, sorted by name, then a count. */
export function formatGrade(rows: readonly GradeRow[]): string {
  const body = rows.map((r) => [
    r.file, r.result === 'pass' ? 'pass' : r.result === 'fail' ? 'FAIL' : 'error',
    r.result === 'error' ? '-' : `${r.goalsPassed}/${r.goalsTotal}`,
    r.result === 'error' ? r.message ?? '' : r.firstFailing ? `${r.firstFailing.goal}: ${show(r.firstFailing.actual)}, needs ${r.firstFailing.op} ${show(r.firstFailing.limit)}${r.firstFailing.seed !== undefined ? ` (seed ${r.firstFailing.seed})` : ''}` : '',
  ]);
  const n = (k: GradeRow['result']) => rows.filter((r) => r.result === k).length;
  return [columns(['file', 'result', 'goals', 'first failing goal'], body), '',
    `${rows.length} file${rows.length === 1 ? '' : 's'}: ${n('pass')} pass, ${n('fail')} fail${n('error') ? `, ${n('error')} could not be judged` : ''}`].join('\n');
}

export { csvCell };

/** The grade as CSV for a spreadsheet: one row per file. */
export function gradeCsv(rows: readonly GradeRow[]): string {
  const header = ['file', 'result', 'goals_passed', 'goals_total', 'first_failing_goal', 'actual', 'op', 'limit', 'seed', 'message'];
  const lines = rows.map((r) => [
    r.file, r.result, r.result === 'error' ? '' : r.goalsPassed, r.result === 'error' ? '' : r.goalsTotal,
    r.firstFailing?.goal, r.firstFailing?.actual, r.firstFailing?.op, r.firstFailing?.limit, r.firstFailing?.seed,
    r.result === 'error' ? r.message : r.firstFailing?.message,
  ].map(csvCell).join(','));
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** `lesson verify`: each proof of each lesson, then a count. */
export function formatVerify(outcomes: readonly VerifyOutcome[]): string {
  const out: string[] = [];
  for (const o of outcomes) {
    out.push(o.id ?? o.file);
    if (o.error) out.push(`  ERROR  ${o.error}`);
    for (const p of o.proofs) out.push(`  ${p.ok ? 'ok   ' : 'FAIL '}  ${p.proof}: ${p.detail}`);
  }
  const proofs = outcomes.flatMap((o) => o.proofs);
  const bad = proofs.filter((p) => !p.ok).length, broken = outcomes.filter((o) => o.error).length;
  out.push('', `${outcomes.length} lesson${outcomes.length === 1 ? '' : 's'}, ${proofs.length} proofs: ${proofs.length - bad} hold, ${bad} fail${broken ? `; ${broken} lesson file${broken === 1 ? '' : 's'} could not be read` : ''}`);
  return out.join('\n');
}
