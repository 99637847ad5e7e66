import { describe, expect, it } from 'vitest';
import { duration, seconds } from './durations';

describe('duration', () => {
  it('writes whole h, m, s and ms, the form the Gateway API, Compose and Istio all accept', () => {
    expect(duration(2000)).toBe('2s');
    expect(duration(500)).toBe('500ms');
    expect(duration(1500)).toBe('1s500ms');
    expect(duration(90_000)).toBe('1m30s');
    expect(duration(3_600_000 + 1)).toBe('1h1ms');
    for (const ms of [1, 999, 1000, 61_001, 86_400_000]) expect(duration(ms)).toMatch(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/);
  });

  it('rounds to whole milliseconds and never writes zero', () => {
    expect(duration(0.4)).toBe('1ms');
    expect(duration(2.6)).toBe('3ms');
  });
});

describe('seconds', () => {
  it('rounds to whole seconds with a floor', () => {
    expect(seconds(500)).toBe(1);
    expect(seconds(0, 0)).toBe(0);
    expect(seconds(300_000, 0)).toBe(300);
  });
});
