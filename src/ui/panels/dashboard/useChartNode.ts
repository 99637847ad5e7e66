import { useEffect, useRef, useState } from 'react';
import { edgeKey } from '../../../engine/calls/edgeSchema';
import { kindCan } from '../../../engine/kinds';
import { useStore } from '../../../store';
import type { AppState } from '../../../store/types';
import { pickFollowed } from './followNode';

export type ChartNode = { id: string; how: 'selected' | 'following' | 'first' } | null;

/** The node the person pointed at: a selected node (not a client), or the callee of a selected call. */
const selectPointed = (s: AppState): string | null => {
  const sel = s.selection;
  const id = sel?.type === 'node' ? sel.id : sel?.type === 'nodes' ? sel.ids[0] : sel?.type === 'edge' ? s.scenario.edges.find((e) => edgeKey(e.from, e.to) === sel.id)?.to : undefined;
  return id !== undefined && s.scenario.nodes.some((n) => n.id === id && !kindCan(n.kind, 'source')) ? id : null;
};

const selectFirst = (s: AppState): string | null => s.scenario.nodes.find((n) => !kindCan(n.kind, 'source'))?.id ?? null;

/**
 * The node the node charts show: the selected one; else the one in most trouble, followed
 * from snapshot to snapshot (the charts re-render only when it changes, not ten times a second);
 * else, before the first numbers, the first node that serves requests.
 */
export function useChartNode(): ChartNode {
  const pointed = useStore(selectPointed);
  const first = useStore(selectFirst);
  const [followed, setFollowed] = useState<string | null>(() => pickFollowed(useStore.getState().run.nodes, null));
  const current = useRef(followed);
  useEffect(() => useStore.subscribe((s, prev) => {
    if (s.run.nodes === prev.run.nodes) return;
    const next = pickFollowed(s.run.nodes, current.current);
    if (next !== current.current) {
      current.current = next;
      setFollowed(next);
    }
  }), []);
  if (pointed) return { id: pointed, how: 'selected' };
  if (followed && useStore.getState().scenario.nodes.some((n) => n.id === followed)) return { id: followed, how: 'following' };
  return first ? { id: first, how: 'first' } : null;
}
