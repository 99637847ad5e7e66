import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limiter, oneLineError, ROOT, runCli, STACK_LINE, type Run } from '../helpers/cli';

/**
 * `npm run lesson -- check|grade|verify` as a teacher uses it: the real command
 * (`node scripts/run.mjs src/cli/lesson.ts`, what the npm script runs) in child processes,
 * started together up front (at most two at a time) and awaited by each test.
 */
const FIXTURE = join(ROOT, 'tests/lessons/fixtures/slow-dependency.json');

/** The real command, as the npm script runs it. */
const lesson = (args: string[], timeoutMs = 120_000): Promise<Run> => runCli('src/cli/lesson.ts', args, { timeoutMs });

let dir = '';
const f = (name: string) => join(dir, name);
const runs: Record<string, Promise<Run>> = {};
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const solved = () => {
  const s = structuredClone(fixture.scenario);
  s.edges[1].timeoutMs = 200;
  s.edges[1].fallback = { latencyMs: 1 };
  return s;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'microcosm-lesson-'));
  writeFileSync(f('solved.json'), JSON.stringify(solved()));
  writeFileSync(f('start.json'), JSON.stringify(fixture.scenario));
  writeFileSync(f('malformed.json'), '{ "version": 1, "nodes": [');
  writeFileSync(f('bad-path.json'), JSON.stringify({ ...fixture, goals: [{ ...fixture.goals[1], check: { metric: 'clients.userz.errorRate', op: '<=', value: 0.1 } }] }));
  const passing = { ...fixture, id: 'passing-withhold', withhold: [{ name: 'the answer itself', patch: fixture.solution }] };
  writeFileSync(f('passing-withhold.json'), JSON.stringify(passing));
  // A class's folder: one good, one failing, one malformed file, plus a note that is not a scenario.
  mkdirSync(f('class'));
  writeFileSync(f('class/carol.json'), JSON.stringify(solved()));
  writeFileSync(f('class/alice.json'), JSON.stringify(fixture.scenario));
  writeFileSync(f('class/bob.json'), '{ "version": 1, "name": "bob", "nodes": [ }');
  writeFileSync(f('class/notes.txt'), 'not a scenario');

  const limit = limiter(2);
  const start = (name: string, args: string[]) => (runs[name] = limit(() => lesson(args)));
  start('help', ['--help']);
  start('noArgs', []);
  start('unknown', ['teach', FIXTURE]);
  start('badOption', ['check', FIXTURE, '--csv', 'x.csv']);
  start('checkStart', ['check', FIXTURE]);
  start('checkSolved', ['check', FIXTURE, '--scenario', f('solved.json')]);
  start('checkSolvedJson', ['check', FIXTURE, '--scenario', f('solved.json'), '--json']);
  start('checkFailing', ['check', FIXTURE, '--scenario', f('start.json'), '--json']);
  start('checkMalformed', ['check', FIXTURE, '--scenario', f('malformed.json')]);
  start('checkMissing', ['check', FIXTURE, '--scenario', f('nope.json')]);
  start('badLesson', ['check', f('bad-path.json')]);
  start('grade2', ['grade', FIXTURE, f('class'), '--threads', '2', '--csv', f('grades.csv')]);
  start('grade1', ['grade', FIXTURE, f('class'), '--threads', '1']);
  start('gradeJson', ['grade', FIXTURE, f('class'), '--json']);
  start('gradeNoFolder', ['grade', FIXTURE, f('no-class')]);
  start('gradeBadLesson', ['grade', f('bad-path.json'), f('class')]);
  start('verify', ['verify', FIXTURE]);
  start('verifyFails', ['verify', f('passing-withhold.json')]);
  start('verifyBad', ['verify', f('bad-path.json')]);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run lesson: usage', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await runs.help;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run lesson -- COMMAND/);
    for (const c of ['check LESSON.json', '--scenario FILE', 'grade LESSON.json FOLDER', '--csv OUT', '--threads N', 'verify']) expect(r.stdout).toContain(c);
  });

  it('a missing or unknown command, or an option the command does not take, exits 2 with the usage', async () => {
    for (const [name, message] of [['noArgs', 'name a command'], ['unknown', 'unknown command "teach"'], ['badOption', 'check does not take --csv']]) {
      const r = await runs[name];
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(`microcosm: ${message}`);
      expect(r.stderr, name).toContain('usage: npm run lesson');
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('npm run lesson -- check', () => {
  it('the start: every goal with its figure and limit, and exit 1 since it fails', async () => {
    const r = await runs.checkStart;
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('slow-dependency: Do not wait for ever on a slow dependency');
    expect(lines[1]).toBe('the lesson\'s start, seeds 1, 2, 3');
    expect(lines.find((l) => l.startsWith('goal'))!.split(/\s+/)).toEqual(['goal', 'result', 'actual', 'limit', 'seed']);
    expect(lines.find((l) => l.startsWith('fast-during-fault '))).toMatch(/^fast-during-fault\s+FAIL\s+\d+\s+<= 500\s+1$/);
    expect(lines.find((l) => l.startsWith('no-slower-than-before '))).toMatch(/pass .*\(bonus\)$/);
    expect(r.stdout).toMatch(/^fast-during-fault: max of series\.clients\.users\.latencyP99Ms over 10–20 s \(fault reco-slow\) = \d+, needs <= 500; broke at \d+ s \(seed 1\)$/m);
    expect(lines.filter(Boolean).at(-1)).toBe('FAIL: 2 of 2 goals not met');
  });

  it('a scenario that meets every goal: exit 0', async () => {
    const r = await runs.checkSolved;
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${f('solved.json')}, seeds 1, 2, 3`);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('PASS: every goal met on every seed');
  });

  it('--json prints the result as JSON: passed, and each goal\'s status, figure, limit and seed', async () => {
    const ok = JSON.parse((await runs.checkSolvedJson).stdout);
    expect(ok).toMatchObject({ lesson: 'slow-dependency', scenario: f('solved.json'), passed: true, seeds: [1, 2, 3] });
    expect(ok.goals.map((g: { goal: string; status: string }) => `${g.goal}:${g.status}`)).toEqual(['fast-during-fault:pass', 'answered:pass', 'no-slower-than-before:pass']);
    const r = await runs.checkFailing;
    expect(r.status).toBe(1);
    const bad = JSON.parse(r.stdout);
    expect(bad.passed).toBe(false);
    expect(bad.goals[0]).toMatchObject({ goal: 'fast-during-fault', status: 'fail', op: '<=', limit: 500, seed: 1 });
    expect(bad.goals[0].actual).toBeGreaterThan(500);
    expect(bad.goals[0].brokeAtMs).toBeGreaterThanOrEqual(10_000);
  });

  it('a bad scenario or lesson: exit 2 and one line naming the file and the field', async () => {
    expect(oneLineError(await runs.checkMalformed)).toMatch(new RegExp(`^${esc(f('malformed.json'))}: \\(file\\): is not valid JSON`));
    expect(oneLineError(await runs.checkMissing)).toBe(`${f('nope.json')}: (file): no such file`);
    expect(oneLineError(await runs.badLesson)).toBe(`${f('bad-path.json')}: goals[0].check.metric: goal "answered": "clients.userz.errorRate" does not exist: no "userz" under clients (there is users) in this run (nor in the solution's run)`);
  });
});

describe('npm run lesson -- grade', () => {
  it('judges every .json file of the folder: a table sorted by file name, a bad file one row, exit 0', async () => {
    const r = await runs.grade2;
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n');
    expect(rows[0].split(/\s{2,}/)).toEqual(['file', 'result', 'goals', 'first failing goal']);
    expect(rows[1]).toMatch(/^alice\.json\s+FAIL\s+0\/2\s+fast-during-fault: \d+, needs <= 500 \(seed 1\)$/);
    expect(rows[2]).toMatch(/^bob\.json\s+error\s+-\s+bob\.json: \(file\): is not valid JSON/);
    expect(rows[3]).toMatch(/^carol\.json\s+pass\s+2\/2$/);
    expect(rows.at(-1)).toBe('3 files: 1 pass, 1 fail, 1 could not be judged');
    expect(r.stdout).not.toContain('notes.txt');
  });

  it('gives the same table on one thread as on two', async () => {
    const [one, two] = await Promise.all([runs.grade1, runs.grade2]);
    expect(one.status).toBe(0);
    expect(one.stdout).toBe(two.stdout);
  });

  it('--csv writes one row per file for a spreadsheet', async () => {
    await runs.grade2;
    const csv = readFileSync(f('grades.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('file,result,goals_passed,goals_total,first_failing_goal,actual,op,limit,seed,message');
    expect(csv[1]).toMatch(/^alice\.json,fail,0,2,fast-during-fault,[\d.]+,<=,500,1,"max of series/);
    expect(csv[2]).toMatch(/^bob\.json,error,,,,,,,,"?bob\.json: \(file\): is not valid JSON/);
    expect(csv[3]).toBe('carol.json,pass,2,2,,,,,,');
  });

  it('--json gives the rows', async () => {
    const out = JSON.parse((await runs.gradeJson).stdout);
    expect(out.rows.map((r: { file: string; result: string }) => `${r.file}:${r.result}`)).toEqual(['alice.json:fail', 'bob.json:error', 'carol.json:pass']);
  });

  it('a missing folder or a bad lesson: exit 2, one line', async () => {
    expect(oneLineError(await runs.gradeNoFolder)).toBe(`${f('no-class')}: (folder): no such folder`);
    expect(oneLineError(await runs.gradeBadLesson)).toMatch(/goal "answered": "clients.userz.errorRate" does not exist/);
  });
});

describe('npm run lesson -- verify', () => {
  it('prints each proof of each lesson and exits 0 when all hold', async () => {
    const r = await runs.verify;
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('slow-dependency');
    expect(lines.slice(1, 6).map((l) => l.replace(/:.*/, ''))).toEqual([
      '  ok     start fails', '  ok     solution passes', '  ok     withhold', '  ok     withhold', '  ok     4x capacity fails',
    ]);
    expect(lines.at(-1)).toBe('1 lesson, 5 proofs: 5 hold, 0 fail');
  });

  it('exits 1 when a proof fails, saying which', async () => {
    const r = await runs.verifyFails;
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  FAIL   withhold: the answer itself fails: passes every goal on seeds 1, 2, 3; it must fail on every seed');
  });

  it('exits 2 for a file that is not a valid lesson', async () => {
    const r = await runs.verifyBad;
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/ERROR {2}.*bad-path\.json: goals\[0\]\.check\.metric: goal "answered"/);
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
