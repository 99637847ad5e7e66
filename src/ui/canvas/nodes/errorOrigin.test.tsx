import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulation } from '../../../engine/simulation';
import { parseScenarioOrThrow } from '../../../scenario/parse';
import { useStore } from '../../../store';
import { mergeSnapshot } from '../../../store/mergeSnapshot';
import { initialRun } from '../../../store/runSlice';
import { resetStore } from '../../../../tests/ui/storeHarness';
import type { FlowNode } from '../types';
import { KindNode } from './KindNode';

/**
 * Payments fails every request from 5 s on; the gateway in front of it only forwards those
 * failures. The canvas must say where the errors start, and what only passes them on.
 */
const scenario = parseScenarioOrThrow({
  version: 1, name: 'errors behind a gateway', seed: 3, durationMs: 60_000,
  nodes: [
    { id: 'shoppers', kind: 'client', load: { rps: 40 } },
    { id: 'gateway', kind: 'gateway', label: 'API gateway' },
    { id: 'payments', kind: 'service', label: 'Payments', instances: 2, concurrency: 4, serviceTimeMs: 20 },
  ],
  edges: [{ from: 'shoppers', to: 'gateway' }, { from: 'gateway', to: 'payments' }],
  faults: [{ kind: 'error', target: 'payments', atMs: 5_000, durationMs: 60_000, rate: 1 }],
});

function liveAt(tMs: number) {
  const sim = createSimulation(scenario);
  sim.snapshot();
  sim.runUntil(tMs);
  useStore.setState({ scenario, run: mergeSnapshot(initialRun(), sim.snapshot(), false, []) });
}

const station = (id: string, kind: string, label: string) =>
  render(<ReactFlowProvider><KindNode {...({ id, data: { kind, label }, selected: false } as unknown as NodeProps<FlowNode>)} /></ReactFlowProvider>).container;

describe('where errors start, and what only passes them on', () => {
  beforeEach(() => resetStore());

  it('the failing service is marked failing; the gateway in front says it passes on errors from it', () => {
    liveAt(20_000);
    const pay = station('payments', 'service', 'Payments');
    expect(within(pay).getByText('failing')).toBeInTheDocument();
    const gw = station('gateway', 'gateway', 'API gateway');
    expect(within(gw).queryByText('failing')).toBeNull();
    expect(within(gw).getByText('passing on errors')).toBeInTheDocument();
    expect(within(gw).getByTitle('errors passed on from: Payments')).toBeInTheDocument();
    expect(within(gw).getByTitle(/^error rate \(passed on\): 100%/)).toBeInTheDocument();
  });

  it('before the fault neither is marked, and no badge names a source of errors', () => {
    liveAt(4_500);
    const gw = station('gateway', 'gateway', 'API gateway');
    expect(within(gw).queryByText('passing on errors')).toBeNull();
    expect(within(gw).queryByTitle(/passed on from/)).toBeNull();
  });

  it('a client whose every request fails says so instead of a quick p99', () => {
    liveAt(20_000);
    const props = { id: 'shoppers', data: { kind: 'client', label: 'shoppers' }, selected: false } as unknown as NodeProps<FlowNode>;
    render(<ReactFlowProvider><KindNode {...props} /></ReactFlowProvider>);
    expect(screen.getByTitle('p99 latency: no successful requests in the last simulated second: all failed')).toHaveTextContent('all failed');
  });
});
