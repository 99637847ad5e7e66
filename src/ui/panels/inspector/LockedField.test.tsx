import { ReactFlowProvider } from '@xyflow/react';
import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeLessonWorker, fixtureLesson } from '../../../../tests/ui/lessonHarness';
import { fakeEngine, resetStore } from '../../../../tests/ui/storeHarness';
import { closeLesson } from '../../../store/lessonActions';
import { GIVEN_REASON } from '../../../store/lessonSelectors';
import { select } from '../../../store/uiActions';
import { openLesson } from '../../lessons/openLesson';
import { Palette } from '../../palette/Palette';
import { Inspector } from './Inspector';

beforeEach(async () => {
  resetStore();
  fakeEngine();
  fakeLessonWorker();
  await act(async () => void (await openLesson(fixtureLesson('circuit-breaker'), { custom: false })));
});

describe('a lesson\'s locks', { timeout: 20_000 }, () => {
  it('shows a locked field read-only with its reason, and leaves the others editable', () => {
    act(() => select({ type: 'node', id: 'payments' }));
    render(<Inspector />);
    const locked = screen.getByText('Payments is a partner\'s system: you cannot make it faster.').closest('.mc-locked') as HTMLElement;
    expect(within(locked).getByRole('group', { name: 'service time (ms)' })).toBeInTheDocument();
    expect(within(locked).getByLabelText('shape')).toBeDisabled();
    expect(within(locked).getByLabelText('median (ms)')).toBeDisabled();
    expect(screen.getByLabelText('instances')).toBeEnabled();
  });

  it('shows the parts the check puts back (a client\'s load) as the lesson\'s', () => {
    act(() => select({ type: 'node', id: 'buyers' }));
    render(<Inspector />);
    const locked = screen.getByText(GIVEN_REASON).closest('.mc-locked') as HTMLElement;
    expect(within(locked).getByRole('group', { name: 'load' })).toBeInTheDocument();
    for (const input of within(locked).getAllByRole('spinbutton')) expect(input).toBeDisabled();
  });

  it('leaves a call\'s resilience settings to the learner', () => {
    act(() => select({ type: 'edge', id: 'checkout->payments' }));
    render(<Inspector />);
    expect(screen.getByRole('checkbox', { name: 'circuit breaker' })).toBeEnabled();
    expect(screen.queryByText(/🔒|partner's system/)).toBeNull();
  });

  it('offers only the lesson\'s kinds in the palette, and every kind again once the lesson is left', () => {
    render(<ReactFlowProvider><Palette /></ReactFlowProvider>);
    const adds = () => screen.getAllByRole('button', { name: /^Add / });
    expect(adds().map((b) => b.getAttribute('aria-label'))).toEqual(['Add Clients', 'Add API gateway', 'Add Service']);
    act(() => closeLesson());
    expect(adds().length).toBeGreaterThan(3);
  });
});
