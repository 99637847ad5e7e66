import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run sim -- FILE --json | head` prints a Node stack trace
 * ("Error: write EPIPE ... at WriteWrap.onWriteComplete ...") and exits 1. When the reader of
 * stdout goes away before the report is written, process.stdout emits 'error' (EPIPE), which
 * nothing handles, so Node crashes with an uncaught exception, bypassing sim.ts's own
 * "never a stack trace for a person" catch (the error is asynchronous, after main() returned).
 *
 * src/cli/sim.ts, around the process.stdout.write of the report.
 * Fix: process.stdout.on('error', (e) => { if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0); else ... })
 * installed before writing, as CLIs that are piped into head or less do.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'microcosm-epipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sim --json piped into a reader that stops early', () => {
  it('exits quietly, without a stack trace, when stdout is closed early', async () => {
    // An hour of series (3600 points per channel): a report far larger than a pipe's buffer.
    const file = join(dir, 'hour.json');
    writeFileSync(file, JSON.stringify({
      version: 1, name: 'hour', durationMs: 3_600_000,
      nodes: [{ id: 'users', kind: 'client', load: { rps: 5 } }, { id: 's', kind: 'service', serviceTimeMs: 1 }],
      edges: [{ from: 'users', to: 's' }],
    }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', file, '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    // Like `| head -c 100`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        done(code);
      });
    });
    expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+/m);
    expect(stderr).not.toMatch(/EPIPE/);
    expect(status).toBe(0);
  });
});
