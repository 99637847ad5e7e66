import { Panel } from '@xyflow/react';
import { CellLegend } from './CellLegend';
import { EmptyCanvasHint } from './EmptyCanvasHint';

/** What sits on the canvas to explain it: the legend and the empty-canvas hint. */
export function CanvasGuides() {
  return (
    <>
      <Panel position="top-right" className="mc-guide-panel nowheel"><CellLegend /></Panel>
      <Panel position="top-center" className="mc-guide-panel nowheel"><EmptyCanvasHint /></Panel>
    </>
  );
}
