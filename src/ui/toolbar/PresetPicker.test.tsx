import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { MORE, PRESET_GROUPS, START_HERE, groupPresets } from '../persistence/presetGroups';
import { PRESETS } from '../persistence/presets';
import { PresetPicker } from './PresetPicker';

beforeEach(() => {
  resetStore();
  fakeEngine();
});

describe('the preset picker', () => {
  it('groups the presets by idea, with a clearly marked "Start here" first', () => {
    render(<PresetPicker />);
    const picker = screen.getByRole('combobox', { name: 'Open a preset scenario' });
    const groups = within(picker).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('label'))).toEqual([START_HERE, 'Scaling', 'Resilience', 'Messaging and data', 'Migration']);
    const first = within(groups[0]).getAllByRole('option')[0];
    expect(first).toHaveTextContent('★ E-commerce shop: an API gateway in front of microservices (start here)');
    expect(first).toHaveValue('ecommerce');
    // Within a group the order is the teaching order, not the alphabet.
    expect(within(groups[2]).getAllByRole('option').map((o) => o.getAttribute('value')).slice(0, 3)).toEqual(['timeouts', 'retry-storm', 'circuit-breaker']);
  });

  it('places every scenarios/*.json file in exactly one group', () => {
    // PRESETS holds every file of scenarios/ (bundled by a glob).
    const files = PRESETS.map((p) => p.id);
    expect(files.length).toBeGreaterThanOrEqual(20);
    const listed = PRESET_GROUPS.flatMap((g) => g.ids);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...files].sort());
    expect(groupPresets(PRESETS).map((g) => g.title)).not.toContain(MORE);
  });

  it('names each preset in the picker as its file names itself, and every file parses', async () => {
    for (const p of PRESETS) {
      const result = await p.load();
      expect(result.ok, p.id).toBe(true);
      if (result.ok) expect(p.name, p.id).toBe(result.scenario.name);
    }
  });

  it('shows a preset that no group names under "More", last', () => {
    const extra = { ...PRESETS[0], id: 'brand-new' };
    const groups = groupPresets([...PRESETS, extra]);
    expect(groups.at(-1)).toEqual({ title: MORE, presets: [extra] });
  });
});
