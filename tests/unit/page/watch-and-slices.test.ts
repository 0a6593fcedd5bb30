// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBilingualPage, readBilingualPageInSlices, withSentencesInSlices } from '../../../utils/page/read-page';
import { placesOf, splitPage } from '../../../utils/page/split-page';
import { watchPageChanges, type PageWatcher } from '../../../utils/page/watch';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reading in slices', () => {
  it('finds the same article as reading in one go, with the time it took', async () => {
    document.body.innerHTML = readFileSync(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.html'), 'utf8')
      .replace(/^[\s\S]*<body>/, '')
      .replace(/<\/body>[\s\S]*$/, '');
    const whole = readBilingualPage(document)!;
    // Slices of ~0 ms: a pause after every step, the most interleaved reading there can be.
    const sliced = await readBilingualPageInSlices(document, {}, 0);
    const page = sliced.reading!.withSentences(placesOf(splitPage(sliced.reading!.text)));
    expect(page.zh.sentences.map((s) => s.text)).toEqual(whole.zh.sentences.map((s) => s.text));
    expect(page.en.sentences.map((s) => s.text)).toEqual(whole.en.sentences.map((s) => s.text));
    expect(page.zh.blocks.map((b) => b.role)).toEqual(whole.zh.blocks.map((b) => b.role));
    expect(sliced.busyMs).toBeGreaterThan(0);
    expect(sliced.longestSliceMs).toBeLessThanOrEqual(sliced.busyMs);
  });

  it('says once when the quick look finds both languages, and not on a page of one language', async () => {
    let told = 0;
    const onLooksBilingual = () => void (told += 1);
    document.body.innerHTML = readFileSync(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.html'), 'utf8')
      .replace(/^[\s\S]*<body>/, '')
      .replace(/<\/body>[\s\S]*$/, '');
    expect((await readBilingualPageInSlices(document, { onLooksBilingual }, 0)).reading).not.toBeNull();
    expect(told).toBe(1);
    document.body.innerHTML = '<main><p>Only English here, and nothing else at all to align with it.</p></main>';
    expect((await readBilingualPageInSlices(document, { onLooksBilingual }, 0)).reading).toBeNull();
    expect(told).toBe(1);
  });
});

describe('reading in slices in a tab behind another', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('pauses without timers, which browsers hold back there, and with them in front', async () => {
    document.body.innerHTML = readFileSync(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.html'), 'utf8')
      .replace(/^[\s\S]*<body>/, '')
      .replace(/<\/body>[\s\S]*$/, '');
    // Timers that never fire unless the test runs them.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const behind = await readBilingualPageInSlices(document, {}, 0);
    expect(behind.reading).not.toBeNull();
    const { reading } = behind;
    expect((await withSentencesInSlices(reading!, placesOf(splitPage(reading!.text)), 0)).page.zh.sentences.length).toBeGreaterThan(0);
    visibility.mockReturnValue('visible');
    let done = false;
    const inFront = readBilingualPageInSlices(document, {}, 0).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    await vi.runAllTimersAsync();
    await inFront;
    expect(done).toBe(true);
  });
});

describe('the quick look of a long page', () => {
  it('reads the text a part at a time, never the body of thousands of elements in one call', () => {
    const paragraphs = (text: (k: number) => string) => Array.from({ length: 1_500 }, (_, k) => `<p>${text(k)}</p>`).join('');
    document.body.innerHTML = `<main><article>${paragraphs((k) => `第${k}段。两国元首先后举行小范围、大范围会谈。`)}</article><article>${paragraphs((k) => `Part ${k}. The two leaders held small-group and large-group talks.`)}</article></main>`;
    // The most elements any one `textContent` read built the text of.
    let largestRead = 0;
    let owner: object | null = Object.getPrototypeOf(document.body);
    while (owner && !Object.getOwnPropertyDescriptor(owner, 'textContent')) owner = Object.getPrototypeOf(owner);
    const descriptor = Object.getOwnPropertyDescriptor(owner!, 'textContent')!;
    const spy = vi.spyOn(owner as { textContent: string | null }, 'textContent', 'get').mockImplementation(function (this: Node) {
      if (this instanceof Element) largestRead = Math.max(largestRead, this.getElementsByTagName('*').length);
      return descriptor.get!.call(this) as string | null;
    });
    try {
      const page = readBilingualPage(document)!;
      expect(page.zh.sentences).toHaveLength(3_000);
      expect(page.en.sentences).toHaveLength(3_000);
    } finally {
      spy.mockRestore();
    }
    expect(largestRead).toBeGreaterThan(0);
    expect(largestRead).toBeLessThanOrEqual(2_000);
  });

  it('makes the worker’s sentences into the page’s own with pauses, the same sentences as in one go', async () => {
    const paragraphs = (text: (k: number) => string) => Array.from({ length: 1_500 }, (_, k) => `<p>${text(k)}</p>`).join('');
    document.body.innerHTML = `<main><article>${paragraphs((k) => `第${k}段。两国元首先后举行小范围、大范围会谈。`)}</article><article>${paragraphs((k) => `Part ${k}. The two leaders held small-group and large-group talks.`)}</article></main>`;
    const { reading } = await readBilingualPageInSlices(document);
    const places = placesOf(splitPage(reading!.text));
    const steps = reading!.withSentencesInSteps(places);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    // 6,000 sentences, a pause after every 2,000 and after each side.
    expect(pauses).toBeGreaterThanOrEqual(3);
    const whole = reading!.withSentences(places);
    expect(step.value.zh.sentences.map((s) => s.text)).toEqual(whole.zh.sentences.map((s) => s.text));
    expect(step.value.en.sentences.map((s) => s.text)).toEqual(whole.en.sentences.map((s) => s.text));
    expect(step.value.en.blocks.map((b) => b.element)).toEqual(whole.en.blocks.map((b) => b.element));
  });
});

describe('page watcher', () => {
  let watcher: PageWatcher | undefined;
  afterEach(() => watcher?.stop());

  it('calls back once the page has changed and then stayed quiet', async () => {
    document.body.innerHTML = '<main><p>First.</p></main>';
    let calls = 0;
    watcher = watchPageChanges(document, () => (calls += 1));
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<p>More text arrives.</p>');
    main.insertAdjacentHTML('beforeend', '<p>And more.</p>');
    expect(calls).toBe(0);
    await wait(600);
    expect(calls).toBe(1);
  });

  it('ignores the extension’s own UI and changes without text', async () => {
    document.body.innerHTML = '<main><p>Text.</p></main><parallax-ui></parallax-ui>';
    let calls = 0;
    watcher = watchPageChanges(document, () => (calls += 1));
    document.querySelector('parallax-ui')!.append(document.createElement('div'));
    document.querySelector('parallax-ui')!.textContent = 'tooltip text';
    document.querySelector('main')!.append(document.createElement('hr'));
    await wait(600);
    expect(calls).toBe(0);
  });

  it('sees a body the page puts in place of the old one, and not the head’s title ticking', async () => {
    document.body.innerHTML = '<main><p>Text.</p></main>';
    let calls = 0;
    watcher = watchPageChanges(document, () => (calls += 1));
    for (let tick = 0; tick < 3; tick += 1) document.title = `12:00:0${tick} — News`;
    document.head.insertAdjacentHTML('beforeend', '<style>p { color: red }</style>');
    await wait(600);
    expect(calls).toBe(0);
    const body = document.createElement('body');
    body.innerHTML = '<main><p>A new view.</p></main>';
    // What `document.body = body` does, which happy-dom lacks.
    document.documentElement.replaceChild(body, document.body);
    await wait(600);
    expect(calls).toBe(1);
    // And the new body is watched as the old one was.
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>More text in the new view.</p>');
    await wait(600);
    expect(calls).toBe(2);
  });

  it('watches shadow roots it is given, and nothing after it stops', async () => {
    document.body.innerHTML = '<story-card></story-card>';
    const shadow = document.querySelector('story-card')!.attachShadow({ mode: 'open' });
    let calls = 0;
    watcher = watchPageChanges(document, () => (calls += 1));
    watcher.observe(shadow);
    shadow.innerHTML = '<p>Text inside the component.</p>';
    await wait(600);
    expect(calls).toBe(1);
    watcher.stop();
    document.body.insertAdjacentHTML('beforeend', '<p>Later text.</p>');
    await wait(600);
    expect(calls).toBe(1);
  });
});
