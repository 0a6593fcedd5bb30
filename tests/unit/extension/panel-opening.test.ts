import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPanel, tabIdFromSearch } from '../../../utils/extension/panel-opening';
import { saveTabAlignment, type TabAlignment } from '../../../utils/extension/tab-alignments';
import { saveSettings } from '../../../utils/settings/store';
import { migrateSettings } from '../../../utils/settings/schema';

const alignment: TabAlignment = {
  url: 'https://example.com/',
  title: 'Example',
  zhScript: 'Hans',
  zh: ['一。'],
  en: ['One.'],
  status: 'ready',
  result: { beads: [[[0], [0]]], scores: [0.9] },
  alignMs: 1,
  updatedAt: 1,
};

describe('opening the side panel', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes the tab named in its address, and nothing else for one', () => {
    expect(tabIdFromSearch('?tabId=12')).toBe(12);
    expect(tabIdFromSearch('')).toBeNull();
    expect(tabIdFromSearch('?tabId=0')).toBeNull();
    expect(tabIdFromSearch('?tabId=1.5')).toBeNull();
  });

  it('has the tab’s alignment and the reader’s theme before it renders', async () => {
    await saveTabAlignment(7, alignment);
    await saveSettings({ ...migrateSettings(undefined), theme: 'dark' });
    const opening = await openPanel('?tabId=7');
    expect(opening.tabId).toBe(7);
    expect(opening.alignment?.latest?.title).toBe('Example');
    expect(opening.settings.theme).toBe('dark');
  });

  it('knows when a tab has nothing kept', async () => {
    const opening = await openPanel('?tabId=9');
    expect(opening.alignment?.latest).toBeNull();
  });
});
