/**
 * Names for the deployed world. A scenario id may hold capitals, dots, colons and
 * underscores; a Compose service, a DNS host and a Kubernetes object need a lowercase DNS
 * label (RFC 1035: letters, digits and '-', starting with a letter, at most 63 characters).
 */

const MAX_LABEL = 63;

/** A DNS-1035 label for `raw` (not yet unique). */
export function dnsLabel(raw: string, fallback = 'node'): string {
  let s = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (s === '') s = fallback;
  if (!/^[a-z]/.test(s)) s = `${fallback}-${s}`;
  return trimLabel(s);
}

function trimLabel(s: string): string {
  return s.length <= MAX_LABEL ? s : s.slice(0, MAX_LABEL).replace(/-+$/, '');
}

/**
 * Unique labels for ids, in the given order: the first id to want a label gets it, later
 * ones get "-2", "-3"... so the same scenario always gets the same names.
 */
export function uniqueLabels(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    const base = dnsLabel(id);
    let name = base;
    for (let k = 2; taken.has(name); k++) {
      const suffix = `-${k}`;
      name = `${trimLabel(base.slice(0, MAX_LABEL - suffix.length))}${suffix}`;
    }
    taken.add(name);
    out.set(id, name);
  }
  return out;
}

/** An environment variable name from a label: "catalog-db" → "CATALOG_DB". */
export const envName = (label: string): string => label.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
