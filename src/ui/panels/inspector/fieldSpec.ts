/**
 * Reads a zod schema (through zod's JSON Schema output, which carries the `.describe()`
 * texts, bounds and defaults) into the field list the inspector draws. Validation is never
 * done from this: edits are checked by the real zod schema through the scenario parser.
 */
import { z } from 'zod';

type Json = Record<string, unknown>;

export type FieldSpec =
  | { type: 'number'; integer: boolean; min?: number; max?: number; description?: string; optional: boolean; defaultValue?: unknown }
  | { type: 'enum'; options: string[]; description?: string; optional: boolean }
  | { type: 'boolean'; description?: string; optional: boolean }
  | { type: 'string'; description?: string; optional: boolean; multiline: boolean }
  | { type: 'distribution'; description?: string; optional: boolean }
  | { type: 'object'; fields: [string, FieldSpec][]; description?: string; optional: boolean }
  | { type: 'union'; branches: [string, FieldSpec][][]; description?: string; optional: boolean }
  | { type: 'json'; description?: string; optional: boolean };

const cache = new WeakMap<z.ZodType, [string, FieldSpec][]>();

/** Top-level fields of an object schema, in declaration order. */
export function fieldsOf(schema: z.ZodType): [string, FieldSpec][] {
  let f = cache.get(schema);
  if (!f) {
    const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
    f = objectFields(js);
    cache.set(schema, f);
  }
  return f;
}

function objectFields(js: Json): [string, FieldSpec][] {
  const props = (js.properties ?? {}) as Record<string, Json>;
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries(props).map(([k, p]) => [k, specOf(p, !required.has(k))]);
}

const isDistribution = (p: Json) =>
  Array.isArray(p.anyOf) && (p.anyOf as Json[]).some((b) => Array.isArray(b.oneOf) && (b.oneOf as Json[]).some((o) => !!(o.properties as Json | undefined)?.dist));

function specOf(p: Json, optional: boolean): FieldSpec {
  const description = typeof p.description === 'string' ? p.description : undefined;
  if (isDistribution(p)) return { type: 'distribution', description, optional };
  if (Array.isArray(p.enum)) return { type: 'enum', options: p.enum.map(String), description, optional };
  if (p.type === 'number' || p.type === 'integer') {
    const min = typeof p.minimum === 'number' ? p.minimum : typeof p.exclusiveMinimum === 'number' ? p.exclusiveMinimum : undefined;
    const max = typeof p.maximum === 'number' ? p.maximum : undefined;
    return { type: 'number', integer: p.type === 'integer', min, max, description, optional, defaultValue: p.default };
  }
  if (p.type === 'boolean') return { type: 'boolean', description, optional };
  if (p.type === 'string') return { type: 'string', description, optional, multiline: typeof p.maxLength === 'number' && p.maxLength > 200 };
  if (p.type === 'object' && p.properties) return { type: 'object', fields: objectFields(p), description, optional };
  if (Array.isArray(p.anyOf) && (p.anyOf as Json[]).every((b) => b.type === 'object' && b.properties)) {
    return { type: 'union', branches: (p.anyOf as Json[]).map(objectFields), description, optional };
  }
  return { type: 'json', description, optional };
}

/** The branch of a union whose required-looking keys the value has. */
export function matchBranch(branches: [string, FieldSpec][][], value: unknown): [string, FieldSpec][] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return branches.find((b) => b.filter(([, s]) => !s.optional).every(([k]) => k in value));
}

export type Path = (string | number)[];

export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** A copy of obj with the value at path replaced (removed when value is undefined). */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string | number, unknown>;
  const next = setIn(base[head], rest, value);
  if (next === undefined && !Array.isArray(base)) delete base[head];
  else base[head] = next;
  return base as T;
}

export function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string | number, unknown>)[k]), obj);
}
