/**
 * The one message protocol between the extension's contexts. Every message is `{ type, payload }`; every answer
 * is `{ ok: true, value }` or `{ ok: false, error: { name, message } }`, so an error thrown on one side is
 * rethrown as an Error on the other. Everything that arrives is checked before it is used.
 */
import { browser } from 'wxt/browser';
import type { AlignResult } from './align/types';
import type { PageText, SentencePlaces } from './page/split-page';
import type { ChineseScript } from './page/types';
import { DISPLAY_SCRIPTS, type DisplayScript } from './settings/schema';

/** A page's blocks to split into sentences and align: the splitting is the background's, off the page's thread. */
export interface AlignPageMessage {
  page: PageText;
  url: string;
  title: string;
  zhScript: ChineseScript;
  /** How the reader chose to see Chinese: the worker converts what is shown, the page is never changed. */
  displayScript: DisplayScript;
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
  /** Milliseconds from the start of navigation until hovering worked. */
  readyMs?: number;
  /** Main-thread time reading the page (pauses excluded), the part of it finding the article, its longest slice. */
  readPageMs?: number;
  findArticleMs?: number;
  longestSliceMs?: number;
  /** The part of `readPageMs` spent making the worker's sentences into the page's own. */
  makeSentencesMs?: number;
}

/** Messages handled by the background. */
export interface BackgroundProtocol {
  alignPage(message: AlignPageMessage): AlignPageAnswer;
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
    typeof p.url === 'string' &&
    typeof p.title === 'string' &&
    (p.zhScript === 'Hant' || p.zhScript === 'Hans') &&
    (DISPLAY_SCRIPTS as readonly unknown[]).includes(p.displayScript),
  revealBead: (p): p is RevealBeadMessage => isRecord(p) && isIndexArray(p.zh) && isIndexArray(p.en),
  beadHovered: (p): p is BeadHoveredMessage => isRecord(p) && isIndexArray(p.zh) && isIndexArray(p.en) && p.zh.length + p.en.length > 0,
  pageCleared: (p): p is Record<string, never> => isRecord(p) && Object.keys(p).length === 0,
  pageFindings: (p): p is Record<string, never> => isRecord(p) && Object.keys(p).length === 0,
};

export function isEnvelope(message: unknown): message is Envelope {
  if (!isRecord(message) || typeof message.type !== 'string' || !(message.type in validators)) return false;
  return validators[message.type as MessageType](message.payload);
}

function unwrap<V>(answer: unknown): V {
  if (!isRecord(answer) || typeof answer.ok !== 'boolean') throw new Error('No answer from the other side of the extension.');
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
  return unwrap<AnswerOf<T>>(await browser.runtime.sendMessage({ type, payload }));
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
  [T in keyof P]: P[T] extends (payload: infer A) => infer R ? (payload: A, sender: { tabId?: number }) => R | Promise<R> : never;
};

/**
 * Listens for the messages of one protocol. Messages of other types are left to other listeners; malformed ones
 * of a known type are answered with an error. Returns a function that stops listening, for pages that come and go.
 */
export function handleMessages<P extends BackgroundProtocol | ContentProtocol | SidePanelProtocol>(handlers: Handlers<P>): () => void {
  // `sendResponse` and `return true` rather than a returned Promise: both the polyfill and WXT's fake browser in
  // unit tests deliver it.
  const listener = (message: unknown, sender: { tab?: { id?: number } }, sendResponse: (answer: Answer<unknown>) => void) => {
    if (!isRecord(message) || typeof message.type !== 'string' || !(message.type in handlers)) return undefined;
    const answer = async (): Promise<Answer<unknown>> => {
      if (!isEnvelope(message)) return { ok: false, error: { name: 'TypeError', message: `Malformed ${String(message.type)} message.` } };
      try {
        const handler = handlers[message.type as keyof Handlers<P>] as (payload: unknown, sender: { tabId?: number }) => unknown;
        return { ok: true, value: await handler(message.payload, { tabId: sender.tab?.id }) };
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
