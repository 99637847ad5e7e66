import { describe, expect, it } from 'vitest';
import { storyOf } from './story';

describe('storyOf', () => {
  it('reads paragraphs and numbered steps', () => {
    expect(storyOf('Payments hangs.\nWatch the breaker.\n1. Press Play.\n2) Untick "circuit breaker".\n\n')).toEqual({
      text: ['Payments hangs.', 'Watch the breaker.'],
      steps: ['Press Play.', 'Untick "circuit breaker".'],
    });
  });

  it('takes a description without steps, or none, as it is', () => {
    expect(storyOf('One paragraph. 2. is not a step here.')).toEqual({ text: ['One paragraph. 2. is not a step here.'], steps: [] });
    expect(storyOf(undefined)).toEqual({ text: [], steps: [] });
  });
});
