import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { scenarioFromHash } from '../../store/persistence';
import { ShareDialog } from './ShareDialog';
import { openShare, useShareDialog } from './shareDialogState';

beforeEach(() => {
  resetStore();
  fakeEngine();
  act(() => openShare(true));
});

describe('the Share dialog', () => {
  it('offers the link, and an embed link and iframe snippet that follow the options picked', async () => {
    render(<ShareDialog />);
    const link = (screen.getByLabelText('Link') as HTMLInputElement).value;
    const shared = scenarioFromHash(new URL(link).hash);
    expect(shared?.ok && shared.scenario.name).toBe('E-commerce shop');
    expect(screen.getByRole('status')).toHaveTextContent('The link is on the clipboard.');
    await userEvent.click(screen.getByLabelText('cost'));
    await userEvent.click(screen.getByLabelText('errors'));
    await userEvent.click(screen.getByLabelText('start playing when shown'));
    const embed = (screen.getByLabelText('Embed link') as HTMLInputElement).value;
    expect(new URL(embed).pathname).toBe('/embed.html');
    expect(new URL(embed).search).toBe('?panels=clients,errors,cost&autoplay=1');
    expect(new URL(embed).hash).toBe(new URL(link).hash);
    expect((screen.getByLabelText('iframe snippet') as HTMLTextAreaElement).value).toMatch(/^<iframe src="[^"]*embed\.html\?panels=clients,errors,cost&amp;autoplay=1#s=/);
    await userEvent.keyboard('{Escape}');
    expect(useShareDialog.getState().open).toBe(false);
  });
});
