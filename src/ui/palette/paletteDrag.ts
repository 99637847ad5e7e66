/** The drag payload type for a node kind dragged from the palette onto the canvas. */
export const PALETTE_MIME = 'application/x-microcosm-kind';
