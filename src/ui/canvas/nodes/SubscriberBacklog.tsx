import { memo } from 'react';
import { SUBSCRIPTION_DEPTH, SUBSCRIPTION_OLDEST } from '../../../engine/messaging/broker';
import { fmtMs } from '../../common/format';

/** The subscriber ids a topic's live extras name, in the order the engine sent them. */
export function subscribersOf(extra: Record<string, number | string> | undefined): string[] {
  if (!extra) return [];
  return Object.keys(extra).filter((k) => k.startsWith(SUBSCRIPTION_DEPTH)).map((k) => k.slice(SUBSCRIPTION_DEPTH.length));
}

/**
 * A topic copies each message to every subscriber, and each copy waits in that subscriber's
 * own backlog: one row per subscriber, so a slow one stands out from those keeping up.
 */
export const SubscriberBacklog = memo(function SubscriberBacklog({ extra }: { extra: Record<string, number | string> | undefined }) {
  const subs = subscribersOf(extra);
  if (!extra || subs.length === 0) return null;
  return (
    <table className="mc-subs" aria-label="Backlog per subscriber">
      <thead>
        <tr><th scope="col">subscriber</th><th scope="col">waiting</th><th scope="col">oldest</th></tr>
      </thead>
      <tbody>
        {subs.map((id) => {
          const depth = Number(extra[`${SUBSCRIPTION_DEPTH}${id}`] ?? 0);
          const oldest = Number(extra[`${SUBSCRIPTION_OLDEST}${id}`] ?? 0);
          return (
            <tr key={id} title={`${id}: ${depth} waiting, oldest ${fmtMs(oldest)}`}>
              <th scope="row">→ {id}</th>
              <td>{Math.round(depth)}</td>
              <td>{depth > 0 ? fmtMs(oldest) : '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
