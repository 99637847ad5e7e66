import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The engine's modules import one way. A call tree is naturally mutually recursive (a call
 * arrives, is served, calls on, is answered), and writing that recursion as imports once
 * tied ten files into one circle, where no module could be read, tested or loaded without
 * all the others. Now the event loop (core/loop) knows no rules, the world (runtime/world)
 * is state only, and the modules that make calls reach the steps above them through the
 * world's call tree, which runtime/wiring fills at build time. This test keeps it so: no
 * value import may close a cycle under src/engine. Type-only imports are free (they vanish
 * when compiled, so they tie nothing at run time).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENGINE = join(ROOT, 'src/engine');

/**
 * Cycles known and accepted for now, each as its files sorted and joined by ' <-> '. Keep
 * this list shrinking: an entry may only be removed, and the test fails on any cycle that
 * is not here (and on an entry that no longer is a cycle, so the list cannot go stale).
 */
const ALLOWED_CYCLES: string[] = [];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Module specifiers a file imports or re-exports for their values (type-only ones left out). */
function valueImports(fileName: string, src: string): string[] {
  const sf = ts.createSourceFile(fileName, src, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const specs: string[] = [];
  const allTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) => elements.length > 0 && elements.every((e) => e.isTypeOnly);
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const c = s.importClause;
      // A bare `import './x'` runs x: a value import.
      const typeOnly = c !== undefined && (c.isTypeOnly || (c.name === undefined && c.namedBindings !== undefined && ts.isNamedImports(c.namedBindings) && allTypes(c.namedBindings.elements)));
      if (!typeOnly) specs.push(s.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined && ts.isStringLiteral(s.moduleSpecifier)) {
      const typeOnly = s.isTypeOnly || (s.exportClause !== undefined && ts.isNamedExports(s.exportClause) && allTypes(s.exportClause.elements));
      if (!typeOnly) specs.push(s.moduleSpecifier.text);
    }
  }
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, join(base, 'index.ts')]) if (c.endsWith('.ts') && existsSync(c)) return c;
  return null;
}

/**
 * The cycles of a graph: one per strongly connected component of more than one file (or a
 * file that imports itself), as the component's files sorted and joined by ' <-> ', with
 * one concrete loop through it for the message.
 */
function cyclesOf(graph: Map<string, string[]>): { key: string; loop: string[] }[] {
  let counter = 0;
  const index = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>();
  const out: { key: string; loop: string[] }[] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const members: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      members.push(w);
    } while (w !== v);
    if (members.length > 1 || (graph.get(v) ?? []).includes(v)) out.push({ key: [...members].sort().join(' <-> '), loop: loopThrough(graph, new Set(members), v) });
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** A shortest loop from `start` back to itself inside one component (breadth first). */
function loopThrough(graph: Map<string, string[]>, members: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.splice(1, 0, x);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

function engineGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const rel = (f: string) => relative(ENGINE, f).split(sep).join('/');
  for (const f of sourceFiles(ENGINE)) {
    const deps = valueImports(f, readFileSync(f, 'utf8')).map((s) => resolveLocal(f, s)).filter((t): t is string => t !== null && t.startsWith(ENGINE + sep));
    graph.set(rel(f), [...new Set(deps.map(rel))]);
  }
  return graph;
}

describe('value imports under src/engine', () => {
  const graph = engineGraph();

  it('finds the engine and its imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('simulation.ts')).toContain('runtime/build.ts');
    expect(graph.get('runtime/build.ts')).toContain('runtime/wiring.ts');
  });

  it('form no cycle (type-only imports aside)', () => {
    const cycles = cyclesOf(graph);
    const unexpected = cycles.filter((c) => !ALLOWED_CYCLES.includes(c.key)).map((c) => c.loop.join(' -> '));
    expect(unexpected).toEqual([]);
    const gone = ALLOWED_CYCLES.filter((k) => !cycles.some((c) => c.key === k));
    expect(gone, 'allowed cycles that no longer exist: remove them from ALLOWED_CYCLES').toEqual([]);
  });

  it('leave the event loop and the world free of the rules they run', () => {
    expect(graph.get('core/loop.ts')).toEqual([]);
    const world = graph.get('runtime/world.ts')!;
    for (const rules of ['runtime/stations.ts', 'runtime/flow.ts', 'runtime/clients.ts', 'calls/pipeline.ts', 'metrics/tick.ts', 'runtime/wiring.ts']) expect(world).not.toContain(rules);
    for (const lower of ['calls/pipeline.ts', 'runtime/flow.ts']) {
      for (const upper of ['runtime/stations.ts', 'runtime/clients.ts', 'runtime/flow.ts']) if (upper !== lower) expect(graph.get(lower), `${lower} imports ${upper}`).not.toContain(upper);
    }
  });
});

describe('the cycle finder itself', () => {
  it('counts value imports and skips type-only ones', () => {
    const src = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, e } from './e';",
      "import './f';",
      "import * as g from './g';",
      "import h, { type H } from './h';",
      "export { i } from './i';",
      "export type { J } from './j';",
      "export { type K } from './k';",
      "export * from './l';",
      "const m = await import('./m');",
    ].join('\n');
    expect(valueImports('x.ts', src)).toEqual(['./a', './e', './f', './g', './h', './i', './l']);
  });

  it('finds each cycle once, with a loop through it, and nothing in a tree', () => {
    const g = new Map<string, string[]>([
      ['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []],
      ['e', ['f']], ['f', ['e']], ['s', ['s']], ['t', ['d']],
    ]);
    const found = cyclesOf(g);
    expect(found.map((c) => c.key).sort()).toEqual(['a <-> b <-> c', 'e <-> f', 's']);
    expect(found.find((c) => c.key === 'a <-> b <-> c')!.loop).toHaveLength(4);
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});
