import { memo } from 'react';
import { errorLevel, fmtPct, fmtRate, fmtWindowMs } from '../../common/format';

export interface BadgeValues {
  rps?: number;
  p99Ms?: number;
  errorRate?: number;
  utilization?: number;
  queue?: number;
  /**
   * Set for a client, whose p99 is of its successful requests only (docs/semantics.md): true
   * when the last simulated second had answers and none succeeded, so p99 has nothing to say.
   */
  allFailed?: boolean;
  /** Whom the node's failures come from when it only passes them on (the nodes it calls), else ''. */
  passedOnFrom?: string;
}

/** Live numbers under a node, each with its unit written out so no colour is needed to read it. */
export const Badges = memo(function Badges({ rps, p99Ms, errorRate, utilization, queue, allFailed, passedOnFrom }: BadgeValues) {
  return (
    <dl className="mc-badges">
      {rps !== undefined && <Badge name="requests per second" short="rps" value={fmtRate(rps)} />}
      {p99Ms !== undefined && <P99Badge p99Ms={p99Ms} errorRate={errorRate} allFailed={allFailed} />}
      {errorRate !== undefined && <Badge name={passedOnFrom ? 'error rate (passed on)' : 'error rate'} short="err" value={fmtPct(errorRate)} tone={errorTone(errorRate)} />}
      {passedOnFrom ? <Badge name="errors passed on from" short="from" value={passedOnFrom} /> : null}
      {utilization !== undefined && <Badge name="utilization" short="util" value={fmtPct(utilization)} tone={utilization >= 0.9 ? 'warn' : undefined} />}
      {queue !== undefined && <Badge name="queue length" short="queue" value={String(Math.round(queue))} tone={queue > 0 ? 'warn' : undefined} />}
    </dl>
  );
});

/**
 * A client's p99 is of its successful requests: when none succeeded it says so rather than
 * show a blank (or the failures' few ms), and when many failed its title says they are not in it.
 */
function P99Badge({ p99Ms, errorRate, allFailed }: { p99Ms: number; errorRate?: number; allFailed?: boolean }) {
  if (allFailed === undefined) return <Badge name="p99 latency" short="p99" value={fmtWindowMs(p99Ms)} />;
  if (allFailed) return <Badge name="p99 latency: no successful requests in the last simulated second" short="p99" value="all failed" tone="bad" />;
  const failing = errorRate !== undefined && errorLevel(errorRate) !== 'ok';
  const name = failing ? `p99 latency of the successful requests (the ${fmtPct(errorRate)} that failed are not in it)` : 'p99 latency of the successful requests';
  return <Badge name={name} short={failing ? 'p99 ok' : 'p99'} value={fmtWindowMs(p99Ms)} />;
}

function errorTone(errorRate: number): 'warn' | 'bad' | undefined {
  const level = errorLevel(errorRate);
  return level === 'ok' ? undefined : level;
}

function Badge({ name, short, value, tone }: { name: string; short: string; value: string; tone?: 'warn' | 'bad' }) {
  return (
    <div className={`mc-badge${tone ? ` mc-badge--${tone}` : ''}`} title={`${name}: ${value}`}>
      <dt>{short}</dt>
      <dd>{value}</dd>
    </div>
  );
}
