import { EXPORT_TARGETS, type ExportTarget } from '../export/types';
import { UsageError } from './args';

export const EXPORT_USAGE = `usage: npm run export -- FILE --to ${EXPORT_TARGETS.join('|')} [--out DIR] [--namespace NAME] [--registry PREFIX]
  FILE                a scenario (JSON)
  --to TARGET         compose: a Compose file; k8s: Kubernetes objects (Deployments, Services,
                      autoscalers, Gateway API routes); istio: VirtualServices and DestinationRules
  --out DIR           write the file into DIR (compose.yaml, kubernetes.yaml or istio.yaml)
                      instead of printing it
  --namespace NAME    Kubernetes namespace and Compose project (default: from the scenario's name)
  --registry PREFIX   where the team's images live (default: registry.example.com/microcosm)
  --help              this text`;

export type ExportCommand =
  | { help: true }
  | { help: false; file: string; to: ExportTarget; out?: string; namespace?: string; registry?: string };

const VALUED = ['--to', '--out', '--namespace', '--registry'] as const;

/** Reads the command line of `npm run export`; a mistake is a UsageError (exit 2). */
export function parseExportArgs(argv: string[]): ExportCommand {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const opts: Partial<Record<(typeof VALUED)[number], string>> = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((VALUED as readonly string[]).includes(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--') || v === '') throw new UsageError(`${a} needs a value`);
      opts[a as (typeof VALUED)[number]] = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (file !== undefined) throw new UsageError(`one scenario file at a time (got ${file} and ${a})`);
    else file = a;
  }
  if (file === undefined) throw new UsageError('name a scenario file');
  const to = opts['--to'];
  if (to === undefined) throw new UsageError(`say what to export with --to ${EXPORT_TARGETS.join('|')}`);
  if (!(EXPORT_TARGETS as readonly string[]).includes(to)) throw new UsageError(`--to must be ${EXPORT_TARGETS.join(', ')} (not ${JSON.stringify(to)})`);
  return {
    help: false, file, to: to as ExportTarget,
    ...(opts['--out'] !== undefined ? { out: opts['--out'] } : {}),
    ...(opts['--namespace'] !== undefined ? { namespace: opts['--namespace'] } : {}),
    ...(opts['--registry'] !== undefined ? { registry: opts['--registry'] } : {}),
  };
}
