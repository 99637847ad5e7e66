import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Whether a row's content is wider than the row (its items do not shrink below their content). */
const overflows = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 0.5;

/**
 * How many groups of a one-line toolbar must fold away (into a More menu) for the rest to fit
 * without overlapping: 0 when everything fits, up to `levels`; `levels + 1` means even the
 * fully folded row does not fit and must wrap onto a second line.
 *
 * It starts from nothing folded and folds one more group after each render that still
 * overflows; layout effects run before the browser paints, so the steps never show. The count
 * starts again when the row's width changes (a resized window) or `resetKey` does (larger
 * type), and grows when an item widens (the clock passing ten minutes).
 */
export function useFoldLevel(ref: RefObject<HTMLElement | null>, levels: number, resetKey: unknown): number {
  const [state, setState] = useState({ level: 0, key: resetKey });
  if (state.key !== resetKey) setState({ level: 0, key: resetKey });

  useLayoutEffect(() => {
    const el = ref.current;
    // Guarded like the resize notice below: when both see the same overflow, one group folds.
    const seen = state.level;
    if (el && seen <= levels && overflows(el)) setState((s) => (s.level !== seen ? s : { ...s, level: Math.min(s.level + 1, levels + 1) }));
  }, [ref, levels, state]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    // Synchronously, so the refitted toolbar is what the next frame shows, and so a second
    // notification before React renders cannot fold a group that did fit.
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== width) {
        width = el.clientWidth;
        flushSync(() => setState((s) => ({ ...s, level: 0 })));
      } else if (overflows(el)) {
        const seen = state.level;
        flushSync(() => setState((s) => (s.level !== seen || s.level > levels ? s : { ...s, level: s.level + 1 })));
      }
    });
    ro.observe(el);
    for (const child of el.children) ro.observe(child);
    return () => ro.disconnect();
  }, [ref, levels, state.level]);

  return state.level;
}
