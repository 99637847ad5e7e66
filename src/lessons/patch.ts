// The default export: the package is CommonJS for Node (no named exports there) and ESM for bundlers; both have it.
import jsonpatch, { type Operation } from 'fast-json-patch';
import { clone } from './clone';
import type { ScenarioInput } from '../engine/model';

export type { Operation };

/** A patch that does not apply: which operation and why, in words. */
export class PatchFailure extends Error {
  readonly index: number;
  constructor(index: number, message: string) {
    super(message);
    this.name = 'PatchFailure';
    this.index = index;
  }
}

const REASONS: Record<string, string> = {
  OPERATION_PATH_UNRESOLVABLE: 'the path does not exist in the scenario',
  OPERATION_FROM_UNRESOLVABLE: 'the "from" path does not exist in the scenario',
  OPERATION_PATH_CANNOT_ADD: 'the parent of the path does not exist in the scenario',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'an array index must be a number or "-"',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the array index is past the end of the array',
  TEST_OPERATION_FAILED: 'the test operation found a different value',
  OPERATION_PATH_INVALID: 'the path must be a JSON pointer such as /nodes/1/instances',
  OPERATION_VALUE_REQUIRED: 'the operation needs a value',
  OPERATION_FROM_REQUIRED: 'the operation needs "from"',
  OPERATION_OP_INVALID: 'op must be one of add, remove, replace, move, copy, test',
};

/**
 * Applies RFC 6902 operations to a scenario and returns the result; the input is never
 * changed. Throws PatchFailure naming the operation that did not apply.
 */
export function applyPatch(scenario: ScenarioInput, ops: readonly Operation[]): ScenarioInput {
  // Copies of both: the result shares nothing with the scenario or with the patch's values.
  let doc = clone(scenario);
  clone(ops).forEach((op, k) => {
    try {
      doc = jsonpatch.applyOperation(doc, op, true, true, true, k).newDocument;
    } catch (e) {
      if (e instanceof jsonpatch.JsonPatchError) throw new PatchFailure(k, `${op.op} ${op.path}: ${REASONS[e.name] ?? e.message.split('\n')[0]}`);
      throw e;
    }
  });
  return doc;
}

/** The operations that turn `from` into `to` (for recording a teacher's solution). */
export function diffScenarios(from: ScenarioInput, to: ScenarioInput): Operation[] {
  return jsonpatch.compare(from, to);
}
