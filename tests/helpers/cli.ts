import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Running microcosm's command-line tools as `npm run` does: bundled by scripts/run.mjs, in a child process. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STACK_LINE = /^\s+at .+:\d+:\d+/m;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `entry` is the CLI's source (src/cli/sweep.ts); a run that hangs is killed after `timeoutMs`. */
export function runCli(entry: string, args: readonly string[], o: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/run.mjs', entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...o.env } });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 180_000);
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

/** At most `limit` jobs at once (the machines have two cores). */
export function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Bad input as a person must see it: exit 2, nothing on stdout, one line on stderr, no stack trace. */
export function oneLineError(r: Run): string {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/internal error|node:internal/);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}
