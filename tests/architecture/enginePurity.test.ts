import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The engine, the scenario layer, the lessons and the export are pure: same scenario and
 * seed, same report (or the same deployment files), in Node, a Web Worker or a test. So they
 * import no UI, no state store, no Node I/O and nothing from the layers above them, and they
 * touch no browser or process globals, wall clock or unseeded randomness. The lessons sit
 * above the engine and the scenario layer and import only them (and zod and
 * fast-json-patch); the export likewise, with the yaml package, and the Kubernetes models
 * for their types only (nothing of them is bundled). ESLint says the same; this test holds
 * even when lint is not run.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PURE_DIRS = ['src/engine', 'src/scenario', 'src/lessons', 'src/export'];
/** What src/lessons may import: these layers and these packages, nothing else. */
const LESSON_LAYERS = ['src/engine', 'src/scenario', 'src/lessons'];
const LESSON_PACKAGES = ['zod', 'fast-json-patch'];
/** What src/export may import: the lessons' layers, yaml, and the models' types. */
const EXPORT_LAYERS = ['src/engine', 'src/scenario', 'src/export'];
const EXPORT_PACKAGES = ['yaml'];
const EXPORT_TYPE_PACKAGES = [/^kubernetes-models\//, /^@kubernetes-models\//];

const FORBIDDEN_PACKAGES = [/^react$/, /^react\//, /^react-dom(\/|$)/, /^zustand(\/|$)/, /^@xyflow\//, /^recharts(\/|$)/, /^immer(\/|$)/, /^node:/, /^fs(\/|$)/, /^path(\/|$)/, /^os$/, /^child_process$/];
const FORBIDDEN_LAYERS = ['src/ui', 'src/store', 'src/worker', 'src/cli', 'src/lessons', 'src/export'];
const FORBIDDEN_GLOBALS: [string, RegExp][] = [
  ['window.', /(?<![\w$.])window\s*\./],
  ['document.', /(?<![\w$.])document\s*\./],
  ['localStorage', /(?<![\w$.])localStorage\b/],
  ['process.', /(?<![\w$.])process\s*\./],
  ['Math.random', /(?<![\w$.])Math\s*\.\s*random\b/],
  ['Date.now', /(?<![\w$.])Date\s*\.\s*now\b/],
  ['performance.now', /(?<![\w$.])performance\s*\.\s*now\b/],
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * Removes comments, and (when `strings` is false) the contents of string and template
 * literals, keeping line breaks so that positions still map to lines. A small scanner, not a
 * regex, so that "http://x" in a string or a quote in a comment does not confuse it.
 */
function strip(src: string, keepStrings: boolean): string {
  let out = '';
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i], d = src[i + 1];
    if (c === '/' && d === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && d === '*') {
      i += 2;
      while (i < n && !(src[i] === '*' && src[i + 1] === '/')) {
        if (src[i] === '\n') out += '\n';
        i++;
      }
      i += 2;
    } else if (c === '/' && startsRegex(out)) {
      // A regex literal: copied as is, so a quote inside it does not open a string.
      let inClass = false;
      out += c;
      i++;
      while (i < n && src[i] !== '\n' && (inClass || src[i] !== '/')) {
        if (src[i] === '\\') {
          out += src[i] + (src[i + 1] ?? '');
          i += 2;
          continue;
        }
        if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        out += src[i];
        i++;
      }
      if (src[i] === '/') {
        out += '/';
        i++;
      }
    } else if (c === '"' || c === "'" || c === '`') {
      out += c;
      i++;
      while (i < n && src[i] !== c) {
        if (src[i] === '\\') {
          if (keepStrings) out += src[i] + (src[i + 1] ?? '');
          i += 2;
          continue;
        }
        if (c === '`' && src[i] === '$' && src[i + 1] === '{') {
          // Template substitution: code, kept (nested templates in it are rare; keep it simple).
          let depth = 0;
          do {
            if (src[i] === '{') depth++;
            else if (src[i] === '}') depth--;
            out += src[i];
            i++;
          } while (i < n && depth > 0);
          continue;
        }
        out += keepStrings || src[i] === '\n' ? src[i] : ' ';
        i++;
      }
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Whether a `/` after this code starts a regex literal rather than a division. */
function startsRegex(before: string): boolean {
  const m = /(\S+)\s*$/.exec(before);
  if (!m) return true;
  const last = m[1];
  return /[(,=:[!&|?{};+\-*%<>~^]$/.test(last) || /(^|[^\w$])(return|typeof|case|do|else|in|of|void|yield|await)$/.test(last);
}

/** Module specifiers: static imports and re-exports, side-effect imports, dynamic import(), require(). */
function importsOf(code: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
    /\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[2]);
  return specs;
}

/** What is wrong with one file's source, as readable lines ("" when nothing). */
function violations(file: string, src: string): string[] {
  const out: string[] = [];
  const rel = relative(ROOT, file).split(sep).join('/');
  const isLesson = rel.startsWith('src/lessons/');
  const isExport = rel.startsWith('src/export/');
  const under = (target: string, layers: string[]) => layers.some((l) => target === l || target.startsWith(l + '/'));
  const code0 = strip(src, true);
  const typeOnly = new Set([...code0.matchAll(/\bimport\s+type\s[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1/g)].map((m) => m[2]));
  for (const spec of importsOf(code0)) {
    if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) out.push(`${rel} imports "${spec}"`);
    if (spec.startsWith('.')) {
      const target = relative(ROOT, resolve(dirname(file), spec)).split(sep).join('/');
      if (isExport) {
        if (!under(target, EXPORT_LAYERS)) out.push(`${rel} imports "${spec}" (${target}): the export imports only the engine and the scenario layer`);
      } else if (isLesson ? !under(target, LESSON_LAYERS) : under(target, FORBIDDEN_LAYERS)) out.push(`${rel} imports "${spec}" (${target}), a layer above ${isLesson ? 'the lessons' : 'the engine'}`);
    } else if (isExport) {
      const typesOk = EXPORT_TYPE_PACKAGES.some((re) => re.test(spec)) && typeOnly.has(spec);
      if (!EXPORT_PACKAGES.includes(spec) && !typesOk && !FORBIDDEN_PACKAGES.some((re) => re.test(spec))) out.push(`${rel} imports "${spec}": the export imports only the engine, the scenario layer, yaml, and the Kubernetes models' types`);
    } else if (isLesson) {
      if (!LESSON_PACKAGES.includes(spec) && !FORBIDDEN_PACKAGES.some((re) => re.test(spec))) out.push(`${rel} imports "${spec}": the lessons import only the engine, the scenario layer, ${LESSON_PACKAGES.join(' and ')}`);
    } else if (FORBIDDEN_LAYERS.some((l) => spec.startsWith(l + '/') || spec.includes(`/${l}/`))) out.push(`${rel} imports "${spec}", a layer above the engine`);
  }
  const code = strip(src, false);
  code.split('\n').forEach((line, k) => {
    for (const [name, re] of FORBIDDEN_GLOBALS) if (re.test(line)) out.push(`${rel}:${k + 1} uses ${name}`);
  });
  return out;
}

describe('engine purity', () => {
  const files = PURE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));

  it('finds the engine, scenario, lesson and export sources', () => {
    expect(files.length).toBeGreaterThan(20);
    const rels = files.map((f) => relative(ROOT, f).split(sep).join('/'));
    for (const f of ['src/engine/core/rng.ts', 'src/engine/simulation.ts', 'src/scenario/parse.ts', 'src/lessons/checks.ts', 'src/export/index.ts']) expect(rels).toContain(f);
    expect(rels.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('no file under src/engine, src/scenario, src/lessons or src/export imports UI, Node I/O or a layer above, or uses globals, the clock or Math.random', () => {
    const problems = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });
});

describe('the purity scanner itself', () => {
  const f = join(ROOT, 'src/engine/core/example.ts');

  it('catches each kind of violation', () => {
    const bad = [
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import type { Node } from '@xyflow/react';",
      "import { create } from 'zustand';",
      "import { LineChart } from 'recharts';",
      "import { produce } from 'immer';",
      "import { readFileSync } from 'node:fs';",
      "import * as fs from 'fs';",
      "import { join } from 'path';",
      "export { x } from '../../ui/canvas';",
      "import '../../store/useStore';",
      "const w = await import('../../worker/sim.worker');",
      "import { run } from '../../cli/runScenario';",
      'const r = Math.random();',
      'const t = Date.now();',
      'const p = performance.now();',
      'window.addEventListener("x", f);',
      'document.title = "x";',
      'localStorage.getItem("k");',
      'if (process.env.X) {}',
    ];
    for (const line of bad) expect(violations(f, line), line).toHaveLength(1);
  });

  it('ignores comments, strings and look-alike names', () => {
    const ok = [
      '// Math.random() is banned; so is Date.now()',
      '/* import x from "react"; window.foo */ const a = 1;',
      "const msg = 'the process. window. Math.random in a string';",
      'const url = "http://example.com"; const b = 2; // Date.now()',
      'const t = `${a} process.exit`;',
      'this.process.step(); state.window.x = 1; const processed = 1; rng.next();',
      "const re = /^'(\\w+)'$/; const c = a / b; const ok = re.test(x); // process.exit",
      'if (/["]/.test(s)) return s.replace(/"/g, "\'"); const r = x / 2 / y;',
      "import { z } from 'zod';",
      "import { sample } from '../core/distributions';",
      "import type { Scenario } from '../../engine/model';",
    ];
    for (const line of ok) expect(violations(f, line), line).toEqual([]);
  });

  it('keeps the engine from importing the lessons, and the lessons to the engine and scenario layers', () => {
    expect(violations(f, "import { checkLesson } from '../../lessons/checkLesson';")).toHaveLength(1);
    const lesson = join(ROOT, 'src/lessons/example.ts');
    for (const line of ["import { createSimulation } from '../engine/simulation';", "import { parseScenario } from '../scenario/parse';", "import { z } from 'zod';", "import jsonpatch from 'fast-json-patch';", "import { fmt } from './compare';"]) {
      expect(violations(lesson, line), line).toEqual([]);
    }
    for (const line of ["import { runScenarioFile } from '../cli/runScenario';", "import { useStore } from '../store';", "import { readFileSync } from 'node:fs';", "import lz from 'lz-string';", "import { produce } from 'immer';"]) {
      expect(violations(lesson, line), line).toHaveLength(1);
    }
  });

  it('keeps the export to the engine, the scenario layer, yaml and the models\' types', () => {
    const exp = join(ROOT, 'src/export/example.ts');
    for (const line of ["import { Document } from 'yaml';", "import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';", "import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';", "import { parseScenarioText } from '../scenario/parse';", "import { SIZES } from '../engine/scaling/sizes';", "import { duration } from './durations';"]) {
      expect(violations(exp, line), line).toEqual([]);
    }
    for (const line of ["import { Deployment } from 'kubernetes-models/apps/v1/Deployment';", "import { checkLesson } from '../lessons/checkLesson';", "import { useStore } from '../store';", "import { writeFileSync } from 'node:fs';", "import lz from 'lz-string';"]) {
      expect(violations(exp, line), line).toHaveLength(1);
    }
    expect(violations(f, "import { toCompose } from '../../export/compose';")).toHaveLength(1);
  });
});
