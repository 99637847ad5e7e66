import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../../../store';
import { nodeStats } from '../../../store/selectors';
import { FunctionIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { Badges } from './Badges';
import { ExtraBadges } from './ExtraBadges';
import { NodeShell } from './NodeShell';
import { nodeHealthWord, passedOnFrom } from './useNodeHealth';

const MAX_CELLS = 24;

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * A serverless function: one cell per execution environment (full while it runs an
 * invocation, hatched while it initialises, empty while it waits warm), then the badges.
 * No cells at all is the point of serverless: nothing runs, nothing is paid.
 */
export const FunctionNode = memo(function FunctionNode({ id, data, selected }: NodeProps<FlowNode>) {
  const stats = useStore(nodeStats(id));
  const from = useStore(passedOnFrom(id));
  const x = stats?.extra;
  const initialising = num(x?.initialising);
  const running = Math.max(0, num(x?.concurrency) - initialising);
  const idle = Math.max(0, num(x?.warm) - running);
  const states = [...Array<string>(running).fill('ready'), ...Array<string>(initialising).fill('starting'), ...Array<string>(idle).fill('idle')];
  const total = states.length;
  const summary = `${total} environments: ${running} running, ${initialising} starting cold, ${idle} idle warm`;
  return (
    <NodeShell id={id} kind={data.kind} label={data.label} icon={<FunctionIcon />} selected={!!selected} status={nodeHealthWord(stats)}>
      <div className="mc-cells" role="img" aria-label={summary} title={summary} data-testid="function-environments">
        {states.slice(0, MAX_CELLS).map((s, k) => (
          <span key={k} className={`mc-cell mc-cell--${s === 'idle' ? 'ready' : s}`} data-state={s} style={s === 'ready' ? { ['--busy' as string]: 1 } : undefined} />
        ))}
        {total > MAX_CELLS && <span className="mc-cells__more">+{total - MAX_CELLS}</span>}
        {total === 0 && <span className="mc-cells__more">scaled to zero</span>}
      </div>
      {stats && <Badges rps={stats.arrivalsPerS} p99Ms={stats.p99Ms} errorRate={stats.errorRate} passedOnFrom={from} />}
      <ExtraBadges extra={x} skip={['initialising', 'concurrency', 'warm']} />
    </NodeShell>
  );
});
