import { useEffect, useRef, type RefObject } from 'react';

/** How often the moving dashes step: smooth enough to read as flow, a third of the paints of 60 Hz. */
export const FLOW_TICK_MS = 50;

/**
 * Drives the moving dashes on the canvas's edges (the `.mc-edge-flow` paths): a clock in
 * seconds, written as the `--flow-t` custom property on the edges' layer, which each path
 * turns into its dash offset at its own speed (app.css). A CSS animation would do the same
 * but makes the page restyle and repaint every edge at every frame, which on a 30-node canvas
 * is a third of the main thread's work; stepping at 20 Hz costs a third of that. The clock
 * stands still while the run is paused, so the dashes do too, and for people who ask the
 * system for reduced motion.
 */
export function useFlowClock(box: RefObject<HTMLElement | null>, running: boolean): void {
  /** Seconds the dashes have moved, over every stretch the run played. */
  const clock = useRef(0);
  useEffect(() => {
    if (!running || typeof window === 'undefined') return;
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
    const from = clock.current - performance.now() / 1000;
    const tick = () => {
      clock.current = from + performance.now() / 1000;
      const edges = box.current?.querySelector<HTMLElement>('.react-flow__edges');
      edges?.style.setProperty('--flow-t', clock.current.toFixed(3));
    };
    tick();
    const id = setInterval(tick, FLOW_TICK_MS);
    return () => clearInterval(id);
  }, [box, running]);
}
