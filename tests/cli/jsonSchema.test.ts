import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../src/engine/kinds';
import { courseJsonSchema, lessonJsonSchema, scenarioJsonSchema } from '../../src/cli/writeJsonSchema';

describe('the committed JSON Schemas for editors', () => {
  it('matches the scenario schema (run `npm run schema` after changing a kind)', () => {
    const committed = JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('describes every node kind', () => {
    const text = readFileSync('schema/scenario.schema.json', 'utf8');
    for (const kind of KIND_NAMES) expect(text).toContain(`"const": "${kind}"`);
  });

  it('matches the lesson schema (run `npm run schema` after changing src/lessons/schema.ts or a kind)', () => {
    const committed = JSON.parse(readFileSync('schema/lesson.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(lessonJsonSchema())));
  });

  it('matches the course schema', () => {
    const committed = JSON.parse(readFileSync('schema/course.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(courseJsonSchema())));
  });

  it('gives lesson authors every check form and the scenario inline', () => {
    const text = readFileSync('schema/lesson.schema.json', 'utf8');
    for (const key of ['"metric"', '"series"', '"events"', '"topology"', '"all"', '"any"', '"not"', '"noSharedDatabase"', '"edgeHas"']) expect(text).toContain(key);
    expect(text).toContain('"const": "service"');
  });
});
