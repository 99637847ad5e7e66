/**
 * Multi-document YAML with comments, through the `yaml` package. A resource is built as plain
 * data; its comments are attached by path, before a key (or a list item) or after a value.
 * Documents are written as YAML 1.1 so that words such as "yes" or "on" come out quoted for
 * the YAML 1.1 readers that Kubernetes tools still use.
 */
import { Document, isCollection, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { wrap } from './notes';

export type YamlPath = readonly (string | number)[];

export interface Comment {
  /** Where: [] is the top of the document; otherwise a key of a map or an index of a list. */
  path: YamlPath;
  lines: readonly string[];
  /** 'before' the key or item (default), or 'after' a scalar value on its own line. */
  where?: 'before' | 'after';
}

/** One resource (a YAML document) and the comments beside it. */
export interface Resource {
  value: Record<string, unknown>;
  comments: Comment[];
}

export const resource = (value: Record<string, unknown>, comments: Comment[] = []): Resource => ({ value, comments });

/** Adds a comment to a resource, wrapping each sentence; empty sentences are skipped. */
export function note(r: Resource, path: YamlPath, sentences: readonly string[], where: 'before' | 'after' = 'before'): void {
  const text = sentences.filter((s) => s.trim() !== '');
  if (text.length === 0) return;
  r.comments.push({ path, lines: where === 'after' ? [text.join(' ')] : text.flatMap((s) => wrap(s)), where });
}

const asComment = (lines: readonly string[]): string => lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
const joinComment = (a: string | null | undefined, b: string): string => (a ? `${a}\n${b}` : b);

function attach(doc: Document, c: Comment): void {
  const text = asComment(c.lines);
  if (c.path.length === 0) {
    doc.commentBefore = joinComment(doc.commentBefore, text);
    return;
  }
  const parentPath = c.path.slice(0, -1);
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  const last = c.path[c.path.length - 1];
  let key: Node | null = null;
  let value: unknown = null;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    if (pair) {
      key = pair.key as Node;
      value = pair.value;
    }
  } else if (isSeq(parent) && typeof last === 'number') {
    value = parent.items[last];
    key = (parent.items[last] as Node | undefined) ?? null;
  }
  if (!key) throw new Error(`no YAML node at ${c.path.join('.')}`);
  if (c.where === 'after' && isScalar(value)) value.comment = joinComment(value.comment, text);
  else if (c.where === 'after' && isCollection(value)) value.comment = joinComment(value.comment, text);
  else key.commentBefore = joinComment(key.commentBefore, text);
}

/** Renders resources as one multi-document YAML text, with an optional header comment on top. */
export function renderYaml(resources: readonly Resource[], header: readonly string[] = []): string {
  const top = header.flatMap((s) => wrap(s));
  if (resources.length === 0) return top.length ? `${asComment(top).split('\n').map((l) => `#${l}`).join('\n')}\n` : '';
  return resources.map((r, i) => {
    const doc = new Document(r.value, { version: '1.1' });
    if (i === 0 && top.length) doc.commentBefore = asComment(top);
    for (const c of r.comments) attach(doc, c);
    // Short lists of words (a command, a port) read best on one line.
    visit(doc, {
      Seq(_, seq) {
        if (seq.items.every((x) => isScalar(x) && !x.commentBefore && !x.comment) && seq.items.map((x) => String((x as { value: unknown }).value)).join(', ').length <= 60) seq.flow = true;
      },
    });
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }).join('---\n');
}
