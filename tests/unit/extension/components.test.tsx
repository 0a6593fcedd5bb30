// @vitest-environment happy-dom
import { options, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PairList } from '../../../components/PairList';
import { SidePanel, type SidePanelProps } from '../../../components/SidePanel';
import { createTooltipView, Tooltip } from '../../../components/Tooltip';
import { followTabAlignmentEarly, saveTabAlignment, type TabAlignment } from '../../../utils/extension/tab-alignments';
import { useLocale } from './locale';

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

// The tooltip speaks the interface language: English here unless a test says otherwise.
beforeEach(() => useLocale('en'));

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

describe('Tooltip in Chinese', () => {
  it('says everything in the interface language, Simplified or Traditional', () => {
    useLocale('zh_CN');
    const root = mount(<Tooltip content={{ hoveredSide: 'zh', counterpart: [], zhScript: 'Hans', shape: [1, 0], confidence: 0 }} placement={placement} pinned={false} actions={noActions} />);
    expect(root.querySelector('.none')!.textContent).toBe('没有对应的句子——另一个版本可能略去了这一句。');
    expect(root.querySelector('button')!.textContent).toBe('固定');
    useLocale('zh_TW');
    const other = mount(<Tooltip content={{ hoveredSide: 'en', counterpart: ['會談。'], zhScript: 'Hant', shape: [1, 1], confidence: 0.9 }} placement={placement} pinned={false} actions={noActions} />);
    expect(other.querySelector('.meta')!.textContent).toBe('對應可靠 · 中文 1 句 ↔ 英文 1 句');
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

describe('SidePanel', () => {
  const alignment: TabAlignment = {
    url: 'https://example.com/',
    title: 'Example: <one> & "two"',
    zhScript: 'Hans',
    zh: ['一。', '两个。', '三。', '四。', '漏了。'],
    en: ['One.', 'Two and\tthree.', 'Extra.', 'Four.'],
    status: 'ready',
    result: {
      beads: [[[0], [0]], [[1, 2], [1]], [[], [2]], [[3], [3]], [[4], []]],
      scores: [0.9, 0.5, 0, 0.1, 0],
    },
    alignMs: 4,
    updatedAt: 1,
  };
  const TAB = 5;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeEach(() => fakeBrowser.reset());

  async function mountPanel(props: Partial<SidePanelProps> = {}, stored: TabAlignment | null = alignment): Promise<HTMLElement> {
    if (stored) await saveTabAlignment(TAB, stored);
    const root = mount(<SidePanel tabId={TAB} onReveal={() => undefined} {...props} />);
    // Storage answers asynchronously: wait for the panel to leave "Loading…".
    for (let waited = 0; waited < 2_000 && (root.textContent === '' || root.textContent === 'Loading…'); waited += 20) await settle();
    return root;
  }

  const pairTexts = (root: HTMLElement) =>
    [...root.querySelectorAll('[data-pair]')].map((p) => [p.querySelector('.zh')!.textContent, p.querySelector('.en')!.textContent]);

  it('shows the pairs as two columns in document order, with omissions and additions marked and their empty side empty', async () => {
    const root = await mountPanel();
    const rows = [...root.querySelectorAll('li[data-bead]')];
    expect(rows.map((row) => row.getAttribute('data-bead'))).toEqual(['0', '1', '2', '3', '4']);
    expect(pairTexts(root)).toEqual([
      ['一。', 'One.'],
      ['两个。三。', 'Two and\tthree.'],
      ['四。', 'Four.'],
    ]);
    expect([...root.querySelectorAll('[data-pair] .zh')].every((e) => e.getAttribute('lang') === 'zh-Hans')).toBe(true);
    expect([...root.querySelectorAll('[data-pair] .en')].every((e) => e.getAttribute('lang') === 'en')).toBe(true);

    const addition = root.querySelector('[data-unmatched="en"]')!;
    expect(addition.querySelector('.en')!.textContent).toBe('Extra.');
    expect(addition.querySelector('.zh')!.textContent).toBe('');
    expect(addition.querySelector('.zh')!.hasAttribute('lang')).toBe(false);
    expect(addition.querySelector('.mark')!.textContent).toMatch(/Addition/);
    const omission = root.querySelector('[data-unmatched="zh"]')!;
    expect(omission.querySelector('.zh')!.textContent).toBe('漏了。');
    expect(omission.querySelector('.en')!.textContent).toBe('');
    expect(omission.querySelector('.mark')!.textContent).toMatch(/Omission/);
    expect(root.querySelector('[data-bead="3"] .mark')!.textContent).toMatch(/Low confidence/);
    expect(root.querySelector('.summary')!.textContent).toBe('3 pairs, 1 of low confidence · 1 Chinese only · 1 English only');
  });

  it('shows the pairs in its first render when the tab\'s alignment was read before it, and follows it from there', async () => {
    await saveTabAlignment(TAB, alignment);
    const early = followTabAlignmentEarly(TAB);
    await early.known;
    const root = mount(<SidePanel tabId={TAB} early={early} onReveal={() => undefined} />);
    // No "Loading…" first: the rows are there as soon as render() returns, before any effect or read.
    expect(pairTexts(root)[0]).toEqual(['一。', 'One.']);
    await settle();
    await saveTabAlignment(TAB, { ...alignment, title: 'Changed' });
    await settle();
    expect(root.querySelector('h1')!.textContent).toBe('Changed');
  });

  it('shows page text as text, never as markup, in the title, the pairs and the unmatched sentences', async () => {
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
    const root = await mountPanel({}, { ...alignment, title: markup, zh: [`一${markup}。`, ...alignment.zh.slice(1)], en: [`One ${markup}.`, ...alignment.en.slice(1)] });
    expect(root.querySelector('h1')!.textContent).toBe(markup);
    expect(pairTexts(root)[0]).toEqual([`一${markup}。`, `One ${markup}.`]);
    expect(root.querySelectorAll('img, script, b')).toHaveLength(0);
  });

  it('says when the page is being aligned, and when there is no article', async () => {
    const aligning = await mountPanel({}, { ...alignment, status: 'aligning', result: { beads: [], scores: [] } });
    expect(aligning.querySelector('.status')!.textContent).toBe('Aligning…');
    render(null, container);
    container.remove();
    fakeBrowser.reset();
    const none = await mountPanel({}, null);
    expect(none.querySelector('.status')!.textContent).toBe('No bilingual article found on this page.');
  });

  it('says of a page too long to keep which sentences are aligned, while they are aligned and after', async () => {
    const note = 'This page is too long to align whole: only the first 5 of its 50 Chinese sentences and the first 4 of its 40 English sentences were aligned.';
    const limited = { ...alignment, pageSentences: { zh: 50, en: 40 } };
    const aligning = await mountPanel({}, { ...limited, status: 'aligning', progress: { zh: 2, en: 1 }, result: { beads: [], scores: [] } });
    expect([...aligning.querySelectorAll('.status')].map((status) => status.textContent)).toEqual(['Aligning… 2 of 5 Chinese sentences so far', note]);
    render(null, container);
    container.remove();
    fakeBrowser.reset();
    const ready = await mountPanel({}, limited);
    expect(ready.querySelector('[data-limited]')!.textContent).toBe(note);
  });

  it('filters to unmatched and to low-confidence pairs', async () => {
    const root = await mountPanel();
    const radio = (value: string) => root.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!;
    radio('unmatched').click();
    await settle();
    expect([...root.querySelectorAll('li[data-bead]')].map((row) => row.getAttribute('data-bead'))).toEqual(['2', '4']);
    radio('low').click();
    await settle();
    expect([...root.querySelectorAll('li[data-bead]')].map((row) => row.getAttribute('data-bead'))).toEqual(['3']);
    expect(root.querySelector('.shown')!.textContent).toBe('1 of 5 shown');
    radio('all').click();
    await settle();
    expect(root.querySelectorAll('li[data-bead]')).toHaveLength(5);
  });

  it('searches both languages without regard to case, spaces or the Chinese script', async () => {
    const root = await mountPanel();
    const search = async (text: string) => {
      const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      return [...root.querySelectorAll('li[data-bead]')].map((row) => row.getAttribute('data-bead'));
    };
    expect(root.querySelector('label.search')!.textContent).toContain('Search both languages');
    expect(await search('TWO AND')).toEqual(['1']);
    expect(await search('twoand three')).toEqual(['1']);
    // Traditional characters are folded once the converter, loaded on the first search, has arrived.
    await vi.waitFor(async () => expect(await search('兩個')).toEqual(['1']));
    expect(await search('extra')).toEqual(['2']);
    expect(await search('nowhere')).toEqual([]);
    expect(root.querySelector('.shown')!.textContent).toBe('No sentence matches.');
    expect(await search('  ')).toHaveLength(5);
  });

  it('reveals a clicked pair on the page and marks it as current', async () => {
    const revealed: Array<[number, number[], number[]]> = [];
    const root = await mountPanel({ onReveal: (tab, zh, en) => revealed.push([tab, zh, en]) });
    root.querySelector<HTMLButtonElement>('[data-bead="1"] button')!.click();
    await settle();
    expect(revealed).toEqual([[TAB, [1, 2], [1]]]);
    expect(root.querySelector('[aria-current="true"]')!.closest('li')!.getAttribute('data-bead')).toBe('1');
  });

  it('jumps to the place clicked on the map of the article, and reveals it on the page', async () => {
    const revealed: number[][] = [];
    const root = await mountPanel({ onReveal: (_, zh) => revealed.push(zh) });
    const map = root.querySelector<HTMLButtonElement>('button.map')!;
    expect(map.getAttribute('aria-label')).toMatch(/Map of the article/);
    expect(map.style.backgroundImage).toContain('linear-gradient');
    map.getBoundingClientRect = () => ({ top: 100, height: 500, left: 0, width: 14, bottom: 600, right: 14, x: 0, y: 100, toJSON: () => ({}) });
    // Five beads over 500 px: the fourth fifth is bead 3.
    map.dispatchEvent(new MouseEvent('click', { bubbles: true, clientY: 100 + 3.5 * 100, detail: 1 }));
    await settle();
    expect(revealed).toEqual([[3]]);
    expect(root.querySelector('[aria-current="true"]')!.closest('li')!.getAttribute('data-bead')).toBe('3');
    // From the keyboard, the map goes to the next stretch it marks.
    map.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
    await settle();
    expect(revealed.at(-1)).toEqual([4]);
  });

  it('follows the sentence hovered on the page', async () => {
    let hover: ((zh: number[], en: number[]) => void) | undefined;
    const root = await mountPanel({
      followPage: (tab, onHover) => {
        expect(tab).toBe(TAB);
        hover = onHover;
        return () => (hover = undefined);
      },
    });
    hover!([], [3]);
    await settle();
    expect(root.querySelector('[aria-current="true"]')!.closest('li')!.getAttribute('data-bead')).toBe('3');
  });

  it('exports the pairs as TSV, JSON and TMX under a name made from the title', async () => {
    const files: Array<{ fileName: string; text: string; mime: string }> = [];
    const root = await mountPanel({ download: (fileName, text, mime) => files.push({ fileName, text, mime }), appVersion: '1.2.3' });
    for (const format of ['tsv', 'json', 'tmx']) root.querySelector<HTMLButtonElement>(`button[data-export="${format}"]`)!.click();
    expect(files.map((f) => f.fileName)).toEqual(['Example one & two.parallax.tsv', 'Example one & two.parallax.json', 'Example one & two.parallax.tmx']);
    expect(files[0]!.text).toBe('zh\ten\tscore\n一。\tOne.\t0.9\n两个。三。\tTwo and three.\t0.5\n四。\tFour.\t0.1\n');
    expect(JSON.parse(files[1]!.text)).toMatchObject({ unmatched: { zh: ['漏了。'], en: ['Extra.'] } });
    expect(files[2]!.text).toContain('creationtoolversion="1.2.3"');
    expect(files[2]!.mime).toMatch(/xml/);
  });

  it('draws only the rows in view of a long article, and steps through them from the keyboard', async () => {
    const count = 2_000;
    const root = await mountPanel({}, pairsAlignment(count, (k) => `第${k}句。`, (k) => `Sentence ${k}.`, () => 0.9));
    const drawn = root.querySelectorAll('li[data-bead]');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(drawn[0]!.getAttribute('aria-setsize')).toBe(String(count));
    const first = root.querySelector<HTMLButtonElement>('[data-bead="0"] button')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle();
    expect(document.activeElement?.closest('li')?.getAttribute('data-bead')).toBe('1');
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle();
    expect(document.activeElement?.closest('li')?.getAttribute('data-bead')).toBe(String(count - 1));
  });
});

/**
 * Happy DOM lays nothing out: each of these element sizes is given as a browser would give it, until the returned
 * functions put Happy DOM's own back.
 */
function fakeLayout(sizes: Record<'clientWidth' | 'clientHeight' | 'offsetHeight', (element: HTMLElement) => number>): Array<() => void> {
  return Object.entries(sizes).map(([name, size]) => {
    const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return size(this);
      },
    });
    return () => (own ? Object.defineProperty(HTMLElement.prototype, name, own) : delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]);
  });
}

/** A tab's stored alignment of `count` one-to-one pairs, the k-th of these sentences and confidence. */
function pairsAlignment(count: number, zh: (k: number) => string, en: (k: number) => string, score: (k: number) => number): TabAlignment {
  const each = <T,>(value: (k: number) => T) => Array.from({ length: count }, (_, k) => value(k));
  return {
    url: 'https://example.com/',
    title: 'Long',
    zhScript: 'Hans',
    zh: each(zh),
    en: each(en),
    status: 'ready',
    result: { beads: each((k) => [[k], [k]]), scores: each(score) },
    alignMs: 1,
    updatedAt: 1,
  };
}

describe('the side panel\'s first screen', () => {
  beforeEach(() => fakeBrowser.reset());

  it('draws its first rows at the heights the browser lays them out at, in the font the browser gives the page', async () => {
    // The benchmark's sentences (scripts/bench-panel.ts): in Chromium's panel at 400 px, its list 378 px wide, the
    // body's font is 10.5 px with lines of 15.75 px (Chromium's 75 % for extension pages, not panel.css's 14 px), and
    // a pair is laid out 83 px tall, one marked as of low confidence 103 px. An estimate made for 14 px (131 px) drew
    // the rows where they were not laid out, and the list rendered a third time before the first paint.
    const count = 2_000;
    await saveTabAlignment(
      5,
      pairsAlignment(
        count,
        (k) => `第${k}句：今年春天，这个城市新建了${k % 9}所学校和一座很大的图书馆。`,
        (k) => `Sentence ${k}: this spring the city built ${k % 9} new schools and a large library, which the children say they like best.`,
        (k) => (k % 10 === 3 ? 0.2 : 0.8),
      ),
    );
    const early = followTabAlignmentEarly(5);
    await early.known;
    document.body.style.fontSize = '10.5px';
    document.body.style.lineHeight = '15.75px';
    // The first render, before the list has a size, takes the window's.
    vi.stubGlobal('innerWidth', 400);
    vi.stubGlobal('innerHeight', 900);
    const layout = {
      clientWidth: (element: HTMLElement) => (element.classList.contains('scroller') ? 378 : 0),
      clientHeight: (element: HTMLElement) => (element.classList.contains('scroller') ? 624 : 0),
      offsetHeight: (element: HTMLElement) => (!element.matches('li[data-bead]') ? 0 : element.classList.contains('low') ? 103 : 83),
    };
    const restore = fakeLayout(layout);
    // Where each row was first drawn.
    const firstTops = new Map<string, string>();
    const diffed = options.diffed;
    options.diffed = (vnode) => {
      const props = vnode.props as { 'data-bead'?: number; style?: { top: string } };
      if (vnode.type === 'li' && props['data-bead'] !== undefined && !firstTops.has(String(props['data-bead']))) firstTops.set(String(props['data-bead']), props.style!.top);
      diffed?.(vnode);
    };
    try {
      const root = mount(<SidePanel tabId={5} early={early} onReveal={() => undefined} />);
      for (let k = 0; k < 10; k += 1) await Promise.resolve();
      const drawn = [...root.querySelectorAll<HTMLElement>('li[data-bead]')];
      expect(drawn.length).toBeGreaterThanOrEqual(Math.ceil(624 / 83));
      expect(drawn.map((row) => row.style.top)).toEqual(drawn.map((_, k) => `${k * 83 + (k > 3 ? 20 : 0)}px`));
      expect(drawn.map((row) => firstTops.get(row.dataset.bead!))).toEqual(drawn.map((row) => row.style.top));
    } finally {
      options.diffed = diffed;
      vi.unstubAllGlobals();
      document.body.removeAttribute('style');
      for (const undo of restore) undo();
    }
  });

  it('is laid out in two renders of the list: drawn, then placed by the heights measured, before the browser paints', async () => {
    const count = 2_000;
    const long = pairsAlignment(count, (k) => `第${k}句。`, (k) => `Sentence ${k}.`, () => 0.9);
    await saveTabAlignment(5, long);
    const early = followTabAlignmentEarly(5);
    await early.known;
    // Happy DOM lays nothing out: the list gets a size of its own and each row a height, as a browser gives them,
    // and a ResizeObserver that reports the size once observing starts, as a browser's does.
    const layout = {
      clientWidth: (element: HTMLElement) => (element.classList.contains('scroller') ? 380 : 0),
      clientHeight: (element: HTMLElement) => (element.classList.contains('scroller') ? 600 : 0),
      offsetHeight: (element: HTMLElement) => (element.matches('li[data-bead]') ? 57 : 0),
    };
    const restore = fakeLayout(layout);
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly report: () => void) {}
        observe() {
          queueMicrotask(() => this.report());
        }
        disconnect() {}
      },
    );
    let listRenders = 0;
    const diffed = options.diffed;
    options.diffed = (vnode) => {
      if (vnode.type === PairList) listRenders += 1;
      diffed?.(vnode);
    };
    try {
      const root = mount(<SidePanel tabId={5} early={early} onReveal={() => undefined} />);
      // What runs before the browser paints: the render, its layout effects and the microtasks they queue.
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      for (let k = 0; k < 10; k += 1) await Promise.resolve();
      const drawn = [...root.querySelectorAll<HTMLElement>('li[data-bead]')];
      expect(drawn.length).toBeGreaterThanOrEqual(Math.ceil(600 / 57));
      expect(drawn.map((row) => row.style.top)).toEqual(drawn.map((_, k) => `${k * 57}px`));
      expect(listRenders).toBeLessThanOrEqual(2);
    } finally {
      options.diffed = diffed;
      vi.unstubAllGlobals();
      for (const undo of restore) undo();
    }
  });
});
