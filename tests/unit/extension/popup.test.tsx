// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/Popup';
import { saveTabAlignment, type TabAlignment } from '../../../utils/extension/tab-alignments';
import { DEFAULT_SETTINGS } from '../../../utils/settings/schema';

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
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const tab = { id: 3, hostname: 'news.example' };

describe('Popup', () => {
  it('shows what was found on the tab', async () => {
    await saveTabAlignment(3, alignment);
    render(<Popup tab={tab} settings={DEFAULT_SETTINGS} onToggleSite={() => undefined} onOpenSidePanel={() => undefined} />, container);
    await settle();
    const count = (name: string) => container.querySelector(`[data-count="${name}"]`)?.textContent;
    expect([count('zh'), count('en'), count('pairs'), count('unmatched')]).toEqual(['3', '2', '2', '1']);
    expect(container.textContent).toContain('12 ms');
  });

  it('says why an alignment failed', async () => {
    await saveTabAlignment(3, { ...alignment, status: 'error', error: 'The dictionary could not be loaded (404).' });
    render(<Popup tab={tab} settings={DEFAULT_SETTINGS} onToggleSite={() => undefined} onOpenSidePanel={null} />, container);
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The dictionary could not be loaded (404).');
  });

  it('says when the page has no bilingual article, and when the site is switched off', async () => {
    render(<Popup tab={tab} settings={DEFAULT_SETTINGS} onToggleSite={() => undefined} onOpenSidePanel={null} />, container);
    await settle();
    expect(container.textContent).toContain('No bilingual article found on this page.');
    render(<Popup tab={tab} settings={{ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] }} onToggleSite={() => undefined} onOpenSidePanel={null} />, container);
    await settle();
    expect(container.textContent).toContain('Parallax is off for this site.');
  });

  it('switches the site off and opens the side panel when asked', async () => {
    const toggles: boolean[] = [];
    let opened = 0;
    render(<Popup tab={tab} settings={DEFAULT_SETTINGS} onToggleSite={(on) => toggles.push(on)} onOpenSidePanel={() => (opened += 1)} />, container);
    await settle();
    const checkbox = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(checkbox.checked).toBe(true);
    checkbox.click();
    (container.querySelector('button.action') as HTMLButtonElement).click();
    expect(toggles).toEqual([false]);
    expect(opened).toBe(1);
  });
});
