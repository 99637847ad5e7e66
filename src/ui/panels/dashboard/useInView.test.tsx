import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useInView } from './useShownSeries';

/** A stand-in IntersectionObserver: the test says which elements are on screen. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly watched: Element[] = [];
  constructor(private readonly cb: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.watched.push(el);
  }
  disconnect() {
    this.watched.length = 0;
  }
  report(isIntersecting: boolean) {
    this.cb([{ isIntersecting }]);
  }
}

function Probe({ show, seen }: { show: boolean; seen: (v: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  seen(useInView(ref));
  return show ? <div ref={ref} data-testid="group" /> : null;
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => vi.unstubAllGlobals());

describe('useInView', () => {
  it('observes the new element when the one behind the ref is replaced, so it does not stay "out of view"', () => {
    let last = true;
    const seen = (v: boolean) => (last = v);
    const { rerender, getByTestId } = render(<Probe show seen={seen} />);
    const first = getByTestId('group');
    expect(FakeObserver.all.at(-1)!.watched).toEqual([first]);
    // The element goes away (no node to chart): its observer says it is out of view.
    rerender(<Probe show={false} seen={seen} />);
    act(() => FakeObserver.all.at(-1)!.report(false));
    expect(last).toBe(false);
    // A new element comes back and is on screen: it must be the one observed, and count as in view.
    rerender(<Probe show seen={seen} />);
    const second = getByTestId('group');
    const watcher = FakeObserver.all.find((o) => o.watched.includes(second));
    expect(watcher).toBeDefined();
    act(() => watcher!.report(true));
    expect(last).toBe(true);
  });
});
