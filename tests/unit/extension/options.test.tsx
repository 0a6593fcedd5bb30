// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options, type OptionsProps } from '../../../components/Options';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/schema';
import { loadSettings, updateSettings } from '../../../utils/settings/store';
import { useLocale } from './locale';

let container: HTMLElement;
let changes: Array<Parameters<OptionsProps['onChange']>[0]>;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  changes = [];
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function show(settings: Settings = DEFAULT_SETTINGS) {
  render(<Options settings={settings} onChange={(change) => changes.push(change)} />, container);
}

const field = <T extends Element>(selector: string) => container.querySelector(selector) as T;

/** Preact applies state set in an event handler on its next render. */
const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));

function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function type(input: HTMLInputElement, value: string, event: 'input' | 'change') {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

/** The label text of a control, whether it wraps the control or points at it. */
function labelOf(control: Element): string {
  const label = control.closest('label') ?? container.querySelector(`label[for="${control.id}"]`);
  return label?.textContent?.trim() ?? '';
}

describe('Options', () => {
  it('shows every setting with a label and help text', () => {
    show();
    for (const control of container.querySelectorAll('input, select')) {
      expect(labelOf(control), control.outerHTML).not.toBe('');
    }
    for (const described of container.querySelectorAll('[aria-describedby]')) {
      expect(container.querySelector(`#${described.getAttribute('aria-describedby')}`)?.textContent).not.toBe('');
    }
    expect(field<HTMLSelectElement>('select[name="displayScript"]').value).toBe('page');
    expect(field<HTMLInputElement>('input[name="hoverDelayMs"]').value).toBe('150');
    expect(field<HTMLInputElement>('input[name="theme"][value="auto"]').checked).toBe(true);
    expect(labelOf(field('input[name="theme"][value="auto"]'))).toBe('System');
  });

  it('reports each change as the fields it sets', () => {
    show();
    field<HTMLInputElement>('input[name="enabled"]').click();
    choose(field('select[name="displayScript"]'), 'Hant-TW');
    field<HTMLInputElement>('input[name="highlightCounterpart"]').click();
    type(field('input[name="hoverDelayMs"]'), '400', 'change');
    field<HTMLInputElement>('input[name="trigger"][value="modifier"]').click();
    field<HTMLInputElement>('input[name="theme"][value="dark"]').click();
    expect(changes).toEqual([
      { enabled: false },
      { displayScript: 'Hant-TW' },
      { highlightCounterpart: false },
      { hoverDelayMs: 400 },
      { trigger: 'modifier' },
      { theme: 'dark' },
    ]);
  });

  it('offers the key to hold only in modifier mode, and the delay only in hover mode', () => {
    show();
    expect(field<HTMLSelectElement>('select[name="modifierKey"]').disabled).toBe(true);
    expect(field<HTMLInputElement>('input[name="hoverDelayMs"]').disabled).toBe(false);
    show({ ...DEFAULT_SETTINGS, trigger: 'modifier' });
    expect(field<HTMLInputElement>('input[name="hoverDelayMs"]').disabled).toBe(true);
    choose(field('select[name="modifierKey"]'), 'Alt');
    expect(changes).toEqual([{ modifierKey: 'Alt' }]);
  });

  it('keeps the stored delay when the field is emptied', () => {
    show();
    const delay = field<HTMLInputElement>('input[name="hoverDelayMs"]');
    type(delay, '', 'change');
    expect(changes).toEqual([]);
    expect(delay.value).toBe('150');
  });

  it('lists the sites where it is off, removes one and adds one', async () => {
    show({ ...DEFAULT_SETTINGS, disabledSites: ['a.example', 'b.example'] });
    expect([...container.querySelectorAll('.sites .site')].map((s) => s.textContent)).toEqual(['a.example', 'b.example']);
    field<HTMLButtonElement>('button[aria-label="Remove a.example"]').click();
    type(field('#add-site'), 'https://news.example.com/story', 'input');
    await rendered();
    field<HTMLFormElement>('form.add-site').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(changes).toEqual([{ disabledSites: ['b.example'] }, { disabledSites: ['a.example', 'b.example', 'news.example.com'] }]);
  });

  it('says when a typed site is no site, and adds nothing', async () => {
    show();
    expect(container.textContent).toContain('None.');
    type(field('#add-site'), 'two words', 'input');
    await rendered();
    field<HTMLFormElement>('form.add-site').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await rendered();
    expect(changes).toEqual([]);
    expect(field('[role="alert"]').textContent).toBe('“two words” is not a host name or web address.');
    expect(field('#add-site').getAttribute('aria-invalid')).toBe('true');
  });

  it('stores what it reports through the settings store, as the options page does', async () => {
    render(<Options settings={await loadSettings()} onChange={(change) => void updateSettings((s) => ({ ...s, ...change }))} />, container);
    choose(field('select[name="displayScript"]'), 'Hans');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, displayScript: 'Hans' });
  });
});
