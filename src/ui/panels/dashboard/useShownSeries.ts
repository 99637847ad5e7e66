import { useEffect, useMemo, useState, type RefObject } from 'react';
import { useStore } from '../../../store';
import { selectSeries } from '../../../store/selectors';
import { SERIES_WINDOW_MS, type SeriesWindow } from '../../../worker/protocol';

/** The x axis starts at this width and grows with the clock until it is the full window. */
const MIN_WINDOW_S = 30;

/**
 * The x window of a chart, in simulated seconds. It ends at the newest series point, not at
 * the live clock: a chart changes when a series update arrives (once a wall second), not at
 * each 10 Hz snapshot, which matters at "as fast as possible" where the clock races.
 */
export function windowDomain(w: SeriesWindow): [number, number] {
  const t = w.tMs;
  const end = Math.max(MIN_WINDOW_S, t.length > 0 ? Math.ceil(t[t.length - 1] / 1000) + 1 : 0);
  return [Math.max(0, end - SERIES_WINDOW_MS / 1000), end];
}

/** Whether the element is on screen (inside its scrolling panel); true where that cannot be known. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setInView(entries[entries.length - 1].isIntersecting));
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return inView;
}

/**
 * The series window a dashboard chart draws, with its x domain. A chart scrolled out of the
 * dashboard's view keeps the window it last drew and skips the once-a-second redraw (recharts
 * takes 10-20 ms a chart, which is what makes a frame late); it catches up as soon as it is
 * scrolled back into view.
 */
export function useShownSeries(ref: RefObject<Element | null>): { w: SeriesWindow; domain: [number, number] } {
  const inView = useInView(ref);
  const select = useMemo(() => {
    if (inView) return selectSeries;
    const kept = selectSeries(useStore.getState());
    return () => kept;
  }, [inView]);
  const w = useStore(select);
  const domain = useMemo(() => windowDomain(w), [w]);
  return { w, domain };
}
