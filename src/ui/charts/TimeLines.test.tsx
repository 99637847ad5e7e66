import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TimeLines, valueTicks, type TimeRow } from './TimeLines';

const rows: TimeRow[] = [0, 1, 2, 3].map((t) => ({ t, 'A · web': 10 + t, 'B · web': t === 2 ? undefined : 40 + t, band: [5 + t, 15 + t] as [number, number] }));
const lines = [
  { key: 'A · web', color: 'red', endLabel: 'A', band: 'band' },
  { key: 'B · web', color: 'red', endLabel: 'B', dash: '7 4' },
];

describe('TimeLines', () => {
  it('puts the top tick at a round value above the largest point', () => {
    expect(valueTicks(43)).toEqual([0, 25, 50]);
    expect(valueTicks(180)).toEqual([0, 100, 200]);
    expect(valueTicks(0.8)).toEqual([0, 0.5, 1]);
    expect(valueTicks(0)).toEqual([0, 1, 2]);
  });

  it('draws each line through its points, dashed where asked, breaks it at a gap, and names it in the legend and at its end', () => {
    const { container } = render(<TimeLines rows={rows} lines={lines} domain={[0, 3]} height={120} />);
    const paths = [...container.querySelectorAll('.mc-lines__line')];
    expect(paths.map((p) => p.getAttribute('data-name'))).toEqual(['A · web', 'B · web']);
    expect(paths[0].getAttribute('stroke-dasharray')).toBeNull();
    expect(paths[1].getAttribute('stroke-dasharray')).toBe('7 4');
    expect(paths[0].getAttribute('d')!.match(/[ML]/g)).toEqual(['M', 'L', 'L', 'L']);
    // B has no point at t = 2: the pen lifts there.
    expect(paths[1].getAttribute('d')!.match(/[ML]/g)).toEqual(['M', 'L', 'M']);
    expect([...container.querySelectorAll('.mc-lines__end')].map((e) => e.textContent)).toEqual(['A', 'B']);
    expect([...container.querySelectorAll('.mc-lines__name')].map((e) => e.textContent)).toEqual(['A · web', 'B · web']);
    expect(container.querySelector('.mc-lines__bands path')!.getAttribute('d')).toMatch(/^M.*Z$/);
    // The y axis reaches past B's largest value (43) to a round 50.
    expect([...container.querySelectorAll('.mc-lines__axis text')].map((e) => e.textContent)).toContain('50');
  });

  it('reads out the values under the pointer', () => {
    const { container } = render(<TimeLines rows={rows} lines={lines} domain={[0, 3]} height={120} unit="ms" />);
    const svg = container.querySelector('svg')!;
    fireEvent.pointerMove(svg, { clientX: 10_000 });
    const readout = container.querySelector('.mc-lines__readout')!;
    expect(readout.textContent).toContain('t = 0:03');
    expect(readout.textContent).toContain('A · web: 13');
    expect(readout.textContent).toContain('B · web: 43');
    fireEvent.pointerLeave(svg);
    expect(container.querySelector('.mc-lines__readout')).toBeNull();
  });
});
