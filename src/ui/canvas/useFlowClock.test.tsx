import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLOW_TICK_MS, useFlowClock } from './useFlowClock';

function Edges({ running }: { running: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useFlowClock(box, running);
  return <div ref={box}><div className="react-flow__edges" data-testid="edges" /></div>;
}

const clock = (el: HTMLElement) => Number(el.style.getPropertyValue('--flow-t') || 0);

describe('the moving dashes on the edges', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('move while the run plays, stand still while it is paused, and go on from where they stopped', () => {
    const { getByTestId, rerender } = render(<Edges running />);
    const edges = getByTestId('edges');
    act(() => void vi.advanceTimersByTime(1000));
    const afterPlay = clock(edges);
    expect(afterPlay).toBeCloseTo(1, 1);
    rerender(<Edges running={false} />);
    act(() => void vi.advanceTimersByTime(5000));
    expect(clock(edges)).toBe(afterPlay);
    rerender(<Edges running />);
    act(() => void vi.advanceTimersByTime(500 + FLOW_TICK_MS));
    expect(clock(edges)).toBeCloseTo(afterPlay + 0.55, 1);
  });
});
