// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PairList } from '../../../components/PairList';
import { createTooltipView, Tooltip } from '../../../components/Tooltip';
import type { TabAlignment } from '../../../utils/extension/tab-alignments';

const placement = { left: 10, top: 20, maxWidth: 400, maxHeight: null };
const noActions = { pin: () => undefined, showOnPage: () => undefined, close: () => undefined };
let container: HTMLElement;

function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Tooltip', () => {
  it('shows the counterpart in elements that carry its language', () => {
    const root = mount(
      <Tooltip content={{ hoveredSide: 'en', counterpart: ['兩國元首會談。', '簽署聲明。'], zhScript: 'Hant', shape: [2, 1], confidence: 0.8 }} placement={placement} pinned={false} actions={noActions} />,
    );
    const tooltip = root.querySelector('[role="tooltip"]')!;
    expect([...tooltip.querySelectorAll('[lang]')].map((e) => [e.getAttribute('lang'), e.textContent])).toEqual([
      ['zh-Hant', '兩國元首會談。'],
      ['zh-Hant', '簽署聲明。'],
    ]);
    // The footer speaks the interface language only, and says how sure the match is in words.
    expect(tooltip.querySelector('.meta')!.textContent).toBe('Confident match · 2 Chinese ↔ 1 English');
  });

  it('says when there is no counterpart and shows no sentence', () => {
    const root = mount(<Tooltip content={{ hoveredSide: 'zh', counterpart: [], zhScript: 'Hans', shape: [1, 0], confidence: 0 }} placement={placement} pinned={false} actions={noActions} />);
    const tooltip = root.querySelector('[role="tooltip"]')!;
    expect(tooltip.querySelectorAll('[lang]')).toHaveLength(0);
    expect(tooltip.querySelector('.none')!.textContent).toBe('No counterpart — this may have been left out of the other version.');
  });

  it('shows page text as text, never as markup', () => {
    const root = mount(
      <Tooltip content={{ hoveredSide: 'zh', counterpart: ['<img src=x onerror="alert(1)"> <b>bold</b>'], zhScript: 'Hans', shape: [1, 1], confidence: 0.5 }} placement={placement} pinned={false} actions={noActions} />,
    );
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('[lang="en"]')!.textContent).toBe('<img src=x onerror="alert(1)"> <b>bold</b>');
  });
});

describe('Tooltip: pinned', () => {
  it('offers to show the counterpart on the page and to close, and says how to copy', () => {
    const calls: string[] = [];
    const actions = { pin: () => calls.push('pin'), showOnPage: () => calls.push('show'), close: () => calls.push('close') };
    const root = mount(<Tooltip content={{ hoveredSide: 'zh', counterpart: ['Talks.'], zhScript: 'Hans', shape: [1, 1], confidence: 0.2 }} placement={placement} pinned actions={actions} />);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Show on page', 'Close']);
    buttons.forEach((b) => b.click());
    expect(calls).toEqual(['show', 'close']);
    expect(root.querySelector('.tooltip')!.classList.contains('low')).toBe(true);
    expect(root.textContent).toContain('Esc closes');
  });
});

describe('createTooltipView', () => {
  it('places the tooltip beside the sentence, never over it, and announces the counterpart', () => {
    container = document.createElement('div');
    document.body.append(container);
    const view = createTooltipView(container);
    const sentence = { left: 20, top: 100, right: 600, bottom: 160 };
    view.show({ hoveredSide: 'zh', counterpart: ['The heads of state met.'], zhScript: 'Hans', shape: [1, 1], confidence: 0.9 }, sentence, false, noActions);
    const tooltip = container.querySelector('.tooltip') as HTMLElement;
    expect(tooltip.style.visibility).toBe('');
    expect(parseFloat(tooltip.style.top)).toBeGreaterThanOrEqual(sentence.bottom);
    expect(container.querySelector('[aria-live]')!.textContent).toBe('English: The heads of state met.');
    view.hide();
    expect(container.querySelector('.tooltip')).toBeNull();
  });
});

describe('PairList', () => {
  const alignment: TabAlignment = {
    url: 'https://example.com/',
    title: 'Example',
    zhScript: 'Hans',
    zh: ['一。', '二。', '三。'],
    en: ['One.', 'Two and three.', 'Extra.'],
    status: 'ready',
    result: { beads: [[[0], [0]], [[1, 2], [1]], [[], [2]]], scores: [0.9, 0.5, 0] },
    alignMs: 4,
    updatedAt: 1,
  };

  it('lists pairs in order and marks unmatched sentences', () => {
    const root = mount(<PairList alignment={alignment} onReveal={() => undefined} />);
    const pairs = [...root.querySelectorAll('[data-pair]')];
    expect(pairs.map((p) => [p.querySelector('[lang="zh-Hans"]')!.textContent, p.querySelector('[lang="en"]')!.textContent])).toEqual([
      ['一。', 'One.'],
      ['二。三。', 'Two and three.'],
    ]);
    const unmatched = root.querySelector('[data-unmatched]')!;
    expect(unmatched.getAttribute('data-unmatched')).toBe('en');
    expect(unmatched.textContent).toContain('Extra.');
    expect(unmatched.textContent).toContain('No Chinese counterpart');
  });

  it('filters to unmatched sentences and reveals a bead when clicked', async () => {
    const revealed: Array<[number[], number[]]> = [];
    const root = mount(<PairList alignment={alignment} onReveal={(zh, en) => revealed.push([zh, en])} />);
    (root.querySelectorAll('input[type="radio"]')[1] as HTMLInputElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelectorAll('[data-pair]')).toHaveLength(0);
    expect(root.querySelectorAll('[data-unmatched]')).toHaveLength(1);
    (root.querySelector('button.reveal') as HTMLButtonElement).click();
    expect(revealed).toEqual([[[], [2]]]);
  });
});
