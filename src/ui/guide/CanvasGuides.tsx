import { Panel } from '@xyflow/react';
import { CellLegend } from './CellLegend';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { StoryPanel } from './StoryPanel';

/** What sits on the canvas to explain it: the scenario's story, the legend, the empty-canvas hint. */
export function CanvasGuides() {
  return (
    <>
      <Panel position="top-left" className="mc-guide-panel nowheel"><StoryPanel /></Panel>
      <Panel position="top-right" className="mc-guide-panel nowheel"><CellLegend /></Panel>
      <Panel position="top-center" className="mc-guide-panel nowheel"><EmptyCanvasHint /></Panel>
    </>
  );
}
