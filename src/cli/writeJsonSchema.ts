import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { scenarioSchema } from '../engine/model';
import { courseSchema, lessonSchemaForEditors } from '../lessons/schema';

/** npm run schema: writes the JSON Schemas for editors (committed, checked by a test). */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}

/** The lesson file's JSON Schema, with the scenario's inline. */
export function lessonJsonSchema(): object {
  return z.toJSONSchema(lessonSchemaForEditors, { io: 'input', unrepresentable: 'any' });
}

/** lessons/course.json's JSON Schema. */
export function courseJsonSchema(): object {
  return z.toJSONSchema(courseSchema, { io: 'input', unrepresentable: 'any' });
}

if (process.argv[1]?.endsWith('writeJsonSchema.ts')) {
  const outputs: [string, object][] = [
    [process.argv[2] ?? 'schema/scenario.schema.json', scenarioJsonSchema()],
    [process.argv[3] ?? 'schema/lesson.schema.json', lessonJsonSchema()],
    [process.argv[4] ?? 'schema/course.schema.json', courseJsonSchema()],
  ];
  for (const [out, schema] of outputs) {
    writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
    console.log(`wrote ${out}`);
  }
}
