import { edgeKey } from '../../engine/calls/edgeSchema';

const SEPARATOR = edgeKey('', '');

/**
 * The node an edge key points to, read from the key itself: for keys the engine reports,
 * whose edge may since have been edited out of the scenario.
 */
export const edgeTarget = (key: string): string | undefined => key.split(SEPARATOR)[1];
