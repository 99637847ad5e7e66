import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './defaultScenario';
import { autosave, MAX_SHARE_CHARS, restoreAutosave, scenarioFromHash, shareHash, loadPrefs, PREFS_KEY, savePrefs } from './persistence';

describe('share links', () => {
  it('round-trip a scenario', () => {
    const s = { ...defaultScenario(), name: 'Round trip' };
    const r = scenarioFromHash(shareHash(s));
    expect(r?.ok && r.scenario).toEqual(s);
  });

  it('are null when the hash carries no scenario', () => {
    expect(scenarioFromHash('')).toBeNull();
    expect(scenarioFromHash('#about')).toBeNull();
  });

  it('explain a damaged or oversized link', () => {
    const damaged = scenarioFromHash('#s=%%%not-lz');
    expect(damaged?.ok).toBe(false);
    expect(!damaged?.ok && damaged?.problems[0].message).toMatch(/damaged/);
    const huge = scenarioFromHash(`#s=${'A'.repeat(MAX_SHARE_CHARS + 1)}`);
    expect(!huge?.ok && huge?.problems[0].message).toMatch(/too long/);
  });

  it('validate what they carry: data only, checked by the schema', () => {
    const evil = compressToEncodedURIComponent(JSON.stringify({ version: 1, name: '<img src=x onerror=alert(1)>', nodes: [{ id: 'a', kind: 'service', instances: 'many' }] }));
    const r = scenarioFromHash(`#s=${evil}`);
    expect(r?.ok).toBe(false);
    expect(!r?.ok && r?.problems.map((p) => p.path)).toContain('nodes[0].instances');
  });
});

describe('autosave', () => {
  it('restores what it saved', () => {
    const s = { ...defaultScenario(), name: 'Saved' };
    autosave(s);
    const r = restoreAutosave();
    expect(r?.ok && r.scenario.name).toBe('Saved');
  });
});

describe('preferences', () => {
  it('remember folded panels and ignore anything else stored under them', () => {
    savePrefs({ theme: 'dark', collapsed: { palette: true, dashboard: false } });
    expect(loadPrefs()).toEqual({ theme: 'dark', projector: false, collapsed: { palette: true } });
    localStorage.setItem(PREFS_KEY, JSON.stringify({ collapsed: { inspector: 'yes', canvas: true } }));
    expect(loadPrefs().collapsed).toEqual({});
    localStorage.setItem(PREFS_KEY, JSON.stringify({ collapsed: null }));
    expect(loadPrefs().collapsed).toEqual({});
  });
});
