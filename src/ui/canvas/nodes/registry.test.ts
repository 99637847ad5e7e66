import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../../engine/kinds';
import { GENERIC_TYPE, nodeTypeFor, nodeTypes } from './index';
import { GENERIC_LOOK, KIND_LOOKS, lookOf } from './kindLooks';

describe('node registry', () => {
  it('has one look for each engine kind, and no other', () => {
    expect(Object.keys(KIND_LOOKS).sort()).toEqual([...KIND_NAMES].sort());
  });

  it('gives every kind its own icon', () => {
    const icons = Object.values(KIND_LOOKS).map((l) => l.icon);
    expect(new Set(icons).size).toBe(icons.length);
    expect(icons).not.toContain(GENERIC_LOOK.icon);
  });

  it('draws a kind it does not know with the generic component', () => {
    expect(nodeTypeFor('teleporter')).toBe(GENERIC_TYPE);
    expect(nodeTypes[GENERIC_TYPE]).toBeDefined();
    expect(lookOf('teleporter')).toBe(GENERIC_LOOK);
    for (const k of KIND_NAMES) expect(nodeTypeFor(k)).toBe(k);
  });
});
