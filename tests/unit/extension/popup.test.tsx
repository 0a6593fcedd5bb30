// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup, type PopupProps } from '../../../components/Popup';
import { clearTabAlignment, saveTabAlignment, type TabAlignment } from '../../../utils/extension/tab-alignments';
import { DEFAULT_SETTINGS } from '../../../utils/settings/schema';
import { useLocale } from './locale';

const alignment: TabAlignment = {
  url: 'https://news.example/a',
  title: 'A',
  zhScript: 'Hans',
  zh: ['一。', '二。', '三。'],
  en: ['One.', 'Two.'],
  status: 'ready',
  result: { beads: [[[0], [0]], [[1], [1]], [[2], []]], scores: [0.9, 0.8, 0] },
  alignMs: 12,
  updatedAt: 1,
};

let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const tab = { id: 3, hostname: 'news.example' };
const noop = () => undefined;

function show(props: Partial<PopupProps> = {}) {
  render(
    <Popup tab={tab} settings={DEFAULT_SETTINGS} onToggleSite={noop} onToggleEverywhere={noop} onOpenSidePanel={noop} onOpenOptions={noop} {...props} />,
    container,
  );
}

const count = (name: string) => container.querySelector(`[data-count="${name}"]`)?.textContent;
const status = () => container.querySelector('.found')?.textContent;

describe('Popup', () => {
  it('shows what was found on the tab', async () => {
    await saveTabAlignment(3, alignment);
    show();
    await vi.waitFor(() => expect([count('zh'), count('en'), count('pairs'), count('unmatched')]).toEqual(['3', '2', '2', '1']));
    expect(container.textContent).toContain('12 ms');
  });

  it('follows the tab while it is open: aligning, then the counts, then nothing once cleared', async () => {
    await saveTabAlignment(3, { ...alignment, status: 'aligning', zh: [], en: [], result: { beads: [], scores: [] } });
    show();
    await vi.waitFor(() => expect(status()).toBe('Aligning…'));
    await saveTabAlignment(3, alignment);
    await vi.waitFor(() => expect(count('pairs')).toBe('2'));
    await clearTabAlignment(3);
    await vi.waitFor(() => expect(status()).toBe('No bilingual article found on this page.'));
  });

  it('says how far a long page\'s alignment has got, and, of a page too long to keep, which sentences were aligned', async () => {
    await saveTabAlignment(3, { ...alignment, status: 'aligning', progress: { zh: 2, en: 1 }, result: { beads: [], scores: [] } });
    show();
    await vi.waitFor(() => expect(status()).toBe('Aligning… 2 of 3 Chinese sentences so far'));
    expect(container.querySelector('[data-limited]')).toBeNull();
    const note = 'This page is too long to align whole: only the first 3 of its 30 Chinese sentences and the first 2 of its 20 English sentences were aligned.';
    // Said from the start of a page too long to keep, while its part is aligned, and after.
    await saveTabAlignment(3, { ...alignment, status: 'aligning', progress: { zh: 2, en: 1 }, pageSentences: { zh: 30, en: 20 }, result: { beads: [], scores: [] } });
    await vi.waitFor(() => expect(container.querySelector('[data-limited]')?.textContent).toBe(note));
    expect(container.querySelector('.status:not([data-limited])')?.textContent).toBe('Aligning… 2 of 3 Chinese sentences so far');
    await saveTabAlignment(3, { ...alignment, pageSentences: { zh: 30, en: 20 } });
    await vi.waitFor(() => expect(count('zh')).toBe('3'));
    expect(container.querySelector('[data-limited]')?.textContent).toBe(note);
  });

  it('says why an alignment failed', async () => {
    await saveTabAlignment(3, { ...alignment, status: 'error', error: 'The dictionary could not be loaded (404).' });
    show({ onOpenSidePanel: null });
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toBe('The alignment failed: The dictionary could not be loaded (404).'));
  });

  it('says when the page has no bilingual article', async () => {
    show();
    await vi.waitFor(() => expect(status()).toBe('No bilingual article found on this page.'));
  });

  it('says the site is off rather than showing a result kept from before', async () => {
    await saveTabAlignment(3, alignment);
    show({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] } });
    await vi.waitFor(() => expect(status()).toBe('Off for this site.'));
    expect(count('pairs')).toBeUndefined();
    show({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    await vi.waitFor(() => expect(status()).toBe('Off everywhere.'));
  });

  it('offers no site switch on pages it cannot read', async () => {
    show({ tab: { id: 3, hostname: '' } });
    await vi.waitFor(() => expect(status()).toBe('Parallax cannot read this page.'));
    expect(container.querySelector('input[name="site"]')).toBeNull();
  });

  it('switches the site and everywhere, and opens the side panel and the options', async () => {
    const siteToggles: boolean[] = [];
    const everywhereToggles: boolean[] = [];
    const opened: string[] = [];
    show({
      onToggleSite: (on) => siteToggles.push(on),
      onToggleEverywhere: (on) => everywhereToggles.push(on),
      onOpenSidePanel: () => opened.push('panel'),
      onOpenOptions: () => opened.push('options'),
    });
    await vi.waitFor(() => expect(container.querySelector('input[name="site"]')).not.toBeNull());
    const site = container.querySelector('input[name="site"]') as HTMLInputElement;
    const everywhere = container.querySelector('input[name="everywhere"]') as HTMLInputElement;
    expect([site.checked, everywhere.checked]).toEqual([true, true]);
    site.click();
    everywhere.click();
    (container.querySelector('button[name="side-panel"]') as HTMLButtonElement).click();
    (container.querySelector('button[name="options"]') as HTMLButtonElement).click();
    expect(siteToggles).toEqual([false]);
    expect(everywhereToggles).toEqual([false]);
    expect(opened).toEqual(['panel', 'options']);
  });

  it('names every control, in the browser language', async () => {
    useLocale('zh_CN');
    show();
    await vi.waitFor(() => expect([...container.querySelectorAll('label, button')].map((element) => element.textContent)).toEqual(['在 news.example 上启用', '在所有网站启用', '打开侧边栏', '选项']));
  });
});
