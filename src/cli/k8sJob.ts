import { INDEX_ENV } from './shard';
import type { JobOptions } from './shardArgs';

/**
 * A Kubernetes Job (batch/v1) that runs a command's shards in parallel: an Indexed Job with
 * one completion per shard, whose pods each read their shard's number from
 * JOB_COMPLETION_INDEX (`--shard auto/N`) and write their part to their log, or to a shared
 * volume. The image is the project's (Dockerfile): its entry point is `npm run`.
 */
export interface JobCommand {
  /** The npm script that runs it. */
  script: 'lesson' | 'sweep';
  /** What the Job does, for its name and labels. */
  command: 'grade' | 'sweep';
  /** The command line as given, without the distribution options. */
  args: readonly string[];
  /** Worker threads per pod; each pod asks for as many CPUs. */
  threads?: number;
}

/** Options that make no sense in a shard (the merge writes the CSV and chooses the form), with how many values each takes. */
const NOT_IN_A_SHARD: Record<string, number> = { '--csv': 1, '--json': 0, '--threads': 1 };

/** Where a pod writes its part when the Job has a volume. */
export const RESULTS_DIR = '/results';

export function podArgs(job: JobOptions, c: JobCommand): string[] {
  const kept: string[] = [];
  for (let i = 0; i < c.args.length; i++) {
    const skip = NOT_IN_A_SHARD[c.args[i]];
    if (skip === undefined) kept.push(c.args[i]);
    else i += skip;
  }
  return ['-s', c.script, '--', ...kept, '--threads', String(c.threads ?? 1), '--shard', `auto/${job.completions}`, ...(job.pvc ? ['--out', `${RESULTS_DIR}/`] : [])];
}

export function k8sJob(job: JobOptions, c: JobCommand): Record<string, unknown> {
  const labels = { 'app.kubernetes.io/name': 'microcosm', 'app.kubernetes.io/component': c.command };
  const container: Record<string, unknown> = {
    name: 'microcosm',
    image: job.image,
    imagePullPolicy: 'IfNotPresent',
    args: podArgs(job, c),
    resources: { requests: { cpu: String(c.threads ?? 1), memory: '512Mi' }, limits: { memory: '2Gi' } },
    ...(job.pvc ? { volumeMounts: [{ name: 'results', mountPath: RESULTS_DIR }] } : {}),
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: job.name ?? `microcosm-${c.command}`, labels },
    spec: {
      completionMode: 'Indexed',
      completions: job.completions,
      parallelism: job.parallelism,
      // Each shard is retried on its own (a lost node costs one shard, not the Job).
      backoffLimitPerIndex: 2,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [container],
          ...(job.pvc ? { volumes: [{ name: 'results', persistentVolumeClaim: { claimName: job.pvc } }] } : {}),
        },
      },
    },
  };
}

/** A word as a POSIX shell reads it back unchanged. */
const shellWord = (w: string) => (/^[\w./=,:@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** The comment above the Job: how to run it and gather its parts. */
export function jobNotes(job: JobOptions, c: JobCommand): string {
  const name = job.name ?? `microcosm-${c.command}`;
  const csv = c.args.indexOf('--csv');
  const merge = ['npm', 'run', 'merge', '--', job.pvc ? 'PARTS_FOLDER/' : 'parts/', ...(csv >= 0 && c.args[csv + 1] !== undefined ? ['--csv', c.args[csv + 1]] : []), ...(c.args.includes('--json') ? ['--json'] : [])].map(shellWord).join(' ');
  const gather = job.pvc
    ? [`# Each pod writes ${RESULTS_DIR}/${c.command}-part-I-of-${job.completions}.jsonl on the volume claim ${job.pvc};`,
      `# copy that folder out (for example with kubectl cp from a pod that mounts the claim), then:`, `#   ${merge}`]
    : [`# Each pod prints its part (JSON lines) to its log. When the Job is complete:`,
      `#   mkdir -p parts && for p in $(kubectl get pods -l batch.kubernetes.io/job-name=${name} --field-selector=status.phase=Succeeded -o name); do kubectl logs "$p" > "parts/\${p#pod/}.jsonl"; done`,
      `#   ${merge}`];
  return [
    `# ${job.completions} shard${job.completions === 1 ? '' : 's'} of: ${['npm', 'run', c.script, '--', ...c.args].map(shellWord).join(' ')}`,
    `# kubectl apply -f job.yaml (each pod's ${INDEX_ENV} picks its shard)`,
    ...gather,
  ].join('\n');
}

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/**
 * YAML in block style. Every string is written double-quoted (JSON's quoting is valid YAML),
 * so no value can be misread as a number, a boolean or a comment.
 */
export function toYaml(value: unknown, indent = ''): string {
  const key = (k: string) => (PLAIN_KEY.test(k) ? k : JSON.stringify(k));
  const scalar = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === null || v === undefined ? 'null' : String(v));
  const isNested = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((v) => {
      if (!isNested(v)) return `${indent}- ${isEmpty(v) ?? scalar(v)}`;
      const inner = toYaml(v, indent + '  ');
      return `${indent}- ${inner.slice(indent.length + 2)}`;
    }).join('\n');
  }
  if (isNested(value)) {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => (isNested(v)
      ? `${indent}${key(k)}:\n${toYaml(v, indent + '  ')}`
      : `${indent}${key(k)}: ${isEmpty(v) ?? scalar(v)}`)).join('\n');
  }
  return isEmpty(value) ?? scalar(value);
}

const isEmpty = (v: unknown) => (Array.isArray(v) && v.length === 0 ? '[]' : v !== null && typeof v === 'object' && Object.keys(v).length === 0 ? '{}' : undefined);

/** The Job as printed by `--k8s-job`: YAML with how to use it above, or JSON with `--json`. */
export function jobText(job: JobOptions, c: JobCommand, json: boolean): string {
  const manifest = k8sJob(job, c);
  return json ? JSON.stringify(manifest, null, 2) + '\n' : `${jobNotes(job, c)}\n${toYaml(manifest)}\n`;
}
