import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SimInputError } from './runScenario';
import { shardSize, type PartHeader } from './shard';

// Reading the parts that shards wrote, and putting them back together, for npm run merge.

export interface Part {
  header: PartHeader;
  rows: { i: number; row: unknown }[];
  source: string;
}

/** Lines that are not JSON objects (npm's banner, a blank line in a log) are passed over. */
export function readParts(file: string): Part[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SimInputError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message})`}`);
  }
  const parts: Part[] = [];
  text.split('\n').forEach((line, n) => {
    if (!line.startsWith('{')) return;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new SimInputError(`${file}: line ${n + 1}: not a complete JSON line (was the part cut short?)`);
    }
    if (v.microcosm === 'part') {
      if (!isHeader(v)) throw new SimInputError(`${file}: line ${n + 1}: a part's first line, but not one this version of microcosm wrote`);
      parts.push({ header: v as unknown as PartHeader, rows: [], source: `${file} line ${n + 1}` });
      return;
    }
    if (typeof v.i !== 'number' || !('row' in v)) throw new SimInputError(`${file}: line ${n + 1}: not a line of a microcosm part`);
    if (!parts.length) throw new SimInputError(`${file}: line ${n + 1}: a result before the part's first line (the header)`);
    parts.at(-1)!.rows.push({ i: v.i, row: v.row });
  });
  if (!parts.length) throw new SimInputError(`${file}: has no part in it (a part starts with a {"microcosm":"part",...} line)`);
  return parts;
}

export function filesOf(arg: string): string[] {
  let isFolder = false;
  try {
    isFolder = statSync(arg).isDirectory();
  } catch {
    // Not there: readParts says so.
  }
  if (!isFolder) return [arg];
  const files = readdirSync(arg).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(arg, f));
  if (!files.length) throw new SimInputError(`${arg}: has no .jsonl parts`);
  return files;
}

/**
 * Puts the parts of one run back together: every shard there once (a shard's part given
 * twice is fine if it is the same), all of the same run, none cut short. Gives the results
 * in task order.
 */
export function mergeParts(parts: readonly Part[]): { header: PartHeader; rows: unknown[] } {
  const first = parts[0];
  const key = (h: PartHeader) => JSON.stringify([h.command, h.run, h.shard.count, h.tasks]);
  const byIndex = new Map<number, Part>();
  for (const p of parts) {
    if (key(p.header) !== key(first.header)) throw new SimInputError(`${p.source}: a part of a different run than ${first.source} (${describe(p.header)}, not ${describe(first.header)})`);
    const seen = byIndex.get(p.header.shard.index);
    if (seen && JSON.stringify(seen.rows) !== JSON.stringify(p.rows)) throw new SimInputError(`${p.source}: shard ${p.header.shard.index} of ${p.header.shard.count} again, with different results than ${seen.source}`);
    const expected = shardSize(p.header.tasks, p.header.shard);
    if (p.rows.length !== expected) throw new SimInputError(`${p.source}: shard ${p.header.shard.index} of ${p.header.shard.count} has ${p.rows.length} results, not ${expected}: the part is incomplete`);
    byIndex.set(p.header.shard.index, p);
  }
  const count = first.header.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length) throw new SimInputError(`${missing.length} of ${count} shards missing: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''} (have ${byIndex.size})`);
  const rows: unknown[] = new Array(first.header.tasks);
  for (const p of byIndex.values()) {
    for (const r of p.rows) {
      if (r.i % count !== p.header.shard.index || r.i >= rows.length) throw new SimInputError(`${p.source}: result ${r.i} does not belong to shard ${p.header.shard.index} of ${count}`);
      rows[r.i] = r.row;
    }
  }
  return { header: first.header, rows };
}

const describe = (h: PartHeader) => (h.command === 'grade'
  ? `grade of ${String(h.run.folder)} against ${String(h.run.lesson)}, ${h.shard.count} shards`
  : `sweep of ${String(h.run.path)} in ${String(h.run.file)}, ${h.shard.count} shards`);

const whole = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isHeader(v: Record<string, unknown>): boolean {
  const s = v.shard as Record<string, unknown> | null | undefined;
  return (v.command === 'grade' || v.command === 'sweep') && v.run !== null && typeof v.run === 'object'
    && whole(v.tasks) && !!s && typeof s === 'object' && whole(s.index) && whole(s.count) && s.count > s.index;
}
