/**
 * The walk over the page's DOM: text blocks in document order, each with the tree of block elements above it,
 * which the article finder scores. Site chrome that names itself (tags, ARIA roles, class names) and hidden
 * elements are left out here; the rest of the chrome is weighed in article.ts.
 */

/** The extension's own UI host: never read as page content. */
export const UI_HOST_TAG = 'parallax-ui';

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'video', 'audio', 'code', 'pre',
  'kbd', 'samp', 'textarea', 'input', 'select', 'option', 'button', 'form', 'nav', 'header', 'footer', 'aside',
  'menu', 'dialog', 'summary', 'head', 'title', UI_HOST_TAG,
]);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'dialog', 'alert', 'search', 'toolbar']);
// Class or id words of site chrome that is not marked up semantically: navigation, promotions, bylines and
// datelines, learning sites' vocabulary boxes, QR-code prompts and disclaimers. Short, common words count only
// where they begin or end a class name ("nav-bar", "site-nav"), not inside one ("js-code-nav-container" holds a
// README); the others count anywhere between dashes ("article-byline-row"). Class names are split into their
// parts rather than searched by one pattern: a pattern that looks for a word at a name's end backtracks over every
// character of every class name of every element the walk meets.
const CHROME_EDGE_WORDS = new Set('nav navbar menu header footer meta ad ads share social promo banner related toolbar keyword keywords'.split(' '));
const CHROME_WORDS =
  'breadcrumbs?|masthead|cookies?|consent|gdpr|sidebar|recommend(?:ed)?|comments?|subscribe|newsletter|advert|pagination|lang(?:uage)?-?(?:switch|select)(?:er)?|byline|dateline|timestamp|(?:article|post)-info|vocab(?:ulary)?|glossary|words?-?(?:box|list|item|example|card)s?|qr-?code|disclaimer|declare|copyright';
const CHROME_WORD_ANYWHERE = new RegExp(`(?:^|[\\s_-])(?:${CHROME_WORDS})(?=$|[\\s_-])`, 'i');

function namesChrome(name: string): boolean {
  if (CHROME_WORD_ANYWHERE.test(name)) return true;
  for (const token of name.toLowerCase().split(/\s+/)) {
    if (!token) continue;
    const parts = token.split(/[-_]/);
    if (CHROME_EDGE_WORDS.has(parts[0]!) || CHROME_EDGE_WORDS.has(parts[parts.length - 1]!)) return true;
  }
  return false;
}
// The article's own header (headline, standfirst) is named like the site's: "article-header", "entry-header".
const ARTICLE_HEADER_NAME = /(?:article|post|entry|story|content)[-_]?(?:header|head)\b/i;

const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figcaption', 'td', 'th', 'dd', 'dt', 'section',
  'article', 'main', 'body', 'figure', 'caption', 'ul', 'ol', 'table', 'tr', 'tbody', 'dl', 'address', 'center',
]);

/** A text node, or an element with only text children, whose text was read at once (see BlockWalk). */
export interface TextSource {
  node: Text | Element;
  /** Offset of the source's first character in the block's text. */
  offset: number;
}

/**
 * A block element met on the walk: one with text of its own is a text block; every one is a node of the tree the
 * article finder scores (a container of other blocks).
 */
export interface RawBlock {
  element: Element;
  /** The element's `localName`. */
  tag: string;
  /** The nearest block element around this one, within the walk. */
  parent: RawBlock | null;
  text: string;
  /** Null until the block's first text: most blocks have one source, and an array made empty grows by many. */
  sources: TextSource[] | null;
  /** Characters of the block inside links: a block that is mostly links is navigation. */
  linkChars: number;
  /** Whether the element has attributes: without, no class or id can name it a meta line. */
  attributed: boolean;
  /** Whether the element is or is inside a <figure>, and the <tr> it is or is inside, within its own tree. */
  inFigure: boolean;
  row: Element | null;
  /** The `lang` of the element or the nearest element above it that has one, lower-cased; '' when none. */
  lang: string;
}

/** Whether an element with attributes is hidden, or names itself site chrome. */
function isHiddenOrChrome(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  const name = `${element.getAttribute('class') ?? ''} ${element.id}`;
  if (namesChrome(name) && !ARTICLE_HEADER_NAME.test(name)) return true;
  const style = element.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
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
  lang: string;
  /** Inside an article, main or section element, where a <header> is the article's own (headline, standfirst). */
  sectioned: boolean;
}

const SECTIONING_TAGS = new Set(['article', 'main', 'section']);

/**
 * Text blocks in document order, entering open shadow roots. Walked a number of nodes at a time, so that long
 * pages can be read in slices (see readBilingualPageInSlices).
 *
 * Every DOM call costs much in the content script's isolated world, so the walk makes few per node: an element
 * with only text children, the usual paragraph, is read with one `textContent` call, and its text nodes are found
 * only if a range is made in it. What `closest()` would tell about a block (a figure or table row around it, its
 * language) is carried down the walk instead.
 */
export class BlockWalk {
  readonly blocks: RawBlock[] = [];
  private readonly levels: Level[];

  constructor(
    private readonly root: Node,
    private readonly shadowRoots: ShadowRoot[],
  ) {
    const above = root.parentElement;
    const lang = (above?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
    this.levels = [
      { next: root, block: null, inLink: false, inFigure: !!above?.closest('figure'), row: above?.closest('tr') ?? null, lang, sectioned: !!above?.closest('article, main, section') },
    ];
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
      let { block, inLink, inFigure, row, lang, sectioned } = level;
      let shadow: ShadowRoot | null = null;
      if (type === 1) {
        const element = node as Element;
        // `localName`, not `tagName`, which upper-cases HTML names on every read: that adds up over a long page.
        const tag = element.localName;
        // A header is the site's banner unless it stands inside an article or a section (as ARIA maps it).
        if (SKIPPED_TAGS.has(tag) && !(tag === 'header' && sectioned)) continue;
        if (SECTIONING_TAGS.has(tag)) sectioned = true;
        // Most elements of an article carry no attributes at all: nothing more to check.
        const attributed = element.hasAttributes();
        if (attributed) {
          if (isHiddenOrChrome(element)) continue;
          const own = element.getAttribute('lang');
          if (own !== null) lang = own.toLowerCase();
        }
        if (tag === 'br') {
          if (block?.sources) block.text += '\n';
          continue;
        }
        if (BLOCK_TAGS.has(tag)) {
          if (tag === 'figure') inFigure = true;
          if (tag === 'tr') row = element;
          block = { element, tag, parent: block, text: '', sources: null, linkChars: 0, attributed, inFigure, row, lang };
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
      if (first) levels.push({ next: first, block, inLink, inFigure, row, lang, sectioned });
      // A shadow root's content renders in place of the host's children, so it is read first. `closest()` does not
      // leave a shadow root: figures and rows around the host do not count inside it.
      if (shadow) {
        this.shadowRoots.push(shadow);
        levels.push({ next: shadow.firstChild, block, inLink, inFigure: false, row: null, lang, sectioned });
      }
    }
    return levels.length > 0;
  }
}
