import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isSiteEnabled, migrateSettings, siteHostname, withSiteEnabled, type Migration } from '../../../utils/settings/schema';
import { loadSettings, saveSettings, toggleSiteOf, updateSettings } from '../../../utils/settings/store';

describe('settings schema', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid stored values and replaces only the malformed ones', () => {
    const stored = {
      version: 2,
      enabled: false,
      disabledSites: ['a.com', 7, '', 'a.com'],
      highlightCounterpart: 'yes',
      theme: 'dark',
      displayScript: 'Hant-CN',
      hoverDelayMs: '300',
      trigger: 'modifier',
      modifierKey: 'Hyper',
    };
    expect(migrateSettings(stored)).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      disabledSites: ['a.com'],
      theme: 'dark',
      trigger: 'modifier',
    });
  });

  it('brings the hover delay into range instead of dropping it', () => {
    expect(migrateSettings({ version: 2, hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
    expect(migrateSettings({ version: 2, hoverDelayMs: 99_999 }).hoverDelayMs).toBe(2000);
    expect(migrateSettings({ version: 2, hoverDelayMs: 212.4 }).hoverDelayMs).toBe(212);
    expect(migrateSettings({ version: 2, hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('brings version 1 settings to version 2, keeping every value and adding the new fields with their defaults', () => {
    const v1 = { version: 1, enabled: false, disabledSites: ['a.com'], highlightCounterpart: false, theme: 'light' };
    expect(migrateSettings(v1)).toEqual({
      version: 2,
      enabled: false,
      disabledSites: ['a.com'],
      highlightCounterpart: false,
      theme: 'light',
      displayScript: 'page',
      hoverDelayMs: 150,
      trigger: 'hover',
      modifierKey: 'Shift',
    });
    // Version 1 wrote no version number when it wrote nothing else valid either.
    expect(migrateSettings({ enabled: false })).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
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
    const newer = migrateSettings({ version: 99, enabled: false, displayScript: 'Hans', trigger: 'gaze', futureField: 1 });
    expect(newer).toEqual({ ...DEFAULT_SETTINGS, enabled: false, displayScript: 'Hans' });
  });

  it('is off for a disabled site and everywhere when switched off', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    expect(isSiteEnabled(settings, 'news.example')).toBe(false);
    expect(isSiteEnabled(settings, 'other.example')).toBe(true);
    expect(isSiteEnabled({ ...settings, enabled: false }, 'other.example')).toBe(false);
  });
});

describe('sites typed by the reader', () => {
  it('reads a host name from a host or a web address', () => {
    expect(siteHostname(' News.Example.com ')).toBe('news.example.com');
    expect(siteHostname('https://www.ft.com/content/1?x=2')).toBe('www.ft.com');
    expect(siteHostname('localhost:8080')).toBe('localhost');
  });

  it('reads nothing from text that is no site', () => {
    expect(siteHostname('')).toBeNull();
    expect(siteHostname('two words')).toBeNull();
    expect(siteHostname('http://')).toBeNull();
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

  it('stores a value out of range as validation leaves it', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 5000 });
    expect((await loadSettings()).hoverDelayMs).toBe(2000);
  });
});

describe('withSiteEnabled', () => {
  it('switches one site off and on again, once, leaving the others', () => {
    const off = withSiteEnabled(withSiteEnabled({ ...DEFAULT_SETTINGS, disabledSites: ['a.example'] }, 'b.example', false), 'b.example', false);
    expect(off.disabledSites).toEqual(['a.example', 'b.example']);
    expect(withSiteEnabled(off, 'b.example', true).disabledSites).toEqual(['a.example']);
  });
});

describe('the shortcut that turns Parallax on or off for a site', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns the tab’s site off, then on again, and leaves other sites alone', async () => {
    await updateSettings((s) => ({ ...s, disabledSites: ['other.org'] }));
    await toggleSiteOf({ url: 'https://news.example.com/story?id=1' });
    let settings = await loadSettings();
    expect(isSiteEnabled(settings, 'news.example.com')).toBe(false);
    expect(settings.disabledSites).toContain('other.org');
    await toggleSiteOf({ url: 'https://news.example.com/another' });
    settings = await loadSettings();
    expect(isSiteEnabled(settings, 'news.example.com')).toBe(true);
    expect(settings.disabledSites).toEqual(['other.org']);
  });

  it('changes nothing for a tab without a web address', async () => {
    const before = await loadSettings();
    await toggleSiteOf({ url: 'about:blank' });
    await toggleSiteOf({});
    await toggleSiteOf(undefined);
    expect(await loadSettings()).toEqual(before);
  });
});
