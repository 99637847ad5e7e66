import { UsageError } from './args';
import { parseShard, type Shard } from './shard';

/** How a Kubernetes Job for the command is made (see k8sJob.ts). */
export interface JobOptions {
  /** Pods, one per shard. */
  completions: number;
  /** Pods at once (default: all). */
  parallelism: number;
  image: string;
  name?: string;
  /** A PersistentVolumeClaim each pod writes its part into (at /results), instead of its log. */
  pvc?: string;
}

/** The options that spread one command's work over processes or machines. */
export interface Distribution {
  shard?: Shard;
  out?: string;
  job?: JobOptions;
  /** The distribution options given, in order (to name one in a message). */
  given: string[];
}

export const DEFAULT_IMAGE = 'microcosm:latest';

export const SHARD_USAGE = `  --shard I/N | auto/N     run only shard I of N (from 0; auto reads JOB_COMPLETION_INDEX) and write
                           its part as JSON lines, for npm run merge
  --out FILE | DIR/        write the part to FILE, or into DIR/ as COMMAND-part-I-of-N.jsonl, not stdout
  --k8s-job N              print a Kubernetes Job whose N pods each run one shard, and run nothing;
                           with --k8s-image IMG (default ${DEFAULT_IMAGE}), --k8s-parallelism P,
                           --k8s-name NAME, --k8s-pvc CLAIM (parts go to that volume, not the logs)`;

const VALUED = new Set(['--shard', '--out', '--k8s-job', '--k8s-image', '--k8s-parallelism', '--k8s-name', '--k8s-pvc']);

const whole = (flag: string, v: string, max: number) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > max) throw new UsageError(`${flag} needs a whole number from 1 to ${max}, not ${JSON.stringify(v)}`);
  return n;
};

/** A Kubernetes object name: lower-case letters, digits and dashes, at most 63 characters. */
const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Takes the distribution options out of a command line; the rest goes to the command's own
 * parser. A mistake is a UsageError (exit 2).
 */
export function takeDistribution(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { rest: string[]; dist: Distribution } {
  const rest: string[] = [];
  const raw: Record<string, string> = {};
  const given: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!VALUED.has(a)) {
      rest.push(a);
      continue;
    }
    const v = argv[++i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
    if (a in raw) throw new UsageError(`${a} is given twice`);
    raw[a] = v;
    given.push(a);
  }
  const dist: Distribution = { given };
  if (raw['--shard'] !== undefined && raw['--k8s-job'] !== undefined) throw new UsageError('--shard runs one shard here; --k8s-job prints a Job that runs them all: give one of them');
  if (raw['--shard'] !== undefined) dist.shard = parseShard(raw['--shard'], env);
  if (raw['--out'] !== undefined) {
    if (!dist.shard) throw new UsageError('--out writes a shard\'s part: it goes with --shard');
    dist.out = raw['--out'];
  }
  const k8sExtra = given.find((g) => g.startsWith('--k8s-') && g !== '--k8s-job');
  if (raw['--k8s-job'] === undefined) {
    if (k8sExtra) throw new UsageError(`${k8sExtra} goes with --k8s-job N`);
    return { rest, dist };
  }
  const completions = whole('--k8s-job', raw['--k8s-job'], 100_000);
  const parallelism = raw['--k8s-parallelism'] === undefined ? completions : whole('--k8s-parallelism', raw['--k8s-parallelism'], 100_000);
  const name = raw['--k8s-name'];
  if (name !== undefined && !NAME.test(name)) throw new UsageError(`--k8s-name ${JSON.stringify(name)}: a Job's name is lower-case letters, digits and dashes, at most 63, starting and ending with a letter or digit`);
  const pvc = raw['--k8s-pvc'];
  if (pvc !== undefined && !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(pvc)) throw new UsageError(`--k8s-pvc ${JSON.stringify(pvc)} is not a volume claim's name`);
  dist.job = { completions, parallelism: Math.min(parallelism, completions), image: raw['--k8s-image'] ?? DEFAULT_IMAGE, ...(name ? { name } : {}), ...(pvc ? { pvc } : {}) };
  return { rest, dist };
}
