/**
 * The one message protocol between the extension's contexts. Every message is `{ type, payload }`; every answer
 * is `{ ok: true, value }` or `{ ok: false, error: { name, message } }`, so an error thrown on one side is
 * rethrown as an Error on the other. Everything that arrives is checked before it is used: its type is one of the
 * listener's own (an own property, so that `constructor` or `toString` is no type), its payload has that type's
 * shape, and its sender is the kind that type may come from. What the browser says of the sender (the tab, the
 * page's address and title) is taken from the browser, never from the payload, which the page could shape.
 */
import { browser } from 'wxt/browser';
import type { AlignResult } from './align/types';
import type { PageText, SentencePlaces, TextBlock } from './page/split-page';
import type { BlocksInView, ChineseScript } from './page/types';
import { DISPLAY_SCRIPTS, type DisplayScript } from './settings/schema';

/**
 * A page's blocks to split into sentences and align: the splitting is the background's, off the page's thread. The
 * page's address and title are the sender's, as the browser gives them (`Sender`).
 */
export interface AlignPageMessage {
  page: PageText;
  zhScript: ChineseScript;
  /** How the reader chose to see Chinese: the worker converts what is shown, the page is never changed. */
  displayScript: DisplayScript;
  /** The blocks in the reader's view, for a long page to be aligned there first. */
  view?: BlocksInView;
  /**
   * Where the page's text came ahead in `pageBlocks` messages: how many blocks of each side did. `page` then holds
   * none of them; the blocks are the parts' in the order sent.
   */
  blocksSentAhead?: BlockCounts;
}

export interface BlockCounts {
  zh: number;
  en: number;
  zhAlt: number;
}

/**
 * Blocks of a long page's text, sent ahead of its `alignPage` message. A message is serialised on the page's main
 * thread in one task: the text of a page of 10,000 paragraphs a language (6.4 M characters) took Chromium 100 to 200 ms
 * to serialise, so the text goes in parts, with a pause between them.
 */
export interface PageBlocksMessage {
  /** The first part of a page's text: what an earlier reading of the page sent goes. */
  first: boolean;
  side: keyof BlockCounts;
  blocks: TextBlock[];
}

/**
 * The most characters of page text one message carries (a block longer than that goes alone): a part of 250,000 took
 * Chromium 54 ms to send at load 7 on 2 cores, the content script's longest task on the 10,000-paragraph page.
 */
export const MESSAGE_TEXT_CHARS = 100_000;

/**
 * The messages that carry a page's text: the page's `alignPage` request alone where the text is short, else the
 * blocks in parts of at most `maxChars` characters, then the request with the blocks left out.
 */
export function pageTextMessages(request: AlignPageMessage, maxChars = MESSAGE_TEXT_CHARS): { parts: PageBlocksMessage[]; request: AlignPageMessage } {
  const { page } = request;
  const sides: Array<[keyof BlockCounts, TextBlock[]]> = [
    ['zh', page.zh.blocks],
    ['en', page.en.blocks],
    ['zhAlt', page.zhAlt?.blocks ?? []],
  ];
  let total = 0;
  for (const [, blocks] of sides) for (const block of blocks) total += block.text.length;
  if (total <= maxChars) return { parts: [], request };
  const parts: PageBlocksMessage[] = [];
  for (const [side, blocks] of sides) {
    let part: TextBlock[] = [];
    let chars = 0;
    const send = () => {
      if (part.length > 0) parts.push({ first: parts.length === 0, side, blocks: part });
      part = [];
      chars = 0;
    };
    for (const block of blocks) {
      if (chars > 0 && chars + block.text.length > maxChars) send();
      part.push(block);
      chars += block.text.length;
    }
    send();
  }
  return {
    parts,
    request: {
      ...request,
      page: { ...page, zh: { blocks: [] }, en: { blocks: [] }, ...(page.zhAlt ? { zhAlt: { ...page.zhAlt, blocks: [] } } : {}) },
      blocksSentAhead: { zh: page.zh.blocks.length, en: page.en.blocks.length, zhAlt: page.zhAlt?.blocks.length ?? 0 },
    },
  };
}


/** The paired Chinese version's sentences as the reader chose to see them, where that is not as on the page. */
export interface ChineseDisplay {
  script: ChineseScript;
  sentences: string[];
}

export interface AlignPageAnswer {
  /** Where each sentence stands in the blocks the page sent: the page has the text already. */
  sentences: SentencePlaces;
  /**
   * Whether the two texts are translations of each other. The verdict is the worker's, where the result is kept:
   * when they are not, nothing is kept for the tab, so the popup and the side panel show nothing either.
   */
  related: boolean;
  result: AlignResult;
  /** The other Chinese version's alignment to the English, where the page carries two. */
  altResult: AlignResult | null;
  zhDisplay: ChineseDisplay | null;
  splitMs: number;
  alignMs: number;
  /**
   * False when `result` holds only the beads around the view of a long page (and `related` is the verdict on them):
   * the rest is under way, and `alignRest` answers with the whole.
   */
  complete: boolean;
}

/** The whole alignment of a long page, whose part in view came first. */
export interface AlignRestAnswer {
  related: boolean;
  result: AlignResult;
  altResult: AlignResult | null;
  /** The worker's time aligning, pauses excluded, and from the first chunk to the last. */
  alignMs: number;
  wholeMs: number;
}

/** A bead to bring into view in the page, by sentence indices. */
export interface RevealBeadMessage {
  zh: number[];
  en: number[];
}

/** The bead under the reader's pointer on the page, by sentence indices, for the side panel to follow. */
export interface BeadHoveredMessage {
  zh: number[];
  en: number[];
}

/**
 * What the content script decided about its page and what it measured, kept out of the page (where any script
 * could read it) and given only to the extension's own contexts: tests and benchmarks ask for it through them.
 */
export interface PageFindings {
  /** 'reading' until the page is read; 'off' where the reader switched Parallax off for the site. */
  state: 'reading' | 'off' | 'not-bilingual' | 'aligning' | 'ready' | 'unrelated' | 'error';
  zhSentences?: number;
  enSentences?: number;
  pairs?: number;
  unmatched?: number;
  /** The worker's time splitting the sentences and aligning them. */
  splitMs?: number;
  alignMs?: number;
  /** False while only the part of a long page around the view is aligned. */
  complete?: boolean;
  /** The worker's time aligning the first answer: the part around the view of a long page, else the whole. */
  firstAlignMs?: number;
  /** Milliseconds from the start of navigation until the page was read, and until the worker's first answer came. */
  readAtMs?: number;
  answeredAtMs?: number;
  /** Milliseconds from the start of navigation until hovering worked. */
  readyMs?: number;
  /** Milliseconds from the start of navigation until the whole page was aligned (later than `readyMs` on a long page). */
  alignedAllMs?: number;
  /** Main-thread time reading the page (pauses excluded), the part of it finding the article, its longest slice. */
  readPageMs?: number;
  findArticleMs?: number;
  longestSliceMs?: number;
  /** The part of `readPageMs` spent making the worker's sentences into the page's own. */
  makeSentencesMs?: number;
  /** The longest task of sending the page's text to the worker (the browser serialising a message), in `longestSliceMs`. */
  longestSendMs?: number;
}

/** Messages handled by the background. */
export interface BackgroundProtocol {
  alignPage(message: AlignPageMessage): AlignPageAnswer;
  /** Part of a long page's text, ahead of its `alignPage` message. */
  pageBlocks(message: PageBlocksMessage): void;
  /** The rest of the long page whose part in view `alignPage` answered first, once aligned. */
  alignRest(message: Record<string, never>): AlignRestAnswer;
  /**
   * The quick look found both languages on the tab's page, whose `alignPage` will follow once the page is read: the
   * worker starts loading its dictionary meanwhile.
   */
  pageLooksBilingual(message: Record<string, never>): void;
  /** The tab's page is no longer aligned (switched off, its view replaced, or found not bilingual): forget its result. */
  pageCleared(message: Record<string, never>): void;
}

/** Messages handled by the content script of a tab. */
export interface ContentProtocol {
  revealBead(message: RevealBeadMessage): boolean;
  pageFindings(message: Record<string, never>): PageFindings;
}

/**
 * Messages handled by the side panel (Chrome's side panel, Firefox's sidebar). The content script broadcasts them
 * with `notifySidePanel`; each open panel keeps only those from the tab it shows.
 */
export interface SidePanelProtocol {
  beadHovered(message: BeadHoveredMessage): void;
}

type Protocol = BackgroundProtocol & ContentProtocol & SidePanelProtocol;

/**
 * Who may send each message: the content script of a tab's top frame (the only frame it runs in: a script in a
 * frame is either not ours or a page's frame we never read), or the extension's own worker and pages.
 */
type SenderKind = 'top-frame' | 'extension';
const SENT_BY: { [T in keyof Protocol]: SenderKind } = {
  alignPage: 'top-frame',
  pageBlocks: 'top-frame',
  alignRest: 'top-frame',
  pageLooksBilingual: 'top-frame',
  pageCleared: 'top-frame',
  beadHovered: 'top-frame',
  revealBead: 'extension',
  pageFindings: 'extension',
};

/** The browser's account of a message's sender (runtime.MessageSender), the part this protocol reads. */
export interface BrowserSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; title?: string };
}

/** The sender as handlers see it: for a content script, its tab and the page's address and title. */
export interface Sender {
  tabId?: number;
  url?: string;
  title?: string;
}

/**
 * Which kind of sender the browser says this is, or null for one no message may come from: another extension, or a
 * frame below the top. An extension page opened in a tab (the side panel in a tab of its own) has a tab too, and
 * is told apart by its address.
 */
export function senderKind(sender: BrowserSender, runtime: { id: string; extensionOrigin: string }): SenderKind | null {
  if (sender.id !== runtime.id) return null;
  if (sender.tab === undefined || sender.url?.startsWith(runtime.extensionOrigin)) return 'extension';
  return sender.frameId === 0 && sender.tab.id !== undefined ? 'top-frame' : null;
}
type MessageType = keyof Protocol;
type PayloadOf<T extends MessageType> = Parameters<Protocol[T]>[0];
type AnswerOf<T extends MessageType> = ReturnType<Protocol[T]>;

interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: PayloadOf<T>;
}

type Answer<V> = { ok: true; value: V } | { ok: false; error: { name: string; message: string } };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndexArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v) && (v as number) >= 0);
}

const BLOCK_ROLES = new Set(['title', 'meta', 'caption', 'body']);

function isTextSide(value: unknown): boolean {
  return (
    isRecord(value) &&
    Array.isArray(value.blocks) &&
    value.blocks.every((b) => isRecord(b) && typeof b.text === 'string' && typeof b.role === 'string' && BLOCK_ROLES.has(b.role))
  );
}

function isBlockSpan(value: unknown): boolean {
  return value === null || (isIndexArray(value) && value.length === 2 && value[0]! <= value[1]!);
}

function isBlockPairs(value: unknown): boolean {
  return Array.isArray(value) && value.every((pair) => isIndexArray(pair) && pair.length === 2);
}

const validators: { [T in MessageType]: (payload: unknown) => payload is PayloadOf<T> } = {
  alignPage: (p): p is AlignPageMessage =>
    isRecord(p) &&
    isRecord(p.page) &&
    isTextSide(p.page.zh) &&
    isTextSide(p.page.en) &&
    isBlockPairs(p.page.blockPairs) &&
    (p.page.zhAlt === undefined || (isTextSide(p.page.zhAlt) && isBlockPairs((p.page.zhAlt as Record<string, unknown>).blockPairs))) &&
    (p.zhScript === 'Hant' || p.zhScript === 'Hans') &&
    (DISPLAY_SCRIPTS as readonly unknown[]).includes(p.displayScript) &&
    (p.view === undefined || (isRecord(p.view) && isBlockSpan(p.view.zh) && isBlockSpan(p.view.en))) &&
    (p.blocksSentAhead === undefined || (isRecord(p.blocksSentAhead) && isIndexArray([p.blocksSentAhead.zh, p.blocksSentAhead.en, p.blocksSentAhead.zhAlt]))),
  pageBlocks: (p): p is PageBlocksMessage =>
    isRecord(p) && typeof p.first === 'boolean' && (p.side === 'zh' || p.side === 'en' || p.side === 'zhAlt') && isTextSide({ blocks: p.blocks }),
  alignRest: (p): p is Record<string, never> => isRecord(p) && Object.keys(p).length === 0,
  revealBead: (p): p is RevealBeadMessage => isRecord(p) && isIndexArray(p.zh) && isIndexArray(p.en),
  beadHovered: (p): p is BeadHoveredMessage => isRecord(p) && isIndexArray(p.zh) && isIndexArray(p.en) && p.zh.length + p.en.length > 0,
  pageLooksBilingual: (p): p is Record<string, never> => isRecord(p) && Object.keys(p).length === 0,
  pageCleared: (p): p is Record<string, never> => isRecord(p) && Object.keys(p).length === 0,
  pageFindings: (p): p is Record<string, never> => isRecord(p) && Object.keys(p).length === 0,
};

/** A message's type, when it is a string that names one of `types`' own entries (never an inherited name). */
function ownType<K extends string>(message: unknown, types: Partial<Record<K, unknown>>): K | null {
  return isRecord(message) && typeof message.type === 'string' && Object.hasOwn(types, message.type) ? (message.type as K) : null;
}

export function isEnvelope(message: unknown): message is Envelope {
  const type = ownType<MessageType>(message, validators);
  return type !== null && validators[type]((message as Record<string, unknown>).payload);
}

/**
 * The other side went away before it answered: most often Chrome stopped the extension's worker mid-task (it stops
 * one that runs long, or when it needs the memory). The message may be sent again: that starts a new worker.
 */
export class ConnectionLostError extends Error {
  override name = 'ConnectionLostError';
}

function unwrap<V>(answer: unknown): V {
  if (!isRecord(answer) || typeof answer.ok !== 'boolean') throw new ConnectionLostError('No answer from the other side of the extension.');
  if (answer.ok) return answer.value as V;
  const error = isRecord(answer.error) ? answer.error : {};
  const rethrown = new Error(typeof error.message === 'string' ? error.message : 'Unknown error');
  rethrown.name = typeof error.name === 'string' ? error.name : 'Error';
  throw rethrown;
}

export function serializeError(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

export async function sendToBackground<T extends keyof BackgroundProtocol>(type: T, payload: PayloadOf<T>): Promise<AnswerOf<T>> {
  // The browser rejects the message itself only when the channel closed without an answer: errors the handler
  // throws come back as answers.
  const answer = await browser.runtime.sendMessage({ type, payload }).catch((error: unknown) => {
    throw new ConnectionLostError(error instanceof Error ? error.message : String(error));
  });
  return unwrap<AnswerOf<T>>(answer);
}

export async function sendToTab<T extends keyof ContentProtocol>(tabId: number, type: T, payload: PayloadOf<T>): Promise<AnswerOf<T>> {
  return unwrap<AnswerOf<T>>(await browser.tabs.sendMessage(tabId, { type, payload }));
}

/**
 * Tells the side panel, if one is open, what the page is doing. No panel open is the usual case, not an error: the
 * browser's "no receiving end" rejection is swallowed, so a content script can call this on every hover.
 */
export async function notifySidePanel<T extends keyof SidePanelProtocol>(type: T, payload: PayloadOf<T>): Promise<void> {
  await browser.runtime.sendMessage({ type, payload }).catch(() => undefined);
}

export type Handlers<P> = {
  [T in keyof P]: P[T] extends (payload: infer A) => infer R ? (payload: A, sender: Sender) => R | Promise<R> : never;
};

/**
 * Listens for the messages of one protocol. Messages of other types are left to other listeners; malformed ones
 * of a known type, and ones from a sender that type may not come from, are answered with an error. Returns a
 * function that stops listening, for pages that come and go.
 */
export function handleMessages<P extends BackgroundProtocol | ContentProtocol | SidePanelProtocol>(handlers: Handlers<P>): () => void {
  const runtime = { id: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  // `sendResponse` and `return true` rather than a returned Promise: both the polyfill and WXT's fake browser in
  // unit tests deliver it.
  const listener = (message: unknown, sender: BrowserSender, sendResponse: (answer: Answer<unknown>) => void) => {
    const type = ownType<MessageType>(message, handlers as Partial<Record<MessageType, unknown>>);
    if (type === null) return undefined;
    const answer = async (): Promise<Answer<unknown>> => {
      if (senderKind(sender, runtime) !== SENT_BY[type]) return { ok: false, error: { name: 'SecurityError', message: `A ${type} message may not come from there.` } };
      if (!isEnvelope(message)) return { ok: false, error: { name: 'TypeError', message: `Malformed ${type} message.` } };
      try {
        const handler = handlers[type as keyof Handlers<P>] as (payload: unknown, sender: Sender) => unknown;
        const from: Sender = SENT_BY[type] === 'top-frame' ? { tabId: sender.tab?.id, url: sender.url ?? sender.tab?.url, title: sender.tab?.title } : {};
        return { ok: true, value: await handler(message.payload, from) };
      } catch (error) {
        return { ok: false, error: serializeError(error) };
      }
    };
    void answer().then(sendResponse);
    return true as const;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
