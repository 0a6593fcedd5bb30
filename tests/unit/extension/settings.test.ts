import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isSiteEnabled, migrateSettings, SETTINGS_VERSION, type Migration } from '../../../utils/settings/schema';
import { loadSettings, saveSettings, updateSettings } from '../../../utils/settings/store';

describe('settings schema', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid stored values and replaces only the malformed ones', () => {
    const stored = { version: 1, enabled: false, disabledSites: ['a.com', 7, '', 'a.com'], highlightCounterpart: 'yes', theme: 'dark' };
    expect(migrateSettings(stored)).toEqual({
      version: SETTINGS_VERSION,
      enabled: false,
      disabledSites: ['a.com'],
      highlightCounterpart: DEFAULT_SETTINGS.highlightCounterpart,
      theme: 'dark',
    });
  });

  it('runs every migration step in order, from the stored version to the current one', () => {
    // A schema history of three versions: v1 kept sites as a comma string, v2 renamed a field, v3 is current.
    const migrations: Record<number, Migration> = {
      1: (s) => ({ ...s, disabledSites: String(s.disabledSites ?? '').split(',').filter(Boolean) }),
      2: ({ highlight, ...rest }) => ({ ...rest, highlightCounterpart: highlight }),
    };
    const v1 = { version: 1, enabled: true, disabledSites: 'a.com,b.org', highlight: false };
    expect(migrateSettings(v1, migrations, 3)).toMatchObject({ disabledSites: ['a.com', 'b.org'], highlightCounterpart: false });
    const v2 = { version: 2, enabled: true, disabledSites: ['c.net'], highlight: false };
    expect(migrateSettings(v2, migrations, 3)).toMatchObject({ disabledSites: ['c.net'], highlightCounterpart: false });
  });

  it('fails loudly when a migration step is missing', () => {
    expect(() => migrateSettings({ version: 1 }, {}, 2)).toThrow(/No settings migration from version 1/);
  });

  it('keeps what it understands of settings written by a newer release', () => {
    expect(migrateSettings({ version: 99, enabled: false, futureField: 1 })).toMatchObject({ enabled: false, version: SETTINGS_VERSION });
  });

  it('is off for a disabled site and everywhere when switched off', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    expect(isSiteEnabled(settings, 'news.example')).toBe(false);
    expect(isSiteEnabled(settings, 'other.example')).toBe(true);
    expect(isSiteEnabled({ ...settings, enabled: false }, 'other.example')).toBe(false);
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips through extension storage', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect((await loadSettings()).theme).toBe('light');
    await updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'x.org'] }));
    expect(await loadSettings()).toMatchObject({ theme: 'light', disabledSites: ['x.org'] });
  });
});
