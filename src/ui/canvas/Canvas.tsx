import '@xyflow/react/dist/style.css';
import { useCallback, useLayoutEffect, useMemo, useState, type DragEvent, type MouseEvent } from 'react';
import {
  Background, Controls, ControlButton, ReactFlow, applyNodeChanges, useReactFlow,
  type Connection, type EdgeChange, type NodeChange,
} from '@xyflow/react';
import { useStore } from '../../store';
import { addNode, connectProblem, moveNodes, removeElements } from '../../store/scenarioActions';
import { selectEdges, selectFitRequest, selectNodes, selectProjector, selectRunning, selectSelection, selectTheme } from '../../store/selectors';
import { useFlowClock } from './useFlowClock';
import { connectOrExplain, requestFit, select, selectedNodeIds } from '../../store/uiActions';
import { FitIcon, LayoutIcon } from '../common/icons';
import { layoutPositions } from './autoLayout';
import { deriveEdges, deriveNodes } from './deriveFlow';
import { edgeTypes } from './edges/FlowEdge';
import { LabelSpotsProvider, useLabelSpots } from './edges/labelSpots';
import { FaultMenu, type MenuTarget } from './FaultMenu';
import { nodeTypes } from './nodes';
import { FIT, useAutoFit, ZOOM_RANGE } from './useAutoFit';
import type { FlowEdge, FlowNode } from './types';
import { useSpotlight } from './useSpotlight';
import { PALETTE_MIME } from '../palette/paletteDrag';
import { CanvasGuides } from '../guide/CanvasGuides';
import { CanvasPictureSource } from './canvasPicture';

const DELETE_KEYS = ['Delete', 'Backspace'];

/** Moves React Flow's select changes into the store's selection: one call, or a set of nodes. */
function applySelect(changes: (NodeChange<FlowNode> | EdgeChange<FlowEdge>)[], type: 'node' | 'edge') {
  if (type === 'node') return applyNodeSelect(changes as NodeChange<FlowNode>[]);
  for (const c of changes) {
    if (c.type !== 'select') continue;
    const cur = useStore.getState().selection;
    if (c.selected) select({ type, id: c.id });
    else if (cur?.type === type && cur.id === c.id) select(null);
  }
}

/** A box selection or a Ctrl-click adds nodes; a plain click leaves one; a call's selection is left alone by node deselects. */
function applyNodeSelect(changes: NodeChange<FlowNode>[]) {
  const picks = changes.filter((c) => c.type === 'select');
  if (picks.length === 0) return;
  const ids = new Set(selectedNodeIds(useStore.getState().selection));
  let changed = false;
  for (const c of picks) {
    if (c.selected === ids.has(c.id)) continue;
    if (c.selected) ids.add(c.id);
    else ids.delete(c.id);
    changed = true;
  }
  if (changed) select({ type: 'nodes', ids: [...ids] });
}

/**
 * How much the canvas lets a person change: everything (the editor), nothing but live faults
 * from the right-click menu (presenter mode), or nothing at all (an embedded view).
 */
export type CanvasMode = 'edit' | 'present' | 'view';

export function Canvas({ mode = 'edit' }: { mode?: CanvasMode }) {
  const editing = mode === 'edit';
  const scNodes = useStore(selectNodes);
  const scEdges = useStore(selectEdges);
  const selection = useStore(selectSelection);
  const theme = useStore(selectTheme);
  const fitRequest = useStore(selectFitRequest);
  const projector = useStore(selectProjector);
  const rf = useReactFlow<FlowNode, FlowEdge>();
  // Nodes are local state because React Flow writes measured sizes and drag positions into
  // them; they are re-derived (during render, not in an effect) when the scenario changes.
  const [nodes, setNodes] = useState<FlowNode[]>(() => deriveNodes(scNodes, [], selection));
  const [source, setSource] = useState({ scNodes, selection });
  if (source.scNodes !== scNodes || source.selection !== selection) {
    setSource({ scNodes, selection });
    setNodes((prev) => deriveNodes(scNodes, prev, selection));
  }
  const edges = useMemo(() => deriveEdges(scEdges, selection), [scEdges, selection]);
  const { box: canvasBox, aspect, onLabelsPlaced, onNodesResized, onMoveStart, onZoomButton, fitButton } = useAutoFit(rf, fitRequest);
  const labels = useLabelSpots(nodes, edges, scEdges, projector, aspect);
  useLayoutEffect(() => onLabelsPlaced(labels.extent), [labels.extent, onLabelsPlaced]);
  const shown = useSpotlight(nodes, edges);
  useFlowClock(canvasBox, useStore(selectRunning));
  const [menu, setMenu] = useState<MenuTarget | null>(null);

  // Selection and which nodes exist live in the store (one source of truth for canvas,
  // inspector and event log): select changes go there and come back through
  // deriveNodes/deriveEdges, a deletion goes there through onDelete (which may refuse it) and
  // comes back as a shorter list; only sizes and drag positions are applied locally. A node
  // removed here alone would linger in the scenario and reappear with the next edit.
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const local = changes.filter((c) => c.type !== 'select' && c.type !== 'remove');
    if (local.length > 0) setNodes((nds) => applyNodeChanges(local, nds));
    applySelect(changes, 'node');
    if (changes.some((c) => c.type === 'dimensions')) onNodesResized();
    const dropped: Record<string, { x: number; y: number }> = {};
    for (const c of changes) if (c.type === 'position' && c.dragging === false && c.position) dropped[c.id] = c.position;
    if (Object.keys(dropped).length > 0) moveNodes(dropped);
  }, [onNodesResized]);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => applySelect(changes, 'edge'), []);

  const onConnect = useCallback((c: Connection) => connectOrExplain(c.source, c.target), []);

  const isValidConnection = useCallback(
    (c: Connection | FlowEdge) => connectProblem(useStore.getState().scenario, c.source, c.target) === null,
    [],
  );

  const onDelete = useCallback(({ nodes: ns, edges: es }: { nodes: FlowNode[]; edges: FlowEdge[] }) => {
    removeElements(ns.map((n) => n.id), es.map((e) => e.id));
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const kind = e.dataTransfer.getData(PALETTE_MIME);
    if (!kind) return;
    e.preventDefault();
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addNode(kind, { x: p.x - 90, y: p.y - 40 });
  }, [rf]);

  const openMenu = useCallback((e: MouseEvent, target: Omit<MenuTarget, 'x' | 'y'>) => {
    e.preventDefault();
    setMenu({ ...target, x: e.clientX, y: e.clientY });
  }, []);
  const onNodeContextMenu = useCallback((e: MouseEvent, n: FlowNode) => openMenu(e, { type: 'node', id: n.id, kind: n.data.kind }), [openMenu]);
  const onEdgeContextMenu = useCallback((e: MouseEvent, ed: FlowEdge) => openMenu(e, { type: 'edge', id: ed.id }), [openMenu]);
  const closeMenu = useCallback(() => setMenu(null), []);

  const tidy = useCallback(async () => {
    moveNodes(await layoutPositions(useStore.getState().scenario));
    requestFit();
  }, []);

  return (
    <div ref={canvasBox} className="mc-canvas" data-mode={mode} onDragOver={editing ? onDragOver : undefined} onDrop={editing ? onDrop : undefined}>
      <LabelSpotsProvider value={labels.spots}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={shown.nodes}
          edges={shown.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onDelete={onDelete}
          onNodeContextMenu={mode !== 'view' ? onNodeContextMenu : undefined}
          onEdgeContextMenu={mode !== 'view' ? onEdgeContextMenu : undefined}
          onPaneClick={closeMenu}
          onMoveStart={onMoveStart}
          deleteKeyCode={editing ? DELETE_KEYS : null}
          nodesDraggable={editing}
          nodesConnectable={editing}
          elementsSelectable={mode !== 'view'}
          colorMode={theme}
          fitView
          fitViewOptions={FIT}
          {...ZOOM_RANGE}
          aria-label="Architecture canvas"
        >
          <Background gap={24} size={1} />
          <CanvasGuides />
          <CanvasPictureSource />
          <Controls showInteractive={false} showFitView={false} position="bottom-left" onZoomIn={onZoomButton} onZoomOut={onZoomButton}>
            <ControlButton onClick={fitButton} title="Fit view" aria-label="Fit view">
              <FitIcon />
            </ControlButton>
            {editing && (
              <ControlButton onClick={() => void tidy()} title="Tidy layout" aria-label="Tidy layout">
                <LayoutIcon />
              </ControlButton>
            )}
          </Controls>
        </ReactFlow>
      </LabelSpotsProvider>
      {menu && <FaultMenu target={menu} onClose={closeMenu} />}
    </div>
  );
}
