import { useStore } from '../../../store';
import { nodeStats } from '../../../store/selectors';
import { troubleOf } from './followNode';
import type { ChartNode } from './useChartNode';

/** Which node the node charts show, and why: chosen by the person, or followed because it is in trouble. */
export function FollowCaption({ node }: { node: NonNullable<ChartNode> }) {
  const stats = useStore(nodeStats(node.id));
  const reason = stats ? troubleOf(stats).reason : undefined;
  return (
    <p className="mc-follow" data-testid="chart-follow" aria-live="off">
      {node.how === 'selected' && <><strong>selected: {node.id}</strong>{reason && <span>{reason}</span>}<span className="mc-follow__why">click the empty canvas to follow the node in most trouble</span></>}
      {node.how === 'following' && <><strong>following {node.id}{reason ? `: ${reason}` : ''}</strong><span className="mc-follow__why">the node in most trouble; select a node to show it instead</span></>}
      {node.how === 'first' && <><strong>showing {node.id}</strong><span className="mc-follow__why">press Play: the charts follow the node in most trouble</span></>}
    </p>
  );
}
