import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args';

/**
 * Work split into numbered shards: shard I of N takes the tasks whose index (in the sorted
 * order every shard computes alike) leaves remainder I when divided by N. Shards share
 * nothing, so they can run on different machines, and `npm run merge` puts their parts back
 * together into exactly what one run would print.
 */
export interface Shard {
  index: number;
  count: number;
}

/** The env var a Kubernetes Indexed Job gives each pod: its index, 0-based. */
export const INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** "2/4", or "auto/4" for the index in JOB_COMPLETION_INDEX. */
export function parseShard(value: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const m = /^(auto|\d+)\/(\d+)$/.exec(value);
  if (!m) throw new UsageError(`--shard needs I/N (shard I of N, from 0), or auto/N to read ${INDEX_ENV}; not ${JSON.stringify(value)}`);
  const count = Number(m[2]);
  if (count < 1 || count > 100_000) throw new UsageError(`--shard ${value}: N must be from 1 to 100000`);
  let raw = m[1];
  if (raw === 'auto') {
    const fromEnv = env[INDEX_ENV];
    if (fromEnv === undefined || !/^\d+$/.test(fromEnv)) throw new UsageError(`--shard auto/${count} reads the shard's number from ${INDEX_ENV}, which is ${fromEnv === undefined ? 'not set' : `not a whole number (${JSON.stringify(fromEnv)})`}`);
    raw = fromEnv;
  }
  const index = Number(raw);
  if (index >= count) throw new UsageError(`--shard ${index}/${count}: the shard number counts from 0, so it must be below ${count}`);
  return { index, count };
}

/** The tasks of one shard (all of them without a shard), each with its index among all tasks. */
export function shardTasks<T>(tasks: readonly T[], shard?: Shard): { i: number; task: T }[] {
  const out: { i: number; task: T }[] = [];
  for (let i = shard ? shard.index : 0; i < tasks.length; i += shard ? shard.count : 1) out.push({ i, task: tasks[i] });
  return out;
}

/** How many of `total` tasks fall to one shard. */
export const shardSize = (total: number, s: Shard) => (s.index < total ? Math.floor((total - 1 - s.index) / s.count) + 1 : 0);

/**
 * The first line of a part: what was run (everything merge needs to print the result, and to
 * refuse parts of different runs), which shard this is and how many tasks there are in all.
 */
export interface PartHeader {
  microcosm: 'part';
  command: 'grade' | 'sweep';
  run: Record<string, unknown>;
  shard: Shard;
  tasks: number;
}

/** A part as JSON lines: the header, then one line per task's result. */
export function partText(header: PartHeader, rows: readonly { i: number; row: unknown }[]): string {
  return [header, ...rows].map((l) => JSON.stringify(l)).join('\n') + '\n';
}

/** A result as every process sees it: passed through JSON once, as it would be through a part. */
export const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Writes a part to stdout, to a file, or (for an existing folder, or a name ending in "/")
 * into that folder as COMMAND-part-I-of-N.jsonl; gives where it went. `fail` turns a write
 * error into the command's own input error.
 */
export function writePart(text: string, header: PartHeader, out: string | undefined, fail: (file: string, why: string) => Error): string {
  if (out === undefined) {
    process.stdout.write(text);
    return 'stdout';
  }
  let file = out;
  const isFolder = out.endsWith('/') || (() => {
    try {
      return statSync(out).isDirectory();
    } catch {
      return false;
    }
  })();
  try {
    if (isFolder) {
      mkdirSync(out, { recursive: true });
      file = join(out, `${header.command}-part-${header.shard.index}-of-${header.shard.count}.jsonl`);
    }
    writeFileSync(file, text);
  } catch (e) {
    throw fail(file, `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return file;
}
