import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storyOf } from '../../src/scenario/story';

/**
 * Every preset tells its story in the page: what happens and what to watch, then numbered
 * steps a person does there (press, select, tick, drag). Nothing a browser cannot do: no
 * command line, no hand-editing of the JSON file.
 */
const DIR = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe.each(files)('scenarios/%s', (file) => {
  const { description } = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as { description?: string };
  const story = storyOf(description);

  it('says what happens and what to watch, then gives steps in the page', () => {
    expect(story.text.length).toBeGreaterThan(0);
    expect(story.steps.length).toBeGreaterThanOrEqual(2);
    expect(description).toMatch(/\bwatch\b/i);
    expect(story.steps.some((s) => /\bPlay\b/.test(s))).toBe(true);
  });

  it('asks for nothing the page cannot do', () => {
    expect(description).not.toMatch(/npm run|--compare|\.json\b|\bblock\b|\{"|\bcamelCase\b/);
    // Fields are named as the inspector labels them ("circuit breaker"), not by their JSON keys.
    expect(description).not.toMatch(/\b(circuitBreaker|periodMs|failureThreshold|sessionsLost|maxAttempts|timeoutMs)\b/);
  });
});
