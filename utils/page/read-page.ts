/**
 * Finds the Chinese and English versions of an article in a page: a quick look decides whether the page may be
 * bilingual at all, the walk reads its text blocks (walk.ts), the article is told from the site around it
 * (article.ts), mixed blocks are split by language, a second Chinese version is set apart (chinese-versions.ts),
 * and the layout's own pairs are proposed (layout-pairs.ts). The blocks' sentences, split in the background (see
 * split-page), are then mapped to DOM ranges (ranges.ts).
 */
import type { BlockRole } from '../align/types';
import { languageRuns, looksBilingualInSteps, sidesAreArticles, textScript } from '../text/script';
import { findArticleInSteps, type ArticleBlock } from './article';
import { chineseVersions } from './chinese-versions';
import { layoutPairs, type BlockPair, type BlockPlace } from './layout-pairs';
import { LazySentence } from './ranges';
import { placesOf, sentenceText, splitPage, type PageText, type SentencePlaces, type TextBlock } from './split-page';
import type { BilingualPage, BlocksInView, ChineseScript, PageSentence, PageSide, Side } from './types';
import { BlockWalk, type RawBlock } from './walk';

export interface ReadOptions {
  /** The Chinese script the reader's browser asks for, if any: paired with the English where a page has both. */
  preferredScript?: ChineseScript | null;
  /**
   * Told as soon as the quick look finds both languages on the page, before the page is read through: the worker
   * can start what the page's alignment will need meanwhile.
   */
  onLooksBilingual?: () => void;
}

/** A passage of one language in a block read from the page: a block of its side. */
interface RunBlock extends TextBlock {
  raw: RawBlock;
  /** Offset of the run's first character in the raw block's text. */
  start: number;
}

// Article text inside shadow roots is looked for only where the light DOM holds little text: web-component
// sites keep little outside their components, and scanning every element of a page (a millisecond for each few
// thousand) would cost every ordinary page that is not bilingual more than the quick look itself.
const MAX_LIGHT_TEXT_FOR_SHADOW_SEARCH = 2_000;

/** The text of the open shadow roots under `root`. */
function shadowText(root: Element): string {
  let text = '';
  for (const element of root.getElementsByTagName('*')) {
    if (element.shadowRoot) text += element.shadowRoot.textContent ?? '';
  }
  return text;
}

// Elements whose text the quick look reads in one `textContent` call: the text of a long page's body is megabytes,
// which the browser takes hundreds of milliseconds to build in one call; an ordinary page's body is read in one.
const ELEMENTS_PER_TEXT_READ = 2_000;
// Elements read between two chances to pause, where a page is read in parts.
const ELEMENTS_PER_STEP = 500;
// Counting an element's elements builds no text: in Chromium it costs about a hundredth of reading them.
const COUNTS_PER_READ = 100;

/**
 * The text of `start` in parts that together are its `textContent`, in document order: an element of few elements is
 * read in one call, a larger one child by child, with a pause after every ELEMENTS_PER_STEP elements read.
 */
function* textParts(start: Node, parts: string[]): Generator<void, void> {
  const pending: Node[] = [start];
  let elementsRead = 0;
  while (pending.length > 0) {
    const node = pending.pop()!;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      parts.push((node as CharacterData).data);
      continue;
    }
    // Only elements and fragments (a shadow root) hold text: not comments, nor a document, whose `textContent` is null.
    if (type !== 1 && type !== 11) continue;
    if (type === 1) {
      const element = node as Element;
      const size = element.childElementCount === 0 ? 0 : element.getElementsByTagName('*').length;
      const whole = size <= ELEMENTS_PER_TEXT_READ;
      if (whole) parts.push(element.textContent ?? '');
      elementsRead += whole ? size + 1 : Math.ceil(size / COUNTS_PER_READ);
      if (elementsRead >= ELEMENTS_PER_STEP) {
        elementsRead = 0;
        yield;
      }
      if (whole) continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling) pending.push(child);
  }
}

/** Whether the page may hold both languages at all: most pages stop here. */
function* quickLook(root: Document | Element | ShadowRoot): Generator<void, boolean> {
  const start = (root as Document).body ?? root;
  const parts: string[] = [];
  yield* textParts(start, parts);
  if (yield* looksBilingualInSteps(parts)) return true;
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return length < MAX_LIGHT_TEXT_FOR_SHADOW_SEARCH && start instanceof Element && (yield* looksBilingualInSteps([...parts, shadowText(start)]));
}

/**
 * Whether the reader can see the element: not hidden by the page's style sheets, not placed off-screen (a template
 * parked at -9999px), and, where it holds the text read, not of no size. Only asked where the browser lays the page
 * out. A container may have no height of its own (its cells float), so only the text's own element is measured.
 */
function isRendered(element: Element, holdsText: boolean): boolean {
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  const rect = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  if (rect.right + (view?.scrollX ?? 0) < 0 || rect.bottom + (view?.scrollY ?? 0) < 0) return false;
  return !holdsText || (rect.width > 0 && rect.height > 0);
}

/** Whether the document is laid out: a DOM without a layout engine reports an empty box for everything. */
function hasLayout(root: Document | Element | ShadowRoot): boolean {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  return doc.documentElement.getBoundingClientRect().width > 0;
}

type SideName = Side | 'zhAlt';

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The page's sides, a run of one language at a time, in document order. */
class PageBuilder {
  readonly sides: Record<SideName, RunBlock[]> = { zh: [], en: [], zhAlt: [] };
  /** Blocks of each side with their raw block, in document order: what the layout pairs are found in. */
  readonly order: Array<{ side: SideName; place: BlockPlace }> = [];

  add({ raw, role }: ArticleBlock, zhSide: 'zh' | 'zhAlt'): void {
    const script = textScript(raw.text);
    if (script === null) return;
    if (script !== 'mixed') {
      this.addRun(raw, role, script === 'zh' ? zhSide : 'en', 0, raw.text.length);
      return;
    }
    // Every run holds letters of its language (see languageRuns), so every run makes a block.
    for (const { side, start, end } of languageRuns(raw.text, { heading: HEADING_TAGS.has(raw.tag) })) this.addRun(raw, role, side === 'zh' ? zhSide : 'en', start, end);
  }

  private addRun(raw: RawBlock, role: BlockRole, side: SideName, start: number, end: number): void {
    const blocks = this.sides[side];
    this.order.push({ side, place: { side: side === 'en' ? 'en' : 'zh', block: blocks.length, raw } });
    blocks.push({ text: raw.text.slice(start, end), role, raw, start });
  }

  /** The pairs the layout proposes between one Chinese version and the English. */
  pairs(zhSide: 'zh' | 'zhAlt'): BlockPair[] {
    return layoutPairs(this.order.filter(({ side }) => side === zhSide || side === 'en').map(({ place }) => place));
  }
}

const textBlocks = (blocks: RunBlock[]): TextBlock[] => blocks.map(({ text, role }) => ({ text, role }));

/**
 * A bilingual page as read from the DOM, before its sentences are known: the text to split and align, and what
 * maps the sentences back to the DOM.
 */
export class PageReading {
  readonly text: PageText;
  constructor(
    private readonly sides: Record<SideName, RunBlock[]>,
    blockPairs: BlockPair[],
    private readonly alt: { script: ChineseScript; blockPairs: BlockPair[] } | null,
    readonly zhScript: ChineseScript,
    readonly shadowRoots: ShadowRoot[],
  ) {
    // Only text and role cross to the background: the other fields hold DOM nodes.
    this.text = { zh: { blocks: textBlocks(sides.zh) }, en: { blocks: textBlocks(sides.en) }, blockPairs };
    if (alt) this.text.zhAlt = { blocks: textBlocks(sides.zhAlt), blockPairs: alt.blockPairs };
  }

  /** The document the page was read from. */
  ownerDocument(): Document | undefined {
    return (this.sides.zh[0] ?? this.sides.en[0])?.raw.element.ownerDocument;
  }

  /**
   * Each side's blocks in the reader's view, [first, end), found by halving (a side's blocks stand in document order,
   * down the page), or null for a side with none in view; null where the page is not laid out.
   */
  blocksInView(): BlocksInView | null {
    const view = this.ownerDocument()?.defaultView;
    if (!view || !hasLayout(view.document)) return null;
    const span = (blocks: RunBlock[]): [number, number] | null => {
      // The first block for which `past` holds, of blocks where it holds from some block on.
      const firstWhere = (past: (rect: DOMRect) => boolean) => {
        let low = 0;
        let high = blocks.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (past(blocks[mid]!.raw.element.getBoundingClientRect())) high = mid;
          else low = mid + 1;
        }
        return low;
      };
      const first = firstWhere((rect) => rect.bottom > 0);
      const end = firstWhere((rect) => rect.top >= view.innerHeight);
      return end > first ? [first, end] : null;
    };
    return { zh: span(this.sides.zh), en: span(this.sides.en) };
  }

  /**
   * The page with its sentences, split from `text` (by the worker, which sends back only where each stands); their
   * text is cut from the blocks here, and their ranges are made when first asked for.
   */
  withSentences(sentences: SentencePlaces): BilingualPage {
    return finish(this.withSentencesInSteps(sentences));
  }

  /** withSentences, pausing after every SENTENCES_PER_STEP sentences: a long page has tens of thousands. */
  *withSentencesInSteps(sentences: SentencePlaces): Generator<void, BilingualPage> {
    const { sides } = this;
    const side = function* (name: SideName, places: number[]): Generator<void, PageSide> {
      const blocks = sides[name];
      const made: PageSentence[] = [];
      for (let k = 0; 3 * k < places.length; k += 1) {
        if (k % SENTENCES_PER_STEP === SENTENCES_PER_STEP - 1) yield;
        const block = places[3 * k]!;
        const start = places[3 * k + 1]!;
        const end = places[3 * k + 2]!;
        const run = blocks[block]!;
        made.push(new LazySentence(sentenceText(run.text, start, end), block, run.raw, run.start + start, run.start + end));
      }
      return { blocks: blocks.map(({ raw, role }) => ({ element: raw.element, role })), sentences: made };
    };
    const zh = yield* side('zh', sentences.zh);
    yield;
    const en = yield* side('en', sentences.en);
    yield;
    const { alt } = this;
    const zhAlt = alt && { ...(yield* side('zhAlt', sentences.zhAlt ?? [])), script: alt.script, blockPairs: alt.blockPairs };
    return { zh, en, zhScript: this.zhScript, blockPairs: this.text.blockPairs, zhAlt, shadowRoots: this.shadowRoots };
  }
}

// The work between two chances to pause the reading. The loops live in plain functions and methods, not in the
// generator: the engine optimises those while they run, which it does not do for a generator's own loop.
const NODES_PER_STEP = 400;
const BLOCKS_PER_STEP = 100;
const SENTENCES_PER_STEP = 2_000;

/** Main-thread time spent in parts of a reading, pauses excluded. */
interface ReadTimes {
  findArticleMs: number;
}

/** The steps of `steps`, with the time spent in them added to `add`. */
function* timedSteps<T>(steps: Generator<void, T>, add: (ms: number) => void): Generator<void, T> {
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    add(performance.now() - started);
    if (step.done) return step.value;
    yield;
  }
}

function* readSteps(root: Document | Element | ShadowRoot, options: ReadOptions, times: ReadTimes = { findArticleMs: 0 }): Generator<void, PageReading | null> {
  // Each pass over all the page's blocks ends with a pause: on a page of thousands of paragraphs any one of them
  // takes a good part of a task's budget.
  if (!(yield* quickLook(root))) return null;
  options.onLooksBilingual?.();
  yield;
  const start = (root as Document).body ?? root;
  const shadowRoots: ShadowRoot[] = [];
  const walk = new BlockWalk(start, shadowRoots);
  while (walk.step(NODES_PER_STEP)) yield;
  yield;
  const article = yield* timedSteps(findArticleInSteps(walk.blocks, hasLayout(root) ? { isRendered } : {}), (ms) => (times.findArticleMs += ms));
  yield;

  const chinese = article.filter(({ raw }) => textScript(raw.text) !== 'en' && textScript(raw.text) !== null);
  yield;
  const versions = chineseVersions(
    chinese.map(({ raw }) => ({ text: raw.text, lang: raw.lang })),
    options.preferredScript ?? null,
  );
  const versionOf = new Map(versions.versionOf?.map((version, k) => [chinese[k]!, version]) ?? []);
  yield;
  const page = new PageBuilder();
  for (let index = 0; index < article.length; index += 1) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const block = article[index]!;
    const version = versionOf.get(block);
    page.add(block, version && version !== versions.primary ? 'zhAlt' : 'zh');
  }
  yield;
  const { sides } = page;
  if (!sidesAreArticles(sides.zh.map((b) => b.text), sides.en.map((b) => b.text))) return null;
  const altScript: ChineseScript = versions.primary === 'Hans' ? 'Hant' : 'Hans';
  yield;
  const alt = sides.zhAlt.length > 0 ? { script: altScript, blockPairs: page.pairs('zhAlt') } : null;
  yield;
  const blockPairs = page.pairs('zh');
  yield;
  return new PageReading(sides, blockPairs, alt, versions.primary, shadowRoots);
}

/** Runs steps to their end at once. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Reads the page in one go and splits its sentences in place: for tests and the command line. */
export function readBilingualPage(root: Document | Element | ShadowRoot, options: ReadOptions = {}): BilingualPage | null {
  const reading = finish(readSteps(root, options));
  return reading && reading.withSentences(placesOf(splitPage(reading.text)));
}

/** Main-thread time spent in work done in slices, pauses excluded, and its longest slice. */
export interface SliceTimes {
  busyMs: number;
  longestSliceMs: number;
}

/**
 * A turn for the page's own work between two slices. Browsers hold back the timers of a page in a tab behind another
 * (Firefox ran them a second apart: a page of 10,000 paragraphs a language was read in 78 s there, in 5 s in front),
 * and such a page has no frames to keep smooth: there the turn is a message the script posts itself, which is not
 * held back.
 */
function pauseIn(doc: Document | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (doc?.visibilityState !== 'hidden' || typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs steps in slices of about `sliceMs`, giving the page's own work a turn between them. */
async function inSlices<T>(steps: Generator<void, T>, sliceMs: number, doc: Document | undefined): Promise<SliceTimes & { value: T }> {
  let busyMs = 0;
  let longestSliceMs = 0;
  for (;;) {
    const sliceStart = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - sliceStart < sliceMs) step = steps.next();
    const slice = performance.now() - sliceStart;
    busyMs += slice;
    longestSliceMs = Math.max(longestSliceMs, slice);
    if (step.done) return { value: step.value, busyMs, longestSliceMs };
    await pauseIn(doc);
  }
}

export interface SlicedReading extends SliceTimes {
  reading: PageReading | null;
  /** The part of `busyMs` spent telling the article from the site around it. */
  findArticleMs: number;
}

/**
 * Reads the page in slices of about `sliceMs`, giving the page's own work a turn between them, so that a long
 * page never holds the main thread for long.
 */
export async function readBilingualPageInSlices(root: Document | Element | ShadowRoot, options: ReadOptions = {}, sliceMs = 12): Promise<SlicedReading> {
  const times: ReadTimes = { findArticleMs: 0 };
  // The browser lays a page out in its own rendering, once a frame: the reading, which asks where the blocks stand,
  // starts after it, so that it does not force the layout of a long page (hundreds of milliseconds) into a slice. A
  // hidden page renders no frames: it is read at once.
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const view = doc.defaultView;
  if (view?.requestAnimationFrame && doc.visibilityState === 'visible') await new Promise((resolve) => view.requestAnimationFrame(() => setTimeout(resolve, 0)));
  const { value, busyMs, longestSliceMs } = await inSlices(readSteps(root, options, times), sliceMs, doc);
  return { reading: value, busyMs, longestSliceMs, findArticleMs: times.findArticleMs };
}

/** The page with the sentences the worker split (see PageReading.withSentences), made in slices of about `sliceMs`. */
export async function withSentencesInSlices(reading: PageReading, sentences: SentencePlaces, sliceMs = 12): Promise<SliceTimes & { page: BilingualPage }> {
  const { value, busyMs, longestSliceMs } = await inSlices(reading.withSentencesInSteps(sentences), sliceMs, reading.ownerDocument());
  return { page: value, busyMs, longestSliceMs };
}
