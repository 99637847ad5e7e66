import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAILURE_COUNT, FAILURE_NAMES } from '../../src/engine/runtime/codes';

/**
 * The hot loop switches on small integer codes (event types, request states, distribution
 * and balancer codes). The bundler inlines them only from modules of plain constants with
 * no imports; one stray import turns every code into a variable load on every event, which
 * cost the engine several percent of its speed. This test bundles the engine as the CLI and
 * the browser do and checks that no code survives as a name.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CODE_MODULES = ['src/engine/runtime/codes.ts', 'src/engine/runtime/jobStates.ts', 'src/engine/calls/breakerCodes.ts'];

function numericConstants(file: string): string[] {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  return [...text.matchAll(/^export const ([A-Z][A-Z0-9_]*) = -?\d+;/gm)].map((m) => m[1]);
}

describe('constants of the hot path', () => {
  it('FAILURE_COUNT matches the failure names', () => {
    expect(FAILURE_COUNT).toBe(FAILURE_NAMES.length);
  });

  it('code modules import nothing, so their values can be inlined', () => {
    for (const file of [...CODE_MODULES, 'src/engine/core/sampler.ts']) {
      const text = readFileSync(resolve(ROOT, file), 'utf8');
      const valueImports = text.split('\n').filter((l) => /^import /.test(l) && !/^import type /.test(l));
      expect(valueImports, file).toEqual([]);
    }
  });

  it('the bundled engine has every code inlined', async () => {
    const out = await build({
      entryPoints: [resolve(ROOT, 'src/engine/simulation.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      packages: 'external',
      minifySyntax: true,
      logLevel: 'silent',
    });
    // Doc comments survive bundling; only code matters here.
    const bundle = out.outputFiles[0].text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const names = CODE_MODULES.flatMap(numericConstants);
    expect(names.length).toBeGreaterThan(40);
    const left = names.filter((n) => new RegExp(`\\b${n}\\b`).test(bundle));
    expect(left).toEqual([]);
    // The sampler's switch too: its codes are module-private, so look for the case labels.
    expect(bundle).not.toMatch(/case (CONSTANT|EXPONENTIAL|UNIFORM|LOGNORMAL):/);
  });
});
