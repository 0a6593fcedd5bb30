import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ConnectionLostError,
  handleMessages,
  isEnvelope,
  notifySidePanel,
  sendToBackground,
  senderKind,
  serializeError,
  type BackgroundProtocol,
  type BrowserSender,
  type ContentProtocol,
  type Sender,
  type SidePanelProtocol,
} from '../../../utils/messaging';

const validAlign = {
  type: 'alignPage',
  payload: {
    page: { zh: { blocks: [{ text: '你好。', role: 'body' }] }, en: { blocks: [{ text: 'Hello.', role: 'body' }] }, blockPairs: [[0, 0]] },
    zhScript: 'Hans',
    displayScript: 'page',
  },
};

describe('message validation', () => {
  it('accepts a well-formed message', () => {
    expect(isEnvelope(validAlign)).toBe(true);
    expect(isEnvelope({ type: 'revealBead', payload: { zh: [1, 2], en: [] } })).toBe(true);
    expect(isEnvelope({ type: 'pageCleared', payload: {} })).toBe(true);
    expect(isEnvelope({ type: 'pageLooksBilingual', payload: {} })).toBe(true);
    expect(isEnvelope({ type: 'beadHovered', payload: { zh: [3], en: [] } })).toBe(true);
    expect(isEnvelope({ type: 'pageFindings', payload: {} })).toBe(true);
    expect(isEnvelope({ type: 'pageBlocks', payload: { first: true, side: 'zhAlt', blocks: [{ text: '妳好。', role: 'body' }] } })).toBe(true);
    expect(isEnvelope({ ...validAlign, payload: { ...validAlign.payload, blocksSentAhead: { zh: 3, en: 0, zhAlt: 0 } } })).toBe(true);
  });

  it('accepts a page with a second Chinese version', () => {
    const zhAlt = { blocks: [{ text: '妳好。', role: 'body' }], blockPairs: [[0, 0]] };
    expect(isEnvelope({ ...validAlign, payload: { ...validAlign.payload, page: { ...validAlign.payload.page, zhAlt } } })).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything', payload: {} }],
    ['no payload', { type: 'alignPage' }],
    ['block text that is not a string', { ...validAlign, payload: { ...validAlign.payload, page: { zh: { blocks: [{ text: 1, role: 'body' }] }, en: { blocks: [] }, blockPairs: [] } } }],
    ['block pairs that are not pairs', { ...validAlign, payload: { ...validAlign.payload, page: { zh: { blocks: [] }, en: { blocks: [] }, blockPairs: [[0]] } } }],
    ['a second Chinese version without block pairs', { ...validAlign, payload: { ...validAlign.payload, page: { ...validAlign.payload.page, zhAlt: { blocks: [] } } } }],
    ['an unknown block role', { ...validAlign, payload: { ...validAlign.payload, page: { zh: { blocks: [{ text: 'a', role: 'ad' }] }, en: { blocks: [] }, blockPairs: [] } } }],
    ['an unknown script', { ...validAlign, payload: { ...validAlign.payload, zhScript: 'Latn' } }],
    ['an unknown display script', { ...validAlign, payload: { ...validAlign.payload, displayScript: 'Hant-SG' } }],
    ['negative indices', { type: 'revealBead', payload: { zh: [-1], en: [] } }],
    ['a hovered bead of no sentence', { type: 'beadHovered', payload: { zh: [], en: [] } }],
    ['a hovered bead without its English side', { type: 'beadHovered', payload: { zh: [1] } }],
    ['a cleared page with a payload', { type: 'pageCleared', payload: { tabId: 3 } }],
    ['a bilingual look with a payload', { type: 'pageLooksBilingual', payload: { url: 'https://example.com/' } }],
    ['a bilingual look without a payload', { type: 'pageLooksBilingual' }],
    ['a findings question with a payload', { type: 'pageFindings', payload: { all: true } }],
    ['blocks of no side', { type: 'pageBlocks', payload: { first: true, side: 'fr', blocks: [] } }],
    ['blocks without saying whether they come first', { type: 'pageBlocks', payload: { side: 'zh', blocks: [] } }],
    ['blocks that are not blocks', { type: 'pageBlocks', payload: { first: false, side: 'en', blocks: ['Hello.'] } }],
    ['blocks sent ahead in no count', { ...validAlign, payload: { ...validAlign.payload, blocksSentAhead: { zh: -1, en: 0, zhAlt: 0 } } }],
    ['blocks sent ahead without a side’s count', { ...validAlign, payload: { ...validAlign.payload, blocksSentAhead: { zh: 1, en: 0 } } }],
    // Names every object inherits: `in` finds them on the validators' prototype, an own-property check does not.
    ['the type constructor', { type: 'constructor', payload: {} }],
    ['the type toString', { type: 'toString', payload: {} }],
    ['the type __proto__', { type: '__proto__', payload: {} }],
    ['the type hasOwnProperty', { type: 'hasOwnProperty', payload: {} }],
    ['a string', 'alignPage'],
    ['null', null],
  ])('rejects %s', (_, message) => {
    expect(isEnvelope(message)).toBe(false);
  });
});

const EXTENSION_ID = 'test-extension-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
/** Senders as the browser describes them. */
const senders = {
  topFrame: { id: EXTENSION_ID, url: 'https://example.com/a', frameId: 0, tab: { id: 3, url: 'https://example.com/a', title: 'A' } },
  subframe: { id: EXTENSION_ID, url: 'https://ads.example.net/frame', frameId: 12, tab: { id: 3, url: 'https://example.com/a', title: 'A' } },
  worker: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}background.js` },
  sidePanel: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}sidepanel.html` },
  sidePanelInTab: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}sidepanel.html?tabId=3`, frameId: 0, tab: { id: 9, url: `${EXTENSION_ORIGIN}sidepanel.html?tabId=3`, title: 'Parallax' } },
  otherExtension: { id: 'another-extension', url: 'chrome-extension://another-extension/background.js' },
  otherExtensionScript: { id: 'another-extension', url: 'https://example.com/a', frameId: 0, tab: { id: 3, url: 'https://example.com/a', title: 'A' } },
} satisfies Record<string, BrowserSender>;

/** Delivers a message to the listeners as the browser would from `sender`; undefined when no listener answers. */
async function deliver(message: unknown, sender: BrowserSender): Promise<unknown> {
  let respond: (answer: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => (respond = resolve));
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, respond as never);
  return results.some((r) => (r as unknown) === true) ? answered : undefined;
}

/** Makes `browser.runtime.sendMessage` come from `sender`, as it does in a real browser. */
function sendFrom(sender: BrowserSender): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => deliver(message, sender)) as never);
}

describe('who may send what', () => {
  const runtime = { id: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN };
  it.each([
    ['the top frame’s content script', senders.topFrame, 'top-frame'],
    ['a content script in a frame', senders.subframe, null],
    ['the worker', senders.worker, 'extension'],
    ['the side panel', senders.sidePanel, 'extension'],
    ['the side panel opened in a tab', senders.sidePanelInTab, 'extension'],
    ['another extension’s worker', senders.otherExtension, null],
    ['another extension’s content script', senders.otherExtensionScript, null],
    ['a sender with no id', { url: 'https://example.com/a', frameId: 0, tab: { id: 3 } }, null],
  ] as const)('tells %s', (_, sender, kind) => {
    expect(senderKind(sender, runtime)).toBe(kind);
  });
});

describe('across the boundary', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    sendFrom(senders.topFrame);
  });

  const alignAnswer = { sentences: { zh: [], en: [] }, related: true, result: { beads: [], scores: [] }, altResult: null, zhDisplay: null, splitMs: 0, alignMs: 0, complete: true };
  const alignRest = () => ({ related: true, result: { beads: [], scores: [] }, altResult: null, alignMs: 0, wholeMs: 0 });

  it('answers with the handler’s value', async () => {
    handleMessages<BackgroundProtocol>({
      alignPage: (message) => ({ ...alignAnswer, result: { beads: [[[0], [0]]], scores: [message.page.zh.blocks.length] }, splitMs: 1, alignMs: 3 }),
      alignRest,
      pageBlocks: () => undefined,
      pageLooksBilingual: () => undefined,
      pageCleared: () => undefined,
    });
    const answer = await sendToBackground('alignPage', validAlign.payload as never);
    expect(answer).toEqual({ sentences: { zh: [], en: [] }, related: true, result: { beads: [[[0], [0]]], scores: [1] }, altResult: null, zhDisplay: null, splitMs: 1, alignMs: 3, complete: true });
  });

  it('gives the handler the page’s address and title as the browser has them, whatever the payload says', async () => {
    const seen: Sender[] = [];
    handleMessages<BackgroundProtocol>({
      alignPage: (_, sender) => {
        seen.push(sender);
        return alignAnswer;
      },
      alignRest,
      pageBlocks: () => undefined,
      pageLooksBilingual: () => undefined,
      pageCleared: () => undefined,
    });
    await sendToBackground('alignPage', { ...validAlign.payload, url: 'https://bank.example/', title: 'Your bank' } as never);
    expect(seen).toEqual([{ tabId: 3, url: 'https://example.com/a', title: 'A' }]);
  });

  it('rethrows the handler’s error on the caller’s side, with its name and message', async () => {
    handleMessages<BackgroundProtocol>({
      alignPage: () => {
        throw new RangeError('The dictionary could not be loaded (404).');
      },
      alignRest,
      pageBlocks: () => undefined,
      pageLooksBilingual: () => undefined,
      pageCleared: () => undefined,
    });
    const failure = sendToBackground('alignPage', validAlign.payload as never);
    await expect(failure).rejects.toThrow('The dictionary could not be loaded (404).');
    await expect(failure).rejects.toMatchObject({ name: 'RangeError' });
  });

  it('answers a malformed message of a known type with an error instead of calling the handler', async () => {
    let called = false;
    handleMessages<BackgroundProtocol>({
      alignPage: () => {
        called = true;
        return alignAnswer;
      },
      alignRest,
      pageBlocks: () => undefined,
      pageLooksBilingual: () => undefined,
      pageCleared: () => undefined,
    });
    await expect(sendToBackground('alignPage', { url: 'x' } as never)).rejects.toThrow(/Malformed alignPage/);
    expect(called).toBe(false);
  });

  it('leaves messages whose type is an inherited name to other listeners, calling no handler', async () => {
    const calls: string[] = [];
    handleMessages<BackgroundProtocol>({
      alignPage: () => {
        calls.push('alignPage');
        return alignAnswer;
      },
      alignRest,
      pageBlocks: () => undefined,
      pageLooksBilingual: () => undefined,
      pageCleared: () => void calls.push('pageCleared'),
    });
    for (const type of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
      expect(await deliver({ type, payload: {} }, senders.topFrame), type).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });

  it('refuses the worker’s messages from anywhere but a tab’s top frame of this extension', async () => {
    const calls: Array<number | undefined> = [];
    handleMessages<BackgroundProtocol>({ alignPage: () => alignAnswer, alignRest, pageBlocks: () => undefined, pageLooksBilingual: () => undefined, pageCleared: (_, sender) => void calls.push(sender.tabId) });
    for (const sender of [senders.subframe, senders.otherExtension, senders.otherExtensionScript, senders.sidePanel, senders.sidePanelInTab]) {
      expect(await deliver({ type: 'pageCleared', payload: {} }, sender)).toEqual({ ok: false, error: { name: 'SecurityError', message: 'A pageCleared message may not come from there.' } });
    }
    expect(calls).toEqual([]);
    expect(await deliver({ type: 'pageCleared', payload: {} }, senders.topFrame)).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([3]);
  });

  it('takes the quick look’s word that a page may be bilingual from a tab’s top frame of this extension only', async () => {
    const looked: Array<number | undefined> = [];
    handleMessages<BackgroundProtocol>({
      alignPage: () => alignAnswer,
      alignRest,
      pageBlocks: () => undefined,
      pageLooksBilingual: (_, sender) => void looked.push(sender.tabId),
      pageCleared: () => undefined,
    });
    for (const sender of [senders.subframe, senders.otherExtension, senders.otherExtensionScript, senders.sidePanel, senders.sidePanelInTab]) {
      expect(await deliver({ type: 'pageLooksBilingual', payload: {} }, sender)).toEqual({
        ok: false,
        error: { name: 'SecurityError', message: 'A pageLooksBilingual message may not come from there.' },
      });
    }
    expect(await deliver({ type: 'pageLooksBilingual', payload: { tabId: 9 } }, senders.topFrame)).toEqual({
      ok: false,
      error: { name: 'TypeError', message: 'Malformed pageLooksBilingual message.' },
    });
    expect(looked).toEqual([]);
    expect(await deliver({ type: 'pageLooksBilingual', payload: {} }, senders.topFrame)).toEqual({ ok: true, value: undefined });
    expect(looked).toEqual([3]);
  });

  it('lets only the extension’s own worker and pages ask a content script', async () => {
    const revealed: number[][] = [];
    handleMessages<ContentProtocol>({
      revealBead: ({ zh }) => {
        revealed.push(zh);
        return true;
      },
      pageFindings: () => ({ state: 'not-bilingual' }),
    });
    for (const sender of [senders.topFrame, senders.subframe, senders.otherExtension]) {
      expect(await deliver({ type: 'revealBead', payload: { zh: [1], en: [] } }, sender)).toMatchObject({ ok: false, error: { name: 'SecurityError' } });
      expect(await deliver({ type: 'pageFindings', payload: {} }, sender)).toMatchObject({ ok: false, error: { name: 'SecurityError' } });
    }
    expect(revealed).toEqual([]);
    for (const sender of [senders.worker, senders.sidePanel, senders.sidePanelInTab]) {
      expect(await deliver({ type: 'revealBead', payload: { zh: [2], en: [] } }, sender)).toEqual({ ok: true, value: true });
      expect(await deliver({ type: 'pageFindings', payload: {} }, sender)).toEqual({ ok: true, value: { state: 'not-bilingual' } });
    }
    expect(revealed).toEqual([[2], [2], [2]]);
  });

  it('says the connection was lost when the worker went away without an answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => Promise.reject(new Error('The message port closed before a response was received.'))) as never);
    await expect(sendToBackground('pageCleared', {})).rejects.toBeInstanceOf(ConnectionLostError);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => Promise.resolve(undefined)) as never);
    await expect(sendToBackground('pageCleared', {})).rejects.toBeInstanceOf(ConnectionLostError);
    // An error the handler threw is an answer, not a lost connection.
    sendFrom(senders.topFrame);
    handleMessages<BackgroundProtocol>({ alignPage: () => alignAnswer, alignRest, pageBlocks: () => undefined, pageLooksBilingual: () => undefined, pageCleared: () => Promise.reject(new RangeError('no')) });
    await expect(sendToBackground('pageCleared', {})).rejects.toMatchObject({ name: 'RangeError' });
  });

  it('tells an open side panel, and is silent when none is open', async () => {
    vi.restoreAllMocks();
    await expect(notifySidePanel('beadHovered', { zh: [1], en: [] })).resolves.toBeUndefined();
    sendFrom(senders.topFrame);
    const hovered: Array<[unknown, number | undefined]> = [];
    handleMessages<SidePanelProtocol>({ beadHovered: (message, sender) => void hovered.push([message, sender.tabId]) });
    await notifySidePanel('beadHovered', { zh: [1], en: [2] });
    expect(hovered).toEqual([[{ zh: [1], en: [2] }, 3]]);
    // A frame's script cannot move the panel.
    expect(await deliver({ type: 'beadHovered', payload: { zh: [4], en: [] } }, senders.subframe)).toMatchObject({ ok: false });
    expect(hovered).toHaveLength(1);
  });

  it('serialises what is thrown, Error or not', () => {
    expect(serializeError(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
    expect(serializeError('plain')).toEqual({ name: 'Error', message: 'plain' });
  });
});
