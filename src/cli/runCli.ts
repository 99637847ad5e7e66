/**
 * Runs a command's main and sets the exit code from it: the one place that decides what a
 * person sees when something goes wrong. A reader that stops early (`| head`) closes the pipe,
 * which is not an error of ours; anything unexpected is one line and exit 1, never a stack trace.
 */
export function runCli(main: (argv: string[]) => number | Promise<number>): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const fail = (e: unknown) => {
    process.stderr.write(`microcosm: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  };
  try {
    Promise.resolve(main(process.argv.slice(2))).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (e) {
    fail(e);
  }
}
