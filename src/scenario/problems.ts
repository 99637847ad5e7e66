import type { z } from 'zod';

/** One thing wrong with a scenario: where (a field path such as nodes[1].serviceTimeMs.mean) and what. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(top level)';
}

/**
 * Turns zod's issues into one line each. A union that failed in every branch reports the
 * branch that got furthest (the deepest path), which is the one the author meant.
 */
export function problemsFromZod(error: z.ZodError): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  for (const issue of error.issues) out.push(best(issue as Issue, []));
  return dedupe(out);
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: Issue[][];
  keys?: string[];
  expected?: string;
  received?: string;
}

function best(issue: Issue, prefix: PropertyKey[]): ScenarioProblem {
  const path = [...prefix, ...issue.path];
  // A union whose branches all failed: if exactly one branch failed only on values (not on
  // unknown keys or the wrong shape), the author meant that branch, so report its issue.
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    const meant = issue.errors.filter((b) => b.length > 0 && b.every((x) => x.code !== 'unrecognized_keys' && !(x.code === 'invalid_type' && x.path.length === 0)));
    if (meant.length === 1) return best(meant[0][0], path);
  }
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0 && !/must be one of|must be/.test(issue.message)) {
    let pick: Issue | undefined;
    let depth = -1;
    for (const branch of issue.errors) {
      for (const sub of branch) {
        const d = sub.path.length + (sub.code === 'invalid_type' ? 0 : 0.5);
        if (d > depth) { depth = d; pick = sub; }
      }
    }
    if (pick) return best(pick, path);
  }
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return { path: formatPath(path), message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  return { path: formatPath(path), message: tidy(issue.message) };
}

function tidy(message: string): string {
  // zod's stock wording for a missing field is "Invalid input: expected number, received undefined".
  const m = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (m) return `is required (${/^[aeiou]/.test(m[1]) ? 'an' : 'a'} ${m[1]})`;
  const option = /^Invalid option: expected one of (.*)$/.exec(message);
  if (option) return `must be one of ${option[1].replace(/\|/g, ', ')}`;
  const bound = /^Too (small|big): expected (?:number|array|string) to (?:be|have) ([<>]=?)(\S+)(.*)$/.exec(message);
  if (bound) return `must be ${bound[2]} ${bound[3]}${bound[4]}`;
  const wrong = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (wrong) return `must be ${/^[aeiou]/.test(wrong[1]) ? 'an' : 'a'} ${wrong[1]}, not ${/^[aeiou]/.test(wrong[2]) ? 'an' : 'a'} ${wrong[2]}`;
  return message.replace(/^Invalid input: /, '');
}

function dedupe(list: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "file.json: nodes[1].serviceTimeMs: must be >= 0" — one line per problem. */
export function formatProblems(source: string, problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${source}: ${p.path}: ${p.message}`).join('\n');
}

/** "nodes[1].serviceTimeMs: must be >= 0": how one problem reads in a notice or an error. */
export const problemLine = (p: ScenarioProblem): string => `${p.path}: ${p.message}`;

/**
 * A path relative to `prefix` ("nodes[2]" → "steps[0].call", "" for the element itself), or
 * undefined when the path is outside it. The empty prefix holds every path.
 */
export function pathUnder(path: string, prefix: string): string | undefined {
  if (prefix === '') return path;
  if (path === prefix) return '';
  if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
  // An index straight after the element ("nodes[2][0]") keeps its bracket.
  if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
  return undefined;
}

/** The problems inside one element of a scenario, with paths relative to it (see pathUnder). */
export function problemsUnder(problems: readonly ScenarioProblem[], prefix: string): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  for (const p of problems) {
    const path = pathUnder(p.path, prefix);
    if (path !== undefined) out.push({ path, message: p.message });
  }
  return out;
}
