import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../src/engine/faults/kinds';
import { faultSchema } from '../../src/engine/faults/schema';
import type { FaultDefinition } from '../../src/engine/faults/types';
import { KINDS } from '../../src/engine/kinds';
import type { KindDefinition } from '../../src/engine/kinds/types';
import { nodeSchema } from '../../src/engine/model';

/**
 * A node kind and a fault kind each live in one place (src/engine/kinds/README.md): every
 * definition provides what the registries need, and no module outside kinds/ and faults/
 * singles out a kind or a fault kind by name; they read capabilities and hooks instead.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const kinds = KINDS as readonly KindDefinition[];
const faults = FAULTS as readonly FaultDefinition[];

/** Live changes the engine applies to any station; the rest must be a kind's own `changes`. */
const STATION_CHANGES = ['setInstances', 'setConcurrency', 'setServiceTime', 'setSize', 'setAutoscale'];

describe('every node kind provides what the registries need', () => {
  it.each(kinds.map((k) => [k.kind, k] as const))('%s', (name, k) => {
    expect(name).toMatch(/^[a-z][a-z-]*$/);
    expect(k.title.length).toBeGreaterThan(0);
    expect(k.description.length).toBeGreaterThan(0);
    expect(typeof k.canCall).toBe('boolean');
    expect(typeof k.canBeCalled).toBe('boolean');
    expect(typeof k.capabilities).toBe('object');
    expect(typeof k.build).toBe('function');
    // Its example is a valid node of its own kind, through the scenario's node schema.
    const example = nodeSchema.parse(k.example('x'));
    expect(example.kind).toBe(name);
    expect(k.schema.safeParse(k.example('x')).success).toBe(true);
    // Every live field turns into a change someone applies.
    for (const [field, toChange] of Object.entries(k.liveFields ?? {})) {
      const value = (example as Record<string, unknown>)[field];
      const change = toChange('x', value as never, value as never);
      if (change === null) continue;
      const applied = STATION_CHANGES.includes(change.type) || change.type in (k.changes ?? {});
      expect(applied, `${name}.${field} -> ${change.type}`).toBe(true);
    }
  });

  it('names each kind once', () => {
    expect(new Set(kinds.map((k) => k.kind)).size).toBe(kinds.length);
  });

  // The deployment export (src/export) writes a node only through its kind's deploy section:
  // a kind without one would silently vanish from every deployment file.
  it.each(kinds.filter((k) => !k.capabilities.source).map((k) => [k.kind, k] as const))('%s says which runtime runs it (deploy.runtime)', (_name, k) => {
    expect(typeof k.deploy?.runtime).toBe('function');
    expect(k.deploy?.runtime(k.schema.parse(k.example('x')), { sessionStore: false })).not.toBeNull();
  });
});

describe('every fault kind provides what the registries need', () => {
  it.each(faults.map((f) => [f.kind, f] as const))('%s', (name, f) => {
    expect(['node', 'edge', 'node-or-edge']).toContain(f.targets);
    expect(f.words.length).toBeGreaterThan(0);
    expect(typeof f.start).toBe('function');
    expect(typeof f.stop).toBe('function');
    expect(f.schema.shape.kind.value).toBe(name);
    // Its menu entries make faults the scenario schema accepts, on the targets it takes.
    for (const [where, entry] of Object.entries(f.menu ?? {})) {
      expect(entry.label.length).toBeGreaterThan(0);
      const target = where === 'edge' ? 'a->b' : 'a';
      expect(f.targets === 'node-or-edge' || f.targets === where).toBe(true);
      expect(faultSchema.parse(entry.make(target)).kind).toBe(name);
    }
  });

  it('names each fault kind once', () => {
    expect(new Set(faults.map((f) => f.kind)).size).toBe(faults.length);
  });
});

/** Where the rest of microcosm decides things about nodes and faults (the UI's looks are a table of their own). */
const SCANNED = ['src/engine', 'src/scenario', 'src/worker', 'src/store', 'src/export', 'src/sweep', 'src/ui/canvas/FaultMenu.tsx', 'src/ui/canvas/faultMenuItems.ts', 'src/ui/panels/load', 'src/ui/panels/dashboard'];
const OWNERS = ['src/engine/kinds/', 'src/engine/faults/'];
/**
 * Modules that still single out a kind, each a known remaining case: the starter scenario is
 * data; the store's edits of a client's rate and of a gateway's routes when an edge is cut,
 * and the load slider, read a client's or gateway's own fields.
 */
// The built-in scenario is a scenario written as data (as scenarios/*.json are): its nodes say their kinds.
const NOT_YET = ['src/store/defaultScenario.ts'];

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (/\.tsx?$/.test(path)) return [full];
  const out: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(join(ROOT, p));
  }
  return out;
}

/**
 * A kind or fault kind singled out: compared with, constructed by name, listed with another,
 * or (node kinds only) a case of a switch. A fault kind's name is a plain word ("error") that
 * other switches use for their own cases (a worker message's type), so cases are checked
 * against `caseNames`.
 */
function namings(text: string, names: readonly string[], caseNames: readonly string[] = names): string[] {
  const quoted = (list: readonly string[]) => `['"\`](${list.map((n) => n.replace(/[-]/g, '\\-')).join('|')})['"\`]`;
  const q = quoted(names);
  const patterns = [
    new RegExp(`\\bkind\\s*[!=]==?\\s*${q}`, 'g'),
    new RegExp(`${q}\\s*[!=]==?\\s*[\\w.?]*\\bkind\\b`, 'g'),
    new RegExp(`\\bkind:\\s*${q}`, 'g'),
    new RegExp(`${q}\\s*,\\s*${q}`, 'g'),
    // A switch over kinds: \`switch (n.kind) { case 'queue': ... }\`.
    new RegExp(`\\bcase\\s+${quoted(caseNames)}\\s*:`, 'g'),
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
}

describe('no module outside kinds/ and faults/ names a kind or a fault kind', () => {
  const kindNames = kinds.map((k) => k.kind);
  const names = [...kindNames, ...faults.map((f) => f.kind)];
  const files = SCANNED.flatMap(sourceFiles)
    .map((f) => relative(ROOT, f).split(sep).join('/'))
    .filter((f) => !OWNERS.some((o) => f.startsWith(o)));

  it.each(files.filter((f) => !NOT_YET.includes(f)))('%s', (file) => {
    expect(namings(readFileSync(join(ROOT, file), 'utf8'), names, kindNames)).toEqual([]);
  });

  it('finds a naming when there is one (the check itself works)', () => {
    expect(namings(`if (n.kind === 'service') x(); const s = new Set(['service', 'gateway']); f({ kind: 'kill-instance' });`, names)).toHaveLength(3);
    expect(namings(`switch (n.kind) { case 'queue': return 1; case "topic" : return 2; }`, names, kindNames)).toHaveLength(2);
    expect(namings(`if (n.kind === svc.kind) x(); const per = 'client'; switch (msg.type) { case 'random': case 'error': break; }`, names, kindNames)).toEqual([]);
  });

  it('keeps the list of remaining cases honest (each still names a kind)', () => {
    for (const file of NOT_YET) expect(namings(readFileSync(join(ROOT, file), 'utf8'), names, kindNames).length, file).toBeGreaterThan(0);
  });
});
