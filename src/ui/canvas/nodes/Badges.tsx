import { memo } from 'react';
import { errorLevel, fmtPct, fmtRate, fmtWindowMs } from '../../common/format';

export interface BadgeValues {
  rps?: number;
  p99Ms?: number;
  errorRate?: number;
  utilization?: number;
  queue?: number;
}

/** Live numbers under a node, each with its unit written out so no colour is needed to read it. */
export const Badges = memo(function Badges({ rps, p99Ms, errorRate, utilization, queue }: BadgeValues) {
  return (
    <dl className="mc-badges">
      {rps !== undefined && <Badge name="requests per second" short="rps" value={fmtRate(rps)} />}
      {p99Ms !== undefined && <Badge name="p99 latency" short="p99" value={fmtWindowMs(p99Ms)} />}
      {errorRate !== undefined && <Badge name="error rate" short="err" value={fmtPct(errorRate)} tone={errorTone(errorRate)} />}
      {utilization !== undefined && <Badge name="utilization" short="util" value={fmtPct(utilization)} tone={utilization >= 0.9 ? 'warn' : undefined} />}
      {queue !== undefined && <Badge name="queue length" short="queue" value={String(Math.round(queue))} tone={queue > 0 ? 'warn' : undefined} />}
    </dl>
  );
});

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
