import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { undo, useStore } from '../../store';
import { defaultScenario } from '../../store/defaultScenario';
import { shareHash } from '../../store/persistence';
import type { ToWorker } from '../../worker/protocol';
import { openLinksPastedLater } from './boot';

let sent: ToWorker[];
let stop: () => void;

beforeEach(() => {
  resetStore();
  sent = fakeEngine();
  history.replaceState(null, '', location.pathname);
  stop = openLinksPastedLater();
});

afterEach(() => stop());

/** What pasting a link into the address bar of the open tab does: only the hash changes. */
function paste(hash: string) {
  location.hash = hash;
}

const name = () => useStore.getState().scenario.name;

describe('a link pasted into the address bar of an open tab', () => {
  it('opens the linked scenario with a fresh run, and Undo brings back the one the person had', async () => {
    const mine = name();
    const linked = { ...defaultScenario(), name: 'Linked from a friend' };
    paste(shareHash(linked));
    await vi.waitFor(() => expect(name()).toBe('Linked from a friend'));
    expect(sent.at(-2)).toMatchObject({ type: 'load', scenario: { name: 'Linked from a friend' } });
    expect(useStore.getState().ui.notice).toMatchObject({ tone: 'info', title: 'Opened the linked scenario "Linked from a friend"' });
    // The address drops the link, as after a first visit, so a reload restores the autosave.
    expect(location.hash).toBe('');
    undo();
    expect(name()).toBe(mine);
  });

  it('refuses a damaged link with the problem named, leaving the scenario as it was', async () => {
    const before = useStore.getState().scenario;
    paste('#s=%%%not-lz');
    await vi.waitFor(() => expect(useStore.getState().ui.notice?.title).toBe('The shared link was not loaded: the current scenario is unchanged'));
    expect(useStore.getState().ui.notice?.lines.join('\n')).toMatch(/damaged/);
    expect(useStore.getState().scenario).toBe(before);
  });

  it('ignores a hash that carries no scenario', async () => {
    const before = useStore.getState().scenario;
    paste('#about');
    await new Promise((r) => setTimeout(r, 20));
    expect(useStore.getState().scenario).toBe(before);
    expect(useStore.getState().ui.notice).toBeNull();
  });
});
