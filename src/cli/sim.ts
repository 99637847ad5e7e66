import { readFileSync, writeFileSync } from 'node:fs';
import { toOtlp } from '../engine/metrics/otlp';
import { runScenarioFile, SimInputError } from './runScenario';
import { HELP, parseSimArgs, USAGE, UsageError } from './args';
import { formatReport } from './table';
import { formatComparison, runComparison } from './compare';
import { formatSeededComparison, runSeededComparison } from './compareSeeds';
import { runCli } from './runCli';

/**
 * npm run sim -- FILE [options]: runs a scenario headless and prints its report; with
 * `--compare OTHER`, runs both and prints them side by side.
 * Exit 0 on a finished run, 2 on bad input (with one message naming the file and field).
 */
function main(argv: string[]): number {
  let args;
  try {
    args = parseSimArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`microcosm: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  try {
    if (args.compare !== undefined) {
      if (args.traces) throw new SimInputError(`${args.file}: --traces works on one run; leave out --compare to write traces`);
      if (args.seeds !== undefined) {
        const c = runSeededComparison({ ...args, compare: args.compare, seeds: args.seeds }, (f) => readFileSync(f, 'utf8'));
        process.stdout.write(args.json ? JSON.stringify(c, null, 2) + '\n' : formatSeededComparison(c) + '\n');
        return 0;
      }
      const runs = runComparison({ ...args, compare: args.compare }, (f) => readFileSync(f, 'utf8'));
      process.stdout.write(args.json
        ? JSON.stringify({ files: runs.map((r) => r.file), reports: runs.map((r) => r.report) }, null, 2) + '\n'
        : formatComparison(runs) + '\n');
      return 0;
    }
    const { report } = runScenarioFile(args, (f) => readFileSync(f, 'utf8'));
    if (args.traces) {
      if (!report.traces) throw new SimInputError(`${args.file}: tracing: --traces needs the scenario to set tracing: {sampleRate: 0.01} or more`);
      try {
        writeFileSync(args.traces, JSON.stringify(toOtlp(report.traces)));
      } catch (e) {
        throw new SimInputError(`${args.traces}: cannot write the traces (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      if (!args.json) process.stderr.write(`wrote ${report.traces.length} traces to ${args.traces} (OTLP/JSON)\n`);
    }
    process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof SimInputError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
}

runCli(main);
