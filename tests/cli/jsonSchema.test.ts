import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/cli/writeJsonSchema';

describe('the committed JSON Schema for editors', () => {
  it('matches the scenario schema (run `npm run schema` after changing a kind)', () => {
    const committed = JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('describes every node kind', () => {
    const text = readFileSync('schema/scenario.schema.json', 'utf8');
    for (const kind of ['client', 'gateway', 'service', 'database', 'registry', 'queue', 'topic', 'saga']) expect(text).toContain(`"const": "${kind}"`);
  });
});
