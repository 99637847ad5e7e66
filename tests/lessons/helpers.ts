import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson } from '../../src/lessons/loadLesson';
import type { Lesson } from '../../src/lessons/types';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = resolve(ROOT, 'tests/lessons/fixtures');

/** A fixture lesson's file as editable data. */
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- lesson data is edited freely into variants */
export function fixtureData(name: string): Record<string, any> {
  return JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8'));
}

/** Parses lesson data as a file named after its id would be. */
export function lessonOf(data: object): Lesson {
  return parseLesson(JSON.stringify(data), `${(data as { id: string }).id}.json`);
}

/** A fixture lesson, parsed (each call a fresh object, so caches do not carry between tests). */
export function fixture(name: string): Lesson {
  return lessonOf(fixtureData(name));
}
