import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fmtWindowMs } from '../../common/format';
import { Badges } from './Badges';

describe('live badges', () => {
  it('show p99 next to the rate, error and utilization, each with its unit', () => {
    render(<Badges rps={42} p99Ms={187.4} errorRate={0.002} utilization={0.5} queue={3} />);
    expect(screen.getByTitle('p99 latency: 187 ms')).toHaveTextContent('p99187 ms');
    expect(screen.getByTitle('requests per second: 42.0')).toBeInTheDocument();
    expect(screen.getByTitle('queue length: 3')).toBeInTheDocument();
  });

  it('show "–" for p99 when no call was answered in the last simulated second', () => {
    render(<Badges rps={0} p99Ms={0} errorRate={0} />);
    expect(screen.getByTitle('p99 latency: –')).toBeInTheDocument();
  });

  it('format a window latency: "–" for none, else the latency', () => {
    expect(fmtWindowMs(0)).toBe('–');
    expect(fmtWindowMs(undefined)).toBe('–');
    expect(fmtWindowMs(0.4)).toBe('0.4 ms');
    expect(fmtWindowMs(1500)).toBe('1.50 s');
  });
});
