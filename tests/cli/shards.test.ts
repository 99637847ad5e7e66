import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonpatch, { type Operation } from 'fast-json-patch';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toYaml } from '../../src/cli/k8sJob';
import { limiter, ROOT, runCli, type Run } from '../helpers/cli';

/**
 * A class's grading and a sweep split into four shards, as the pods of a Kubernetes Indexed
 * Job run them (each with its JOB_COMPLETION_INDEX), merged: byte for byte what one run
 * prints. And the Job that --k8s-job prints is a valid batch/v1 Job whose pods run exactly
 * those shards.
 */
const LESSON = 'lessons/service-discovery.json';
const SCENARIO = 'scenarios/scale-out-vs-up.json';
const SWEEP = [SCENARIO, '--vary', 'nodes.checkout.instances=2..5', '--seeds', '2', '--duration', '10000'];
const SHARDS = 4;

let dir = '';
const f = (name: string) => join(dir, name);
const runs: Record<string, Promise<Run>> = {};
const limit = limiter(2);
const start = (name: string, entry: string, args: string[], env?: Record<string, string>) => (runs[name] = limit(() => runCli(entry, args, { env })));
const lesson = (name: string, args: string[], env?: Record<string, string>) => start(name, 'src/cli/lesson.ts', args, env);
const sweep = (name: string, args: string[], env?: Record<string, string>) => start(name, 'src/cli/sweep.ts', args, env);
const merge = (name: string, args: string[]) => start(name, 'src/cli/merge.ts', args);

/** A class of eight: the start, the solution, each withheld near-miss, two other health checks, a broken file. */
function writeClass(folder: string) {
  const l = JSON.parse(readFileSync(join(ROOT, LESSON), 'utf8'));
  const put = (name: string, ops: Operation[]) => writeFileSync(join(folder, `${name}.json`), JSON.stringify(jsonpatch.applyPatch(structuredClone(l.scenario), ops).newDocument, null, 2));
  put('ada', []);
  put('ben', l.solution);
  (l.withhold as { patch: Operation[] }[]).forEach((w, k) => put(['cleo', 'dev', 'eli'][k], w.patch));
  put('fay', [{ op: 'add', path: '/nodes/2/healthCheck', value: { periodMs: 500, failureThreshold: 2 } }]);
  put('gus', [{ op: 'add', path: '/nodes/2/healthCheck', value: { periodMs: 5000, failureThreshold: 3 } }]);
  writeFileSync(join(folder, 'hana.json'), '{ "version": 1, "nodes": [');
}

/** The arguments a Job's pod passes to `npm run`, as a local command line: drops "-s SCRIPT --". */
const podCommand = (job: { spec: { template: { spec: { containers: { args: string[] }[] } } } }) => job.spec.template.spec.containers[0].args.slice(3);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'microcosm-shards-'));
  mkdirSync(f('class'));
  writeClass(f('class'));
  for (const p of ['grade-parts', 'sweep-parts']) mkdirSync(f(p));
  const GRADE = [LESSON, f('class')];

  lesson('gradeWhole', ['grade', ...GRADE, '--threads', '2', '--csv', f('grade-whole.csv')]);
  lesson('gradeWholeJson', ['grade', ...GRADE, '--json']);
  sweep('sweepWhole', [...SWEEP, '--threads', '2', '--csv', f('sweep-whole.csv')]);
  sweep('sweepWholeJson', [...SWEEP, '--json']);
  for (let i = 0; i < SHARDS; i++) {
    const env = { JOB_COMPLETION_INDEX: String(i) };
    lesson(`grade${i}`, ['grade', ...GRADE, '--shard', `auto/${SHARDS}`, '--threads', '1'], env);
    // Half the sweep's shards write into a folder, as pods do onto a shared volume.
    sweep(`sweep${i}`, [...SWEEP, '--shard', `auto/${SHARDS}`, '--threads', '1', ...(i % 2 ? ['--out', `${f('sweep-parts')}/`] : [])], env);
  }
  lesson('gradeJob', ['grade', ...GRADE, '--k8s-job', String(SHARDS), '--json']);
  lesson('gradeJobYaml', ['grade', ...GRADE, '--k8s-job', String(SHARDS), '--csv', 'grades.csv']);
  sweep('sweepJob', [...SWEEP, '--k8s-job', String(SHARDS), '--k8s-pvc', 'microcosm-results', '--k8s-image', 'registry.example.com/microcosm:1', '--k8s-parallelism', '2', '--json']);

  // The parts as `kubectl logs` gives them: stdout, here with npm's banner above (merge passes over it).
  for (let i = 0; i < SHARDS; i++) {
    const g = await runs[`grade${i}`];
    writeFileSync(f(`grade-parts/pod-${i}.jsonl`), `\n> microcosm@0.1.0 lesson\n> node scripts/run.mjs src/cli/lesson.ts grade\n\n${g.stdout}`);
    const s = await runs[`sweep${i}`];
    if (!(i % 2)) writeFileSync(f(`sweep-parts/pod-${i}.jsonl`), s.stdout);
  }
  merge('gradeMerged', [f('grade-parts'), '--csv', f('grade-merged.csv')]);
  merge('gradeMergedJson', [f('grade-parts'), '--json']);
  merge('sweepMerged', [f('sweep-parts'), '--csv', f('sweep-merged.csv')]);
  merge('sweepMergedJson', [f('sweep-parts'), '--json']);
  merge('missing', [f('grade-parts/pod-0.jsonl'), f('grade-parts/pod-2.jsonl')]);
  merge('mixed', [f('grade-parts'), f('sweep-parts')]);
  // What one pod of each Job runs, run here with its index.
  const gradeJob = JSON.parse((await runs.gradeJob).stdout);
  lesson('gradePod2', podCommand(gradeJob), { JOB_COMPLETION_INDEX: '2' });
  const sweepJob = JSON.parse((await runs.sweepJob).stdout);
  mkdirSync(f('results'));
  sweep('sweepPod3', podCommand(sweepJob).map((a) => (a === '/results/' ? `${f('results')}/` : a)), { JOB_COMPLETION_INDEX: '3' });
}, 600_000);

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('lesson grade in shards', () => {
  it('each shard grades its files; merged, they print the table, CSV and JSON of one run, byte for byte', async () => {
    const whole = await runs.gradeWhole;
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/^8 files: 2 pass, 5 fail, 1 could not be judged$/m);
    const shardFiles = await Promise.all(Array.from({ length: SHARDS }, (_, i) => runs[`grade${i}`]));
    shardFiles.forEach((r, i) => {
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({ microcosm: 'part', command: 'grade', shard: { index: i, count: SHARDS }, tasks: 8 });
      expect(lines.slice(1).map((l) => l.i)).toEqual([i, i + 4]);
    });
    const merged = await runs.gradeMerged;
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(readFileSync(f('grade-merged.csv'), 'utf8')).toBe(readFileSync(f('grade-whole.csv'), 'utf8'));
    const json = await runs.gradeMergedJson;
    expect(json.stdout).toBe((await runs.gradeWholeJson).stdout);
  });

  it('refuses an incomplete set of parts, or parts of different runs, naming what is wrong', async () => {
    const missing = await runs.missing;
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim()).toBe('2 of 4 shards missing: 1, 3 (have 2)');
    const mixed = await runs.mixed;
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/a part of a different run than .*\(sweep of nodes\.checkout\.instances in scenarios\/scale-out-vs-up\.json, 4 shards, not grade of .*class against lessons\/service-discovery\.json, 4 shards\)/);
  });
});

describe('npm run sweep in shards', () => {
  it('merged shards print the table, CSV and JSON of one run, byte for byte', async () => {
    const whole = await runs.sweepWhole;
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout.split('\n').filter((l) => /^\d+\s/.test(l))).toHaveLength(4);
    for (let i = 0; i < SHARDS; i++) expect((await runs[`sweep${i}`]).status).toBe(0);
    expect(readFileSync(f('sweep-parts/sweep-part-1-of-4.jsonl'), 'utf8')).toMatch(/^\{"microcosm":"part","command":"sweep"/);
    const merged = await runs.sweepMerged;
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(readFileSync(f('sweep-merged.csv'), 'utf8')).toBe(readFileSync(f('sweep-whole.csv'), 'utf8'));
    expect((await runs.sweepMergedJson).stdout).toBe((await runs.sweepWholeJson).stdout);
  });
});

describe('--k8s-job', () => {
  it('prints a valid batch/v1 Indexed Job for grade, whose pod runs its shard', async () => {
    const r = await runs.gradeJob;
    expect(r.status, r.stderr).toBe(0);
    const job = JSON.parse(r.stdout);
    expect(() => new Job(job).validate()).not.toThrow();
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: SHARDS, parallelism: SHARDS });
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe('microcosm:latest');
    expect(container.args.slice(0, 4)).toEqual(['-s', 'lesson', '--', 'grade']);
    expect(container.args.join(' ')).toMatch(/--shard auto\/4$/);
    // The pod's command, with JOB_COMPLETION_INDEX=2, writes shard 2's part.
    const pod = await runs.gradePod2;
    expect(pod.status, pod.stderr).toBe(0);
    expect(pod.stdout).toBe((await runs.grade2).stdout);
  });

  it('prints the same Job as YAML, with how to gather and merge the parts above it', async () => {
    const r = await runs.gradeJobYaml;
    expect(r.status, r.stderr).toBe(0);
    const comments = r.stdout.split('\n').filter((l) => l.startsWith('#'));
    expect(comments.join('\n')).toContain('kubectl logs');
    expect(comments.join('\n')).toContain('npm run merge -- parts/ --csv grades.csv');
    const yaml = r.stdout.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(yaml).toBe(toYaml(JSON.parse((await runs.gradeJob).stdout)) + '\n');
  });

  it('for a sweep onto a volume claim: the claim is mounted and each pod writes its part there', async () => {
    const r = await runs.sweepJob;
    expect(r.status, r.stderr).toBe(0);
    const job = JSON.parse(r.stdout);
    expect(() => new Job(job).validate()).not.toThrow();
    expect(job.spec).toMatchObject({ completions: SHARDS, parallelism: 2 });
    const pod = job.spec.template.spec;
    expect(pod.volumes).toEqual([{ name: 'results', persistentVolumeClaim: { claimName: 'microcosm-results' } }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'results', mountPath: '/results' }]);
    expect(pod.containers[0].image).toBe('registry.example.com/microcosm:1');
    expect(pod.containers[0].args.slice(-4)).toEqual(['--shard', 'auto/4', '--out', '/results/']);
    const run = await runs.sweepPod3;
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(f('results/sweep-part-3-of-4.jsonl'), 'utf8')).toBe(readFileSync(f('sweep-parts/sweep-part-3-of-4.jsonl'), 'utf8'));
  });
});
