import type { NodeLive } from '../../../store/types';

const MAX_CELLS = 24;

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * A serverless function's gauge: one cell per execution environment (full while it runs an
 * invocation, hatched while it initialises, empty while it waits warm). No cells at all is
 * the point of serverless: nothing runs, nothing is paid.
 */
export function EnvironmentCells({ stats }: { stats: NodeLive | undefined }) {
  const x = stats?.extra;
  const initialising = num(x?.initialising);
  const running = Math.max(0, num(x?.concurrency) - initialising);
  const idle = Math.max(0, num(x?.warm) - running);
  const states = [...Array<string>(running).fill('ready'), ...Array<string>(initialising).fill('starting'), ...Array<string>(idle).fill('idle')];
  const total = states.length;
  const summary = `${total} environments: ${running} running, ${initialising} starting cold, ${idle} idle warm`;
  return (
    <div className="mc-cells" role="img" aria-label={summary} title={summary} data-testid="function-environments">
      {states.slice(0, MAX_CELLS).map((s, k) => (
        <span key={k} className={`mc-cell mc-cell--${s === 'idle' ? 'ready' : s}`} data-state={s} style={s === 'ready' ? { ['--busy' as string]: 1 } : undefined} />
      ))}
      {total > MAX_CELLS && <span className="mc-cells__more">+{total - MAX_CELLS}</span>}
      {total === 0 && <span className="mc-cells__more">scaled to zero</span>}
    </div>
  );
}
