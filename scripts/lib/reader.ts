/**
 * What a reader does, written once for both browsers and used by the end-to-end tests, `npm start` and the
 * benchmarks: open a page, wait until Parallax is ready, move the pointer
 * over a sentence, read the tooltip, press its buttons and keys. Chromium (playwright-core) and Firefox
 * (puppeteer-core) pages both offer `goto`, `evaluate`, `mouse.move`, `click`, `down` and `up`, and `keyboard.press`, which
 * is all this needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng } from './png';

export interface BrowserPage {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  keyboard: { press(key: string): Promise<void>; down(key: string): Promise<void>; up(key: string): Promise<void> };
  /** A PNG of the view. */
  screenshot(options: Record<string, never>): Promise<Uint8Array>;
  /** Puts the page's tab in front of the others, as the reader switching to it. */
  bringToFront(): Promise<void>;
}

export interface ExpectedSeed {
  page: string;
  zhScript: 'Hant' | 'Hans';
  /**
   * `locate` is longer text around the sentence, where the sentence alone also appears elsewhere on the page;
   * `counterpart` is every sentence its bead shows, whole, as the gold links them (checked in read-page.test.ts).
   */
  pairs: Array<{ hover: 'zh' | 'en'; sentence: string; locate?: string; counterpart: string[]; caption?: boolean }>;
  unmatched: Array<{ hover: 'zh' | 'en'; sentence: string }>;
  sidePanelPairsAtLeast: number;
}

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures');

export function expectedSeed(): ExpectedSeed {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'seed/xinhua-moscow.expected.json'), 'utf8')) as ExpectedSeed;
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The UI's state as the page sees it on the UI host (counts and timings are not on the page: `ChromiumSession.pageFindings`). */
export function uiState(page: BrowserPage): Promise<string | null> {
  return page.evaluate(() => document.querySelector('parallax-ui')?.getAttribute('data-state') ?? null, null);
}

export async function waitUntilReady(page: BrowserPage): Promise<void> {
  await waitFor(async () => (await uiState(page)) === 'ready', 'Parallax to be ready on the page');
}

/**
 * Where to put the pointer on text: the `occurrence`-th place (0-based, in document order, the body before each
 * open shadow root) where `needle` stands in one text node, characters `from` to `to` of it.
 */
export interface TextSpot {
  needle: string;
  occurrence: number;
  from: number;
  to: number;
}

/**
 * Scrolls the spot into view and returns a point in the middle of its characters: `visible: false` when the text is
 * there but not laid out (hidden), null when it is not on the page.
 */
export function pointOnSpot(page: BrowserPage, spot: TextSpot): Promise<{ x: number; y: number; visible: boolean } | null> {
  return page.evaluate(({ needle, occurrence, from, to }: TextSpot) => {
    // The body and every open shadow root in it, searched in turn (no helper functions: tsx would wrap them in a
    // `__name` call the page does not have).
    const roots: Array<Element | ShadowRoot> = [document.body];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    let seen = 0;
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('parallax-ui, script, style, noscript')) continue;
        for (let at = node.data.indexOf(needle); at >= 0; at = node.data.indexOf(needle, at + 1)) {
          if (seen++ < occurrence) continue;
          // At once: a page's `scroll-behavior: smooth` would leave the text where it was when it is measured.
          node.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
          const range = document.createRange();
          range.setStart(node, Math.min(at + from, node.data.length));
          range.setEnd(node, Math.min(at + to, node.data.length));
          const rect = range.getClientRects()[0];
          const x = rect ? rect.left + rect.width / 2 : -1;
          const y = rect ? rect.top + rect.height / 2 : -1;
          // Text parked off-screen (a template at -9999px) is as hidden from the reader as text that is not laid out.
          const visible = x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight;
          return { x, y, visible };
        }
      }
    }
    return null;
  }, spot);
}

/** Scrolls the sentence that starts with `text` into view and returns a point in the middle of its first characters. */
export async function pointOnText(page: BrowserPage, text: string): Promise<{ x: number; y: number }> {
  const point = await pointOnSpot(page, { needle: text, occurrence: 0, from: 2, to: 4 });
  if (!point?.visible) throw new Error(`Text not on the page: ${text}`);
  return point;
}

export interface TooltipReading {
  text: string;
  counterparts: Array<{ lang: string; text: string }>;
}

export function readTooltip(page: BrowserPage): Promise<TooltipReading | null> {
  return page.evaluate(() => {
    const tooltip = document.querySelector('parallax-ui')?.shadowRoot?.querySelector('[role="tooltip"]');
    if (!tooltip) return null;
    return {
      text: tooltip.textContent ?? '',
      counterparts: [...tooltip.querySelectorAll('[lang]')].map((e) => ({ lang: e.getAttribute('lang') ?? '', text: e.textContent ?? '' })),
    };
  }, null);
}

/** Moves the pointer away, as a reader's arrives from elsewhere, and waits for the previous tooltip to go. */
async function moveAway(page: BrowserPage): Promise<void> {
  await page.mouse.move(1, 1);
  await waitFor(async () => (await readTooltip(page)) === null, 'the previous tooltip to close', 5_000);
}

/** Moves the pointer onto the sentence and waits for the tooltip that belongs to it. */
export async function hoverSentence(page: BrowserPage, sentence: string): Promise<TooltipReading> {
  const { x, y } = await pointOnText(page, sentence);
  await moveAway(page);
  await page.mouse.move(x, y);
  return waitFor(() => readTooltip(page), `a tooltip over "${sentence}"`, 5_000);
}

/**
 * Moves the pointer onto a spot and reads the tooltip, or null when none opens within `quietMs` (the tooltip
 * follows the pointer within a frame, so a quiet spell this long means that nothing is hovered there) or when the
 * text is hidden, where no reader can point.
 */
export async function hoverSpot(page: BrowserPage, spot: TextSpot, quietMs = 400): Promise<TooltipReading | null> {
  const point = await pointOnSpot(page, spot);
  if (!point) throw new Error(`Text not on the page: ${spot.needle}`);
  if (!point.visible) return null;
  await moveAway(page);
  await page.mouse.move(point.x, point.y);
  return waitFor(() => readTooltip(page), `a tooltip over "${spot.needle}"`, quietMs).catch(() => null);
}

export function selectionState(page: BrowserPage): Promise<{ text: string; ranges: number }> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    return { text: selection?.toString() ?? '', ranges: selection?.rangeCount ?? 0 };
  }, null);
}

export interface SidePanelReading {
  pairs: Array<{ zh: string; en: string; zhLang: string | null; enLang: string | null }>;
  unmatched: Array<{ side: string; text: string }>;
}

/**
 * Every row of the side panel. The panel draws only the rows in view, so its list is scrolled from top to bottom,
 * a screenful at a time, and each row read once (by its bead); the scroll position is restored after.
 */
export function readSidePanel(page: BrowserPage): Promise<SidePanelReading> {
  // No named functions inside: the page gets this function's source, where a bundler's name helper is undefined.
  return page.evaluate(async () => {
    const pairs = new Map<number, SidePanelReading['pairs'][number]>();
    const unmatched = new Map<number, SidePanelReading['unmatched'][number]>();
    const scroller = document.querySelector<HTMLElement>('.scroller');
    const restore = scroller?.scrollTop ?? 0;
    if (scroller) scroller.scrollTop = 0;
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const li of document.querySelectorAll<HTMLElement>('[data-pair]')) {
        pairs.set(Number(li.dataset.bead), {
          zh: li.querySelector('.zh')?.textContent ?? '',
          en: li.querySelector('.en')?.textContent ?? '',
          zhLang: li.querySelector('.zh')?.getAttribute('lang') ?? null,
          enLang: li.querySelector('.en')?.getAttribute('lang') ?? null,
        });
      }
      for (const li of document.querySelectorAll<HTMLElement>('[data-unmatched]')) {
        const side = li.getAttribute('data-unmatched') ?? '';
        unmatched.set(Number(li.dataset.bead), { side, text: li.querySelector(side === 'zh' ? '.zh' : '.en')?.textContent ?? '' });
      }
      if (!scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      const before = scroller.scrollTop;
      scroller.scrollTop += Math.max(1, scroller.clientHeight - 20);
      if (scroller.scrollTop === before) break;
    }
    if (scroller) scroller.scrollTop = restore;
    return {
      pairs: [...pairs.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]),
      unmatched: [...unmatched.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]),
    };
  }, null);
}

/** What the extension's worker can be asked for its User Timing entries (`ChromiumSession.workerEntry`). */
type WorkerEntries = { workerEntry(name: string): Promise<{ startTime: number; duration: number; detail: unknown } | null> };

/**
 * The current worker's load of the dictionary, once it has one: when it started on the worker's clock, how long it
 * took, and whether from the package or the stored copy.
 */
export async function dictionaryLoad(worker: WorkerEntries): Promise<{ startMs: number; durationMs: number; source: string | undefined }> {
  const entry = await waitFor(() => worker.workerEntry('parallax:load-dictionary'), 'the worker to load the dictionary');
  return { startMs: entry.startTime, durationMs: entry.duration, source: (entry.detail as { source?: string } | undefined)?.source };
}

/** When, on the worker's clock, the latest page the worker aligned asked it for the dictionary. */
export async function dictionaryAskedMs(worker: WorkerEntries): Promise<number> {
  return (await waitFor(() => worker.workerEntry('parallax:dictionary-wait'), 'the worker to align a page')).startTime;
}

/** How long the latest page the worker aligned waited for its dictionary (nothing when it was loaded already). */
export async function dictionaryWait(worker: WorkerEntries): Promise<number> {
  return (await waitFor(() => worker.workerEntry('parallax:dictionary-wait'), 'the worker to align a page')).duration;
}

/** Waits until the worker has stored its copy of the dictionary for the next worker. */
export async function dictionaryStored(worker: WorkerEntries): Promise<void> {
  await waitFor(() => worker.workerEntry('parallax:dictionary-stored'), 'the worker to store the dictionary');
}

export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The tooltip's box on screen, or null when none is shown. */
export function tooltipBox(page: BrowserPage): Promise<ScreenBox | null> {
  return page.evaluate(() => {
    const tooltip = document.querySelector('parallax-ui')?.shadowRoot?.querySelector('[role="tooltip"]');
    if (!tooltip) return null;
    const r = tooltip.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, null);
}

/**
 * How the tooltip is drawn: the computed styles a page's own rules could change through the UI host (inherited
 * ones) or by refusing the extension's style sheet, and whether the tooltip is what the window shows at its centre.
 * Null when no tooltip is shown.
 */
export function tooltipRendering(page: BrowserPage): Promise<Record<string, string | boolean> | null> {
  return page.evaluate(() => {
    const host = document.querySelector('parallax-ui');
    const tooltip = host?.shadowRoot?.querySelector('[role="tooltip"]');
    if (!host || !tooltip) return null;
    const counterpart = tooltip.querySelector('[lang]') ?? tooltip;
    const box = tooltip.getBoundingClientRect();
    const style = getComputedStyle(tooltip);
    const text = getComputedStyle(counterpart);
    return {
      onTop: document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host,
      position: style.position,
      visibility: style.visibility,
      opacity: style.opacity,
      color: style.color,
      backgroundColor: style.backgroundColor,
      fontSize: text.fontSize,
      fontStyle: text.fontStyle,
      fontFamily: text.fontFamily,
      lineHeight: text.lineHeight,
      letterSpacing: text.letterSpacing,
      wordSpacing: text.wordSpacing,
      textTransform: text.textTransform,
      textShadow: text.textShadow,
      textAlign: text.textAlign,
      whiteSpace: text.whiteSpace,
      cursor: text.cursor,
    };
  }, null);
}

/** The box around a text on screen (the first place it stands in one text node of the body). */
export function textBox(page: BrowserPage, text: string): Promise<ScreenBox | null> {
  return page.evaluate((needle: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0 || node.parentElement?.closest('parallax-ui')) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    return null;
  }, text);
}

/** Clicks the tooltip's button with this label, as a reader does, with the pointer. */
export async function clickTooltipButton(page: BrowserPage, label: string): Promise<void> {
  const point = await page.evaluate((name: string) => {
    const buttons = [...(document.querySelector('parallax-ui')?.shadowRoot?.querySelectorAll('[role="tooltip"] button') ?? [])];
    const button = buttons.find((b) => b.textContent === name);
    if (!button) return null;
    const r = button.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, label);
  if (!point) throw new Error(`No tooltip button "${label}"`);
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
}

export interface HighlightReading {
  /** The text of the sentences marked as the reader's own (hovered, or revealed from the side panel). */
  hovered: string;
  /** The text of the sentences marked as their counterpart. */
  counterpart: string;
}

/** What Parallax has highlighted on the page now: the page's CSS highlight registry, which the content script shares. */
export function readHighlights(page: BrowserPage): Promise<HighlightReading> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const [hovered, counterpart] = ['parallax-hovered', 'parallax-counterpart'].map((name) =>
      [...(registry?.get(name) ?? [])].map((range) => range.toString()).join(' '),
    );
    return { hovered: hovered!, counterpart: counterpart! };
  }, null);
}

/**
 * The share of pixels the browser painted in the highlight's colour, `colour` at `alpha` over the background behind
 * the text (within 12 on each channel), on the first line of the highlight `name` that stands in view: what the
 * reader sees, where `readHighlights` reads what is marked. Null when no line of it is in view.
 */
export async function paintedShare(page: BrowserPage, name: string, colour: [number, number, number], alpha: number): Promise<number | null> {
  const line = await page.evaluate((highlight: string) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const height = document.documentElement.clientHeight;
    for (const range of registry?.get(highlight) ?? []) {
      for (const rect of range.getClientRects()) {
        if (rect.width < 8 || rect.height < 8 || rect.top < 0 || rect.bottom > height) continue;
        // The nearest background behind the text that is not transparent; the canvas's white where none is.
        let background = 'rgb(255, 255, 255)';
        for (let element: Element | null = range.startContainer.parentElement; element; element = element.parentElement) {
          const own = getComputedStyle(element).backgroundColor;
          if (own !== 'rgba(0, 0, 0, 0)' && own !== 'transparent') {
            background = own;
            break;
          }
        }
        return { x: rect.left, y: rect.top, width: rect.width, height: rect.height, background, viewWidth: window.innerWidth };
      }
    }
    return null;
  }, name);
  if (!line) return null;
  const behind = (line.background.match(/\d+(?:\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const expected = colour.map((value, channel) => value * alpha + behind[channel]! * (1 - alpha));
  // The whole view, cut here: the browsers' own clips disagree on whether they count from the view or the page.
  const shot = decodePng(await page.screenshot({}));
  const scale = shot.width / line.viewWidth;
  let painted = 0;
  let pixels = 0;
  // Inside the line's box by a pixel, off its anti-aliased edges.
  for (let y = Math.ceil((line.y + 1) * scale); y < Math.floor((line.y + line.height - 1) * scale); y += 1) {
    for (let x = Math.ceil((line.x + 1) * scale); x < Math.floor((line.x + line.width - 1) * scale); x += 1) {
      const at = (y * shot.width + x) * 4;
      pixels += 1;
      if (expected.every((value, channel) => Math.abs(shot.rgba[at + channel]! - value) <= 12)) painted += 1;
    }
  }
  return painted / pixels;
}

/** When a hover's tooltip appeared, on the page's clock (`tooltipTiming`). */
export interface TooltipTiming {
  /** The pointer came to rest on the sentence: the hover delay starts. */
  movedAt: number;
  /** The tooltip stood in the page, placed and visible. */
  placedAt: number;
  /** Every animation frame from the move on until the first one after `placedAt`: when its callbacks ran. */
  frames: number[];
}

/**
 * Hovers the sentence as `hoverSentence` does and times its tooltip from the page's own side: the pointer's move
 * (the content script's delay timer starts on the same event), the moment a mutation observer on Parallax's shadow
 * root sees the tooltip placed, and when each animation frame ran, up to the first frame after that moment. A
 * frame's style, layout and paint follow its animation callbacks in the same task, so the frames that ran between
 * the end of the delay and the placing painted without the tooltip, and the one after painted it. (A tooltip
 * placed inside a frame's callbacks would be counted a frame late: the count never flatters.)
 */
export async function tooltipTiming(page: BrowserPage, sentence: string): Promise<TooltipTiming> {
  const { x, y } = await pointOnText(page, sentence);
  await moveAway(page);
  await page.evaluate(() => {
    // No named functions inside: see readFindings.
    const root = document.querySelector('parallax-ui')?.shadowRoot;
    if (!root) throw new Error('Parallax is not on the page.');
    const record = window as unknown as { parallaxTooltipTiming?: Promise<TooltipTiming> };
    record.parallaxTooltipTiming = new Promise<TooltipTiming>((resolve) => {
      let movedAt = -1;
      let placedAt = -1;
      const frames: number[] = [];
      window.addEventListener(
        'pointermove',
        () => {
          movedAt = performance.now();
          void (async () => {
            for (;;) {
              await new Promise((next) => requestAnimationFrame(next));
              const ranAt = performance.now();
              frames.push(ranAt);
              if (placedAt >= 0 && ranAt > placedAt) break;
            }
            resolve({ movedAt, placedAt, frames });
          })();
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        const tooltip = root.querySelector<HTMLElement>('[role="tooltip"]');
        if (!tooltip || tooltip.style.visibility === 'hidden' || movedAt < 0) return;
        observer.disconnect();
        placedAt = performance.now();
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true });
    });
  }, null);
  await page.mouse.move(x, y);
  return waitFor(() => page.evaluate(() => (window as unknown as { parallaxTooltipTiming: Promise<TooltipTiming> }).parallaxTooltipTiming, null), `a tooltip over "${sentence}"`, 5_000);
}

/** A row the side panel has drawn (it draws those in view): a pair, or a sentence with no counterpart. */
export interface PanelRowReading {
  bead: number;
  kind: 'pair' | 'unmatched';
  /** The row's class names: its kind (matched, low, omission, addition). */
  classes: string;
  zh: string;
  en: string;
}

export function drawnPanelRows(panel: BrowserPage): Promise<PanelRowReading[]> {
  return panel.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('li[data-bead]')].map((li) => ({
        bead: Number(li.dataset.bead),
        kind: li.hasAttribute('data-pair') ? ('pair' as const) : ('unmatched' as const),
        classes: li.className,
        zh: li.querySelector('.zh')?.textContent ?? '',
        en: li.querySelector('.en')?.textContent ?? '',
      })),
    null,
  );
}

/** Clicks, with the pointer, the middle of the first element that matches `selector` in the page. */
export async function clickElement(page: BrowserPage, selector: string): Promise<void> {
  const point = await page.evaluate((wanted: string) => {
    const element = document.querySelector(wanted);
    if (!element) return null;
    element.scrollIntoView({ block: 'nearest' });
    const r = element.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  if (!point) throw new Error(`Nothing matches ${selector}`);
  await page.mouse.click(point.x, point.y);
}

/** Types into the side panel's search box: its text is set and the input event sent, as typing does. */
export async function searchPanel(panel: BrowserPage, text: string): Promise<void> {
  await panel.evaluate((query: string) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('The side panel has no search box.');
    input.focus();
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: query }));
  }, text);
}

/** A TMX document read by the browser's XML parser. */
export interface TmxReading {
  parseError: boolean;
  version: string | null;
  srclang: string | null;
  units: Array<Array<{ lang: string | null; text: string }>>;
}

export function parseTmx(page: BrowserPage, xml: string): Promise<TmxReading> {
  return page.evaluate((text: string) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      parseError: doc.querySelector('parsererror') !== null,
      version: doc.documentElement.getAttribute('version'),
      srclang: doc.querySelector('header')?.getAttribute('srclang') ?? null,
      units: [...doc.querySelectorAll('tu')].map((tu) =>
        [...tu.querySelectorAll('tuv')].map((tuv) => ({ lang: tuv.getAttribute('xml:lang'), text: tuv.querySelector('seg')?.textContent ?? '' })),
      ),
    };
  }, xml);
}

/** The side panel's current row (the pair the page shows, or the one last revealed), and whether it is in the list's view. */
export function currentPanelRow(panel: BrowserPage): Promise<{ zh: string; en: string; inView: boolean; position: number; rows: number } | null> {
  return panel.evaluate(() => {
    const row = document.querySelector('li.current');
    const scroller = document.querySelector('.scroller');
    if (!row || !scroller) return null;
    const r = row.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return {
      zh: row.querySelector('.zh')?.textContent ?? '',
      en: row.querySelector('.en')?.textContent ?? '',
      inView: r.top >= view.top - 1 && r.bottom <= view.bottom + 1,
      // Where the row stands in the whole list, which draws only the rows in view.
      position: Number(row.getAttribute('aria-posinset')),
      rows: Number(row.getAttribute('aria-setsize')),
    };
  }, null);
}
