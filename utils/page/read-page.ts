/**
 * Finds the Chinese and the English versions of an article in a page: the main text blocks, their language and
 * their role. Returns null, after a quick look only, when the page is not a bilingual article. The blocks' sentences,
 * split elsewhere (see split-page), are then mapped to DOM ranges.
 */
import type { BlockRole } from '../align/types';
import { countScripts, detectChineseScript, scriptOfCode } from '../text/script';
import { splitPage, type PageSentences, type PageText, type TextBlock } from './split-page';
import type { BilingualPage, ChineseScript, PageSentence, PageSide, Side } from './types';

/** The extension's own UI host: never read as page content. */
export const UI_HOST_TAG = 'parallax-ui';

// Below these amounts a side is interface strings or a stray quotation, not an article version.
const MIN_HAN_CHARS = 30;
const MIN_LATIN_LETTERS = 80;

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'video', 'audio', 'code', 'pre',
  'kbd', 'samp', 'textarea', 'input', 'select', 'option', 'button', 'form', 'nav', 'header', 'footer', 'aside',
  'menu', 'dialog', 'head', 'title', UI_HOST_TAG,
]);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'dialog', 'alert', 'search', 'toolbar']);
// Class or id words of site chrome that is not marked up semantically.
const CHROME_NAME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookies?|consent|gdpr|banner|footer|header|sidebar|related|recommend(?:ed)?|comments?|share|social|subscribe|newsletter|advert|ads?|promo|toolbar|pagination|lang(?:uage)?-?(?:switch|select)(?:er)?)(?:$|[\s_-])/i;

const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figcaption', 'td', 'th', 'dd', 'dt', 'section',
  'article', 'main', 'body', 'figure', 'caption', 'ul', 'ol', 'table', 'tr', 'tbody', 'dl', 'address', 'center',
]);

const CAPTION_TEXT = /(?:記者|记者|攝影|摄影)\s*\S{1,12}\s*[攝摄]\s*$|\((?:Xinhua|AP|Reuters|AFP|Photo|CFP|IC)\s*\/[^)]*\)\s*$|^(?:Photo|Image)\s*:/i;
const META_LABEL = /^(?:(?:發佈時間|发布时间|發布時間|更新時間|更新时间|來源|来源|作者|記者|记者|責任編輯|责任编辑|編輯|编辑|Published|Updated|Source|Editor)[:：\s]|By\s+[A-Z])/;
const DATE = /\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}/;
const META_NAME = /(?:^|[\s_-])(?:byline|dateline|meta|timestamp|article-info|post-info)(?:$|[\s_-])/i;

/** A text node, or an element with only text children, whose text was read at once (see BlockWalk). */
interface TextSource {
  node: Text | Element;
  /** Offset of the source's first character in the block's text. */
  offset: number;
}

interface TextPiece {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  offset: number;
}

interface RawBlock {
  element: Element;
  /** The element's `localName`. */
  tag: string;
  text: string;
  /** Null until the block's first text: most blocks have one source, and an array made empty grows by many. */
  sources: TextSource[] | null;
  /** The text nodes of `sources`, found when a range in the block is first made. */
  pieces?: TextPiece[];
  /** Characters of the block inside links: a block that is mostly links is navigation. */
  linkChars: number;
  /** Whether the element has attributes: without, no class or id can name it a meta line. */
  attributed: boolean;
  /** Whether the element is or is inside a <figure>, and the <tr> it is or is inside, within its own tree. */
  inFigure: boolean;
  row: Element | null;
}

/** Whether an element with attributes is hidden, or names itself site chrome. */
function isHiddenOrChrome(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  const className = element.getAttribute('class');
  if ((className && CHROME_NAME.test(className)) || (element.id && CHROME_NAME.test(element.id))) return true;
  const style = element.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function blockRole(block: RawBlock, text: string): BlockRole {
  const { element, tag } = block;
  if (tag === 'h1' || tag === 'h2' || tag === 'h3') return 'title';
  if (tag === 'figcaption' || tag === 'caption' || block.inFigure || CAPTION_TEXT.test(text)) return 'caption';
  if (text.length < 200) {
    // A labelled line ("來源:", "By …"), or a date among fields separated by bars.
    if (META_LABEL.test(text) || ((text.includes('|') || text.includes('｜')) && DATE.test(text))) return 'meta';
    if (block.attributed && META_NAME.test(`${typeof element.className === 'string' ? element.className : ''} ${element.id}`)) return 'meta';
  }
  return 'body';
}

function addText(blocks: RawBlock[], block: RawBlock, node: Text | Element, text: string, inLink: boolean): void {
  if (!text) return;
  // A block is listed when its first text arrives, which keeps blocks in the order of their text.
  const source = { node, offset: block.text.length };
  if (block.sources) {
    block.sources.push(source);
  } else {
    block.sources = [source];
    blocks.push(block);
  }
  block.text += text;
  if (inLink) block.linkChars += text.trim().length;
}

/** The siblings still to visit under one parent, and what they inherit from it. */
interface Level {
  next: Node | null;
  block: RawBlock | null;
  inLink: boolean;
  inFigure: boolean;
  row: Element | null;
}

/**
 * Text blocks in document order, entering open shadow roots; site chrome is left out. Walked a number of nodes
 * at a time, so that long pages can be read in slices (see readBilingualPageInSlices).
 *
 * Every DOM call costs much in the content script's isolated world, so the walk makes few per node: an element
 * with only text children, the usual paragraph, is read with one `textContent` call, and its text nodes are found
 * only if a range is made in it. What `closest()` would tell about a block (a figure or table row around it) is
 * carried down the walk instead.
 */
class BlockWalk {
  readonly blocks: RawBlock[] = [];
  private readonly levels: Level[];

  constructor(
    private readonly root: Node,
    private readonly shadowRoots: ShadowRoot[],
  ) {
    const above = root.parentElement;
    this.levels = [{ next: root, block: null, inLink: false, inFigure: !!above?.closest('figure'), row: above?.closest('tr') ?? null }];
  }

  /** Visits up to `count` nodes; false once every node has been. */
  step(count: number): boolean {
    const { levels, blocks, root } = this;
    let visited = 0;
    while (levels.length > 0 && visited < count) {
      const level = levels[levels.length - 1]!;
      const node = level.next;
      if (!node) {
        levels.pop();
        continue;
      }
      level.next = node === root ? null : node.nextSibling;
      visited += 1;
      const type = node.nodeType;
      if (type === 3) {
        if (level.block) addText(blocks, level.block, node as Text, (node as Text).data, level.inLink);
        continue;
      }
      if (type !== 1 && type !== 11) continue;
      let { block, inLink, inFigure, row } = level;
      let shadow: ShadowRoot | null = null;
      if (type === 1) {
        const element = node as Element;
        // `localName`, not `tagName`, which upper-cases HTML names on every read: that adds up over a long page.
        const tag = element.localName;
        if (SKIPPED_TAGS.has(tag)) continue;
        // Most elements of an article carry no attributes at all: nothing more to check.
        const attributed = element.hasAttributes();
        if (attributed && isHiddenOrChrome(element)) continue;
        if (tag === 'br') {
          if (block?.sources) block.text += '\n';
          continue;
        }
        if (BLOCK_TAGS.has(tag)) {
          if (tag === 'figure') inFigure = true;
          if (tag === 'tr') row = element;
          block = { element, tag, text: '', sources: null, linkChars: 0, attributed, inFigure, row };
        }
        if (tag === 'a') inLink = true;
        shadow = element.shadowRoot;
        // Text in a link is counted node by node (see addText), so links take the general way.
        if (!shadow && !inLink && element.childElementCount === 0) {
          if (block) addText(blocks, block, element, element.textContent ?? '', false);
          continue;
        }
      }
      const first = node.firstChild;
      if (first) levels.push({ next: first, block, inLink, inFigure, row });
      // A shadow root's content renders in place of the host's children, so it is read first. `closest()` does not
      // leave a shadow root: figures and rows around the host do not count inside it.
      if (shadow) {
        this.shadowRoots.push(shadow);
        levels.push({ next: shadow.firstChild, block, inLink, inFigure: false, row: null });
      }
    }
    return levels.length > 0;
  }
}

interface LanguageRun {
  side: Side;
  start: number;
  end: number;
}

// A Latin passage inside Chinese text is a passage of its own only when it is this long, or stands at the start or
// end of the block; shorter ones are names, acronyms and terms quoted in the Chinese sentence. Likewise a few Han
// characters inside English text stay English.
const MIN_LATIN_PASSAGE_WORDS = 4;
const MIN_LATIN_EDGE_WORDS = 2;
const MIN_HAN_PASSAGE_CHARS = 3;

/**
 * The language of a block's text when it is in one script only, which regular expressions settle without a loop
 * over every character; 'mixed' when it holds both, null when neither.
 */
function blockScript(text: string): Side | 'mixed' | null {
  HAN.lastIndex = 0;
  LATIN.lastIndex = 0;
  if (!HAN.test(text)) return LATIN.test(text) ? 'en' : null;
  return LATIN.test(text) ? 'mixed' : 'zh';
}

/**
 * Splits the text of a mixed paragraph or heading, which holds both scripts, into runs of one language, one for
 * each passage. Punctuation, digits and spaces belong to the run they follow.
 */
function languageRuns(text: string): LanguageRun[] {
  const raw: Array<LanguageRun & { weight: number }> = [];
  for (let index = 0; index < text.length; index += 1) {
    const side = scriptOfCode(text.charCodeAt(index));
    const last = raw[raw.length - 1];
    if (side === null || (last && last.side === side)) {
      if (last) {
        last.end = index + 1;
        if (side) last.weight += 1;
      }
    } else {
      raw.push({ side, start: index, end: index + 1, weight: 1 });
    }
  }
  // Fold short runs into their neighbours, then join neighbours of the same language.
  const isPassage = (run: LanguageRun & { weight: number }, position: number) => {
    if (run.side === 'zh') return run.weight >= MIN_HAN_PASSAGE_CHARS;
    const words = text.slice(run.start, run.end).match(/[A-Za-z]+/g)?.length ?? 0;
    const atEdge = position === 0 || position === raw.length - 1;
    return words >= MIN_LATIN_PASSAGE_WORDS || (atEdge && words >= MIN_LATIN_EDGE_WORDS);
  };
  const dominant = raw.reduce(
    (best, run) => (run.weight * (run.side === 'zh' ? 3 : 1) > best.weight * (best.side === 'zh' ? 3 : 1) ? run : best),
    raw[0] ?? { side: 'en' as Side, weight: 0, start: 0, end: 0 },
  );
  const runs: LanguageRun[] = [];
  for (const [position, run] of raw.entries()) {
    const side = isPassage(run, position) ? run.side : (runs[runs.length - 1]?.side ?? dominant.side);
    const last = runs[runs.length - 1];
    if (last && last.side === side) last.end = run.end;
    else runs.push({ side, start: run.start, end: run.end });
  }
  if (runs.length > 0) runs[0]!.start = 0;
  return runs;
}

/** The text nodes of a block's text with their offsets: elements read whole are looked into only now. */
function textPieces(block: RawBlock): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const { node, offset } of block.sources ?? []) {
    if (node.nodeType === 3) {
      pieces.push({ node: node as Text, offset });
      continue;
    }
    // The element's `textContent` was its text children's data in order (CDATA sections are text too).
    let at = offset;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 3 && child.nodeType !== 4) continue;
      const length = (child as Text).data.length;
      if (length > 0) pieces.push({ node: child as Text, offset: at });
      at += length;
    }
  }
  return pieces;
}

function rangeFor(block: RawBlock, start: number, end: number): Range {
  const pieces = (block.pieces ??= textPieces(block));
  const range = block.element.ownerDocument.createRange();
  // The page took the text away since it was read (it is read again once it settles): an empty range.
  if (pieces.length === 0) return range;
  // Offsets at a boundary between two text nodes start in the later node and end in the earlier one.
  const locate = (offset: number, atEnd: boolean): { node: Text; offset: number } => {
    for (const piece of pieces) {
      const length = piece.node.data.length;
      if (offset >= piece.offset && (offset < piece.offset + length || (atEnd && offset === piece.offset + length))) {
        return { node: piece.node, offset: offset - piece.offset };
      }
    }
    const last = pieces[pieces.length - 1]!;
    return { node: last.node, offset: last.node.data.length };
  };
  const from = locate(start, false);
  const to = locate(end, true);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** A passage of one language in a block read from the page: a block of its side. */
interface RunBlock extends TextBlock {
  raw: RawBlock;
  /** Offset of the run's first character in the raw block's text. */
  start: number;
}

/**
 * A sentence whose DOM range is made when first asked for: a page has thousands of sentences, a reader hovers a
 * few, and every live Range costs time to make and slows the page's own DOM changes.
 */
class LazySentence implements PageSentence {
  private made: Range[] | undefined;
  constructor(
    readonly text: string,
    readonly block: number,
    private readonly source: RawBlock,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get ranges(): Range[] {
    this.made ??= [rangeFor(this.source, this.start, this.end)];
    return this.made;
  }
}

// Article text inside shadow roots is looked for only where the light DOM holds little text: web-component
// sites keep little outside their components, and scanning every element of a long page would cost too much.
const MAX_LIGHT_TEXT_FOR_SHADOW_SEARCH = 20_000;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;

/** The text of the open shadow roots under `root`. */
function shadowText(root: Element): string {
  let text = '';
  for (const element of root.getElementsByTagName('*')) {
    if (element.shadowRoot) text += element.shadowRoot.textContent ?? '';
  }
  return text;
}

/** Whether `pattern` matches at least `count` times; stops as soon as it does. */
function hasAtLeast(text: string, pattern: RegExp, count: number): boolean {
  pattern.lastIndex = 0;
  for (let found = 0; found < count; found += 1) if (!pattern.exec(text)) return false;
  return true;
}

/** hasAtLeast over the texts joined, without joining them: the first few of thousands usually settle it. */
function textsHaveAtLeast(texts: string[], pattern: RegExp, count: number): boolean {
  let found = 0;
  for (const text of texts) {
    pattern.lastIndex = 0;
    while (found < count && pattern.exec(text)) found += 1;
    if (found >= count) return true;
  }
  return false;
}

/** The first `length` characters of the texts joined, joining no more of them than that takes. */
function joinedStart(texts: string[], length: number): string {
  let joined = '';
  for (let k = 0; k < texts.length && joined.length < length; k += 1) joined += texts[k];
  return joined.slice(0, length);
}

/** Enough Han and enough Latin letters for two versions of an article, and not Japanese. Regular expressions stop early, so a page with no Chinese costs one scan. */
function looksBilingual(text: string): boolean {
  if (!hasAtLeast(text, HAN, MIN_HAN_CHARS) || !hasAtLeast(text, LATIN, MIN_LATIN_LETTERS)) return false;
  if (!KANA.test(text)) return true;
  // Kana beside Han means Japanese, which borrows Chinese characters.
  const counts = countScripts(text);
  return counts.kana <= counts.han * 0.05 + 5;
}

function quickLook(root: Document | Element | ShadowRoot): boolean {
  const start = (root as Document).body ?? root;
  const text = start.textContent ?? '';
  if (looksBilingual(text)) return true;
  return text.length < MAX_LIGHT_TEXT_FOR_SHADOW_SEARCH && start instanceof Element && looksBilingual(text + shadowText(start));
}

/** The two sides of the page, a block at a time. */
class PageBuilder {
  readonly sides: Record<Side, RunBlock[]> = { zh: [], en: [] };
  readonly blockPairs: Array<[number, number]> = [];
  readonly blockOrder: BlockPlace[] = [];

  add(raw: RawBlock): void {
    const trimmed = raw.text.trim();
    if (!trimmed) return;
    const role = blockRole(raw, trimmed);
    // Blocks that are mostly links are menus and lists of other articles, not the article.
    if (raw.linkChars > trimmed.length * 0.6 && role !== 'title') return;
    const script = blockScript(raw.text);
    if (script === null) return;
    if (script !== 'mixed') {
      this.addRun(raw, role, script, 0, raw.text.length);
      return;
    }
    // Every run holds letters of its language (see languageRuns), so every run makes a block.
    const runs = languageRuns(raw.text);
    const blocks = runs.map(({ side, start, end }) => this.addRun(raw, role, side, start, end));
    // A paragraph that holds a passage in each language pairs them (mixed layout).
    if (runs.length === 2) this.blockPairs.push(runs[0]!.side === 'zh' ? [blocks[0]!, blocks[1]!] : [blocks[1]!, blocks[0]!]);
  }

  /** Adds the run to its side as a block; returns the block's index there. */
  private addRun(raw: RawBlock, role: BlockRole, side: Side, start: number, end: number): number {
    const blocks = this.sides[side];
    const blockIndex = blocks.length;
    blocks.push({ text: raw.text.slice(start, end), role, raw, start });
    this.blockOrder.push({ side, block: blockIndex, row: raw.row });
    return blockIndex;
  }
}

/**
 * A bilingual page as read from the DOM, before its sentences are known: the text to split and align, and what
 * maps the sentences back to the DOM.
 */
export class PageReading {
  readonly text: PageText;
  constructor(
    private readonly blocks: Record<Side, RunBlock[]>,
    blockPairs: Array<[number, number]>,
    readonly zhScript: ChineseScript,
    readonly shadowRoots: ShadowRoot[],
  ) {
    // Only text and role cross to the background: the other fields hold DOM nodes.
    const textBlocks = (side: Side) => ({ blocks: blocks[side].map(({ text, role }) => ({ text, role })) });
    this.text = { zh: textBlocks('zh'), en: textBlocks('en'), blockPairs };
  }

  /** The page with its sentences, split from `text`; their ranges are made when first asked for. */
  withSentences(sentences: PageSentences): BilingualPage {
    const side = (s: Side): PageSide => {
      const blocks = this.blocks[s];
      return {
        blocks: blocks.map(({ raw, role }) => ({ element: raw.element, role })),
        sentences: sentences[s].map(({ text, block, start, end }) => {
          const run = blocks[block]!;
          return new LazySentence(text, block, run.raw, run.start + start, run.start + end);
        }),
      };
    };
    return { zh: side('zh'), en: side('en'), zhScript: this.zhScript, blockPairs: this.text.blockPairs, shadowRoots: this.shadowRoots };
  }
}

// The work between two chances to pause the reading. The loops live in plain functions and methods, not in the
// generator: the engine optimises those while they run, which it does not do for a generator's own loop.
const NODES_PER_STEP = 400;
const BLOCKS_PER_STEP = 100;

function* readSteps(root: Document | Element | ShadowRoot): Generator<void, PageReading | null> {
  if (!quickLook(root)) return null;
  const start = (root as Document).body ?? root;
  const shadowRoots: ShadowRoot[] = [];
  const walk = new BlockWalk(start, shadowRoots);
  while (walk.step(NODES_PER_STEP)) yield;
  const { blocks } = walk;
  const page = new PageBuilder();
  for (let index = 0; index < blocks.length; index += 1) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    page.add(blocks[index]!);
  }
  const { sides, blockPairs } = page;
  const zhTexts = sides.zh.map((block) => block.text);
  if (!textsHaveAtLeast(zhTexts, HAN, MIN_HAN_CHARS) || !textsHaveAtLeast(sides.en.map((block) => block.text), LATIN, MIN_LATIN_LETTERS)) return null;

  blockPairs.push(...layoutPairs(page.blockOrder, blockPairs));
  // A sample decides the script: the first few thousand characters carry plenty of telling ones.
  return new PageReading(sides, blockPairs, detectChineseScript(joinedStart(zhTexts, 5_000)), shadowRoots);
}

/** A block of one side, in document order, with the table row it is in. */
interface BlockPlace {
  side: Side;
  block: number;
  row: Element | null;
}

/**
 * Pairs that the layout implies: the cells of one table row, and paragraphs that alternate between the two
 * languages one by one. Stacked and side-by-side articles imply none; the aligner finds those.
 */
function layoutPairs(order: BlockPlace[], known: Array<[number, number]>): Array<[number, number]> {
  const pairedZh = new Set(known.map(([z]) => z));
  const pairs: Array<[number, number]> = [];
  const body = order.filter((o) => !(o.side === 'zh' && pairedZh.has(o.block)));
  // Table rows: a Chinese cell and an English cell under one <tr>.
  const rows = new Map<Element, { zh?: number; en?: number }>();
  for (const o of body) {
    const row = o.row;
    if (!row) continue;
    const entry = rows.get(row) ?? {};
    entry[o.side] ??= o.block;
    rows.set(row, entry);
  }
  for (const { zh, en } of rows.values()) if (zh !== undefined && en !== undefined) pairs.push([zh, en]);
  if (pairs.length > 0) return pairs;
  // Alternating paragraphs: most neighbours differ in language.
  let switches = 0;
  for (let k = 1; k < body.length; k += 1) if (body[k]!.side !== body[k - 1]!.side) switches += 1;
  if (body.length < 4 || switches < (body.length - 1) * 0.7) return [];
  for (let k = 0; k + 1 < body.length; k += 1) {
    const a = body[k]!;
    const b = body[k + 1]!;
    if (a.side === b.side) continue;
    pairs.push(a.side === 'zh' ? [a.block, b.block] : [b.block, a.block]);
    k += 1;
  }
  return pairs;
}

/** Reads the page in one go and splits its sentences in place: for tests and the command line. */
export function readBilingualPage(root: Document | Element | ShadowRoot): BilingualPage | null {
  const steps = readSteps(root);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value && step.value.withSentences(splitPage(step.value.text));
  }
}

export interface SlicedReading {
  reading: PageReading | null;
  /** Main-thread time spent reading, pauses excluded. */
  busyMs: number;
  longestSliceMs: number;
}

/**
 * Reads the page in slices of about `sliceMs`, giving the page's own work a turn between them, so that a long
 * page never holds the main thread for long.
 */
export async function readBilingualPageInSlices(root: Document | Element | ShadowRoot, sliceMs = 12): Promise<SlicedReading> {
  const steps = readSteps(root);
  let busyMs = 0;
  let longestSliceMs = 0;
  for (;;) {
    const sliceStart = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - sliceStart < sliceMs) step = steps.next();
    const slice = performance.now() - sliceStart;
    busyMs += slice;
    longestSliceMs = Math.max(longestSliceMs, slice);
    if (step.done) return { reading: step.value, busyMs, longestSliceMs };
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
