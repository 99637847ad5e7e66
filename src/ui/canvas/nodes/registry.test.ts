import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../../engine/kinds';
import { GENERIC_TYPE, NODE_COMPONENTS, nodeTypeFor, nodeTypes } from './index';

describe('node registry', () => {
  it('has one component for each engine kind, and no other', () => {
    expect(Object.keys(NODE_COMPONENTS).sort()).toEqual([...KIND_NAMES].sort());
  });

  it('draws a kind it does not know with the generic component', () => {
    expect(nodeTypeFor('teleporter')).toBe(GENERIC_TYPE);
    expect(nodeTypes[GENERIC_TYPE]).toBeDefined();
    for (const k of KIND_NAMES) expect(nodeTypeFor(k)).toBe(k);
  });
});
