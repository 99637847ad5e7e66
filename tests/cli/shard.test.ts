import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args';
import { podArgs, toYaml } from '../../src/cli/k8sJob';
import { mergeParts, type Part } from '../../src/cli/parts';
import { parseShard, shardSize, shardTasks, type PartHeader } from '../../src/cli/shard';
import { takeDistribution } from '../../src/cli/shardArgs';
import { parseValues } from '../../src/cli/sweepArgs';

describe('--shard', () => {
  it('reads I/N, or the index from JOB_COMPLETION_INDEX with auto/N', () => {
    expect(parseShard('2/4', {})).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/1', {})).toEqual({ index: 0, count: 1 });
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4 });
  });

  it('refuses a shard past the end, an unset index and other shapes, saying why', () => {
    expect(() => parseShard('4/4', {})).toThrow(/counts from 0, so it must be below 4/);
    expect(() => parseShard('auto/4', {})).toThrow(/JOB_COMPLETION_INDEX, which is not set/);
    expect(() => parseShard('auto/4', { JOB_COMPLETION_INDEX: 'x' })).toThrow(/not a whole number/);
    expect(() => parseShard('1/0', {})).toThrow(/N must be from 1/);
    for (const bad of ['1', '1/2/3', '-1/2', 'a/b', '']) expect(() => parseShard(bad, {}), bad).toThrow(UsageError);
  });

  it('splits any number of tasks into shards that together hold each task exactly once', () => {
    for (let n = 0; n <= 13; n++) {
      const tasks = Array.from({ length: n }, (_, i) => `t${i}`);
      for (let count = 1; count <= 5; count++) {
        const seen: number[] = [];
        for (let index = 0; index < count; index++) {
          const mine = shardTasks(tasks, { index, count });
          expect(mine.length).toBe(shardSize(n, { index, count }));
          for (const { i, task } of mine) {
            expect(task).toBe(tasks[i]);
            seen.push(i);
          }
        }
        expect(seen.sort((a, b) => a - b)).toEqual(tasks.map((_, i) => i));
      }
    }
    expect(shardTasks(['a', 'b'])).toEqual([{ i: 0, task: 'a' }, { i: 1, task: 'b' }]);
  });
});

describe('the distribution options', () => {
  it('are taken out of the command line; the rest goes to the command', () => {
    const { rest, dist } = takeDistribution(['grade', 'l.json', 'class', '--shard', '1/3', '--out', 'p/', '--threads', '2'], {});
    expect(rest).toEqual(['grade', 'l.json', 'class', '--threads', '2']);
    expect(dist).toEqual({ shard: { index: 1, count: 3 }, out: 'p/', given: ['--shard', '--out'] });
    const job = takeDistribution(['x.json', '--k8s-job', '10', '--k8s-parallelism', '20', '--k8s-name', 'sweep-1'], {}).dist.job;
    expect(job).toEqual({ completions: 10, parallelism: 10, image: 'microcosm:latest', name: 'sweep-1' });
  });

  it('refuse combinations that mean nothing', () => {
    const bad: [string[], RegExp][] = [
      [['--out', 'x'], /--out .* goes with --shard/],
      [['--shard', '0/2', '--k8s-job', '2'], /give one of them/],
      [['--k8s-image', 'img'], /--k8s-image goes with --k8s-job N/],
      [['--k8s-job', '0'], /--k8s-job needs a whole number from 1/],
      [['--k8s-job', '2', '--k8s-name', 'Bad_Name'], /lower-case letters/],
      [['--shard'], /--shard needs a value/],
      [['--shard', '0/2', '--shard', '1/2'], /given twice/],
    ];
    for (const [argv, message] of bad) expect(() => takeDistribution(argv, {}), argv.join(' ')).toThrow(message);
  });

  it('a pod runs the command as given, less what belongs to the merge, with its shard and one thread', () => {
    const job = { completions: 8, parallelism: 8, image: 'i' };
    expect(podArgs(job, { script: 'sweep', command: 'sweep', args: ['s.json', '--vary', 'a=1..3', '--csv', 'o.csv', '--json', '--threads', '4'] }))
      .toEqual(['-s', 'sweep', '--', 's.json', '--vary', 'a=1..3', '--threads', '1', '--shard', 'auto/8']);
    expect(podArgs({ ...job, pvc: 'claim' }, { script: 'lesson', command: 'grade', args: ['grade', 'l.json', 'c'], threads: 2 }))
      .toEqual(['-s', 'lesson', '--', 'grade', 'l.json', 'c', '--threads', '2', '--shard', 'auto/8', '--out', '/results/']);
  });
});

describe('toYaml', () => {
  it('writes block YAML in which no string can pass for a number, a boolean or a comment', () => {
    const doc = { apiVersion: 'batch/v1', n: 4, on: true, empty: [], none: {}, list: ['1', 'true', '#x', 'a: b'], items: [{ name: 'a', args: ['x'] }, { name: 'b' }], 'odd key': null };
    expect(toYaml(doc)).toBe([
      'apiVersion: "batch/v1"',
      'n: 4',
      'on: true',
      'empty: []',
      'none: {}',
      'list:',
      '  - "1"',
      '  - "true"',
      '  - "#x"',
      '  - "a: b"',
      'items:',
      '  - name: "a"',
      '    args:',
      '      - "x"',
      '  - name: "b"',
      '"odd key": null',
    ].join('\n'));
  });
});

describe('merging parts', () => {
  const header = (index: number, count = 2, tasks = 3): PartHeader => ({ microcosm: 'part', command: 'grade', run: { lesson: 'l.json', folder: 'c' }, shard: { index, count }, tasks });
  const part = (index: number, rows: { i: number; row: unknown }[], source = `p${index}`): Part => ({ header: header(index), rows, source });

  it('puts the results back in task order; the same part given twice is fine', () => {
    const p0 = part(0, [{ i: 0, row: 'a' }, { i: 2, row: 'c' }]);
    const p1 = part(1, [{ i: 1, row: 'b' }]);
    expect(mergeParts([p1, p0, { ...p1, source: 'again' }]).rows).toEqual(['a', 'b', 'c']);
  });

  it('refuses a missing shard, a part cut short, a shard with two answers, or a different run', () => {
    const p0 = part(0, [{ i: 0, row: 'a' }, { i: 2, row: 'c' }]);
    const p1 = part(1, [{ i: 1, row: 'b' }]);
    expect(() => mergeParts([p0])).toThrow('1 of 2 shards missing: 1 (have 1)');
    expect(() => mergeParts([part(0, [{ i: 0, row: 'a' }]), p1])).toThrow('p0: shard 0 of 2 has 1 results, not 2: the part is incomplete');
    expect(() => mergeParts([p0, p1, part(1, [{ i: 1, row: 'B' }], 'other')])).toThrow('other: shard 1 of 2 again, with different results than p1');
    expect(() => mergeParts([p0, { ...p1, header: { ...header(1), run: { lesson: 'm.json', folder: 'c' } } }])).toThrow(/p1: a part of a different run than p0/);
  });
});

describe('sweep values', () => {
  it('a range in steps, or a list', () => {
    expect(parseValues('1..8', undefined)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseValues('100..500', 100)).toEqual([100, 200, 300, 400, 500]);
    expect(parseValues('0.1..0.5', 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(parseValues('1..10', 4)).toEqual([1, 5, 9]);
    expect(parseValues('small,large', undefined)).toEqual(['small', 'large']);
    expect(parseValues('10,2.5,true', undefined)).toEqual([10, 2.5, true]);
  });

  it('refuses a backwards range, an empty or repeated value, a step with a list', () => {
    expect(() => parseValues('8..1', undefined)).toThrow(/runs backwards/);
    expect(() => parseValues('1,,2', undefined)).toThrow(/empty value/);
    expect(() => parseValues('1,2,1', undefined)).toThrow(/1 is listed twice/);
    expect(() => parseValues('1,2', 1)).toThrow(/--step goes with a range/);
    expect(() => parseValues('1..2000000', undefined)).toThrow(/more than 1000000/);
  });
});
