import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportScenarioText } from '../export';
import { formatProblems } from '../scenario/problems';
import { UsageError } from './args';
import { EXPORT_USAGE, parseExportArgs } from './exportArgs';
import { runCli } from './runCli';

/**
 * npm run export -- FILE --to compose|k8s|istio [--out DIR]: a scenario as deployment files.
 * Prints the file, or writes it into DIR. Exit 0 when done, 2 on bad input (one message
 * naming the file and the field).
 */
function main(argv: string[]): number {
  let cmd;
  try {
    cmd = parseExportArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`microcosm: ${e.message}\n${EXPORT_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (cmd.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(cmd.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`${cmd.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a scenario file' : `cannot be read (${code ?? (e as Error).message})`}\n`);
    return 2;
  }
  const r = exportScenarioText(text, cmd.to, { namespace: cmd.namespace, imageRegistry: cmd.registry });
  if (!r.ok) {
    process.stderr.write(`${formatProblems(cmd.file, r.problems)}\n`);
    return 2;
  }
  if (cmd.out === undefined) {
    process.stdout.write(r.file.text);
    return 0;
  }
  const path = join(cmd.out, r.file.fileName);
  try {
    mkdirSync(cmd.out, { recursive: true });
    writeFileSync(path, r.file.text);
  } catch (e) {
    process.stderr.write(`${cmd.out}: cannot write ${r.file.fileName} there (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 2;
  }
  process.stderr.write(`wrote ${path}\n`);
  return 0;
}

runCli(main);
