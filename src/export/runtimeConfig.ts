/**
 * Configuration the off-the-shelf images need, shared by the Compose and Kubernetes
 * exports: ElasticMQ's queue file, PostgreSQL's pool size, the Eureka client settings, the
 * health checks the database images usually get.
 */
import { seconds } from './durations';
import { queueName, type Plan, type Workload } from './plan';

/** Where ElasticMQ reads its configuration. */
export const ELASTICMQ_CONF_PATH = '/opt/elasticmq.conf';

/**
 * ElasticMQ's configuration (HOCON) for one queue node: the queue, its visibility timeout,
 * FIFO, and its dead-letter queue (declared in the same server, as SQS needs both in one
 * account and region).
 */
export function elasticmqConf(plan: Plan, w: Workload): string {
  const n = w.settings.queue;
  if (!n) return '';
  const dlqNode = n.deadLetter ? plan.byId.get(n.deadLetter) : undefined;
  const dlq = dlqNode ? queueName(dlqNode) : (n.deadLetter ?? null);
  const lines = [
    'include classpath("application.conf")',
    '',
    `node-address { protocol = http, host = "${w.name}", port = ${w.spec.port}, context-path = "" }`,
    `rest-sqs { enabled = true, bind-port = ${w.spec.port}, bind-hostname = "0.0.0.0" }`,
    '',
    'queues {',
    `  "${queueName(w)}" {`,
    `    defaultVisibilityTimeout = ${seconds(n.visibilityTimeoutMs, 0)} seconds`,
    ...(n.fifo ? ['    fifo = true'] : []),
    ...(dlq && n.maxReceiveCount ? ['    deadLettersQueue {', `      name = "${dlq}"`, `      maxReceiveCount = ${n.maxReceiveCount}`, '    }'] : []),
    '  }',
    ...(dlq ? [`  "${dlq}" {}`] : []),
    '}',
    '',
  ];
  return lines.join('\n');
}

/** PostgreSQL's superuser_reserved_connections default. */
export const POSTGRES_RESERVED = 3;

/** Command-line arguments of a runtime, or null for the image's own. */
export function runtimeArgs(w: Workload): string[] | null {
  // PostgreSQL keeps 3 connections for superusers: the pool the application gets is the rest.
  const pool = w.settings.connections;
  if (w.runtime === 'postgres' && pool !== undefined) return ['-c', `max_connections=${pool + POSTGRES_RESERVED}`];
  return null;
}

/** Environment a runtime needs for itself (not the URLs of what it calls). */
export function runtimeEnv(plan: Plan, w: Workload, withRegistry: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  if (w.runtime === 'postgres') env.POSTGRES_DB = w.envPrefix.toLowerCase();
  if (w.runtime === 'localstack') env.SERVICES = 'sns,sqs';
  const leases = plan.registry?.settings.leases;
  if (withRegistry && leases && w.runtime === 'app') {
    // Spring Cloud Netflix reads these as eureka.instance.* / eureka.client.* properties.
    env.EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS = String(seconds(leases.heartbeatMs));
    env.EUREKA_INSTANCE_LEASEEXPIRATIONDURATIONINSECONDS = String(seconds(leases.evictionMs));
    env.EUREKA_CLIENT_REGISTRYFETCHINTERVALSECONDS = String(seconds(leases.cacheRefreshMs));
  }
  return env;
}

/** The usual health check of a database image, as a command (the scenario gives databases none). */
export function imageHealthCommand(w: Workload): string[] | null {
  if (w.runtime === 'postgres') return ['CMD-SHELL', 'pg_isready -U postgres'];
  if (w.runtime === 'redis') return ['CMD', 'redis-cli', 'ping'];
  return null;
}

/** Paths the team's services answer their probes on. */
export const READY_PATH = '/ready';
export const LIVE_PATH = '/live';
