import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { scenarioSchema } from '../engine/model';

/** npm run schema: writes the scenario's JSON Schema for editors (committed, checked by a test). */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}

const out = process.argv[2] ?? 'schema/scenario.schema.json';
if (process.argv[1]?.endsWith('writeJsonSchema.ts')) {
  writeFileSync(out, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  console.log(`wrote ${out}`);
}
