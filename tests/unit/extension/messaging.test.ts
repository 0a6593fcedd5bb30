import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, isEnvelope, notifySidePanel, sendToBackground, serializeError, type BackgroundProtocol, type SidePanelProtocol } from '../../../utils/messaging';

const validAlign = {
  type: 'alignPage',
  payload: {
    page: { zh: { blocks: [{ text: '你好。', role: 'body' }] }, en: { blocks: [{ text: 'Hello.', role: 'body' }] }, blockPairs: [[0, 0]] },
    url: 'https://example.com/a',
    title: 'A',
    zhScript: 'Hans',
    displayScript: 'page',
  },
};

describe('message validation', () => {
  it('accepts a well-formed message', () => {
    expect(isEnvelope(validAlign)).toBe(true);
    expect(isEnvelope({ type: 'revealBead', payload: { zh: [1, 2], en: [] } })).toBe(true);
    expect(isEnvelope({ type: 'pageCleared', payload: {} })).toBe(true);
    expect(isEnvelope({ type: 'beadHovered', payload: { zh: [3], en: [] } })).toBe(true);
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
    ['a string', 'alignPage'],
    ['null', null],
  ])('rejects %s', (_, message) => {
    expect(isEnvelope(message)).toBe(false);
  });
});

describe('across the boundary', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers with the handler’s value', async () => {
    handleMessages<BackgroundProtocol>({
      alignPage: (message) => ({ sentences: { zh: [], en: [] }, related: true, result: { beads: [[[0], [0]]], scores: [message.page.zh.blocks.length] }, altResult: null, zhDisplay: null, splitMs: 1, alignMs: 3 }),
      pageCleared: () => undefined,
    });
    const answer = await sendToBackground('alignPage', validAlign.payload as never);
    expect(answer).toEqual({ sentences: { zh: [], en: [] }, related: true, result: { beads: [[[0], [0]]], scores: [1] }, altResult: null, zhDisplay: null, splitMs: 1, alignMs: 3 });
  });

  it('rethrows the handler’s error on the caller’s side, with its name and message', async () => {
    handleMessages<BackgroundProtocol>({
      alignPage: () => {
        throw new RangeError('The dictionary could not be loaded (404).');
      },
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
        return { sentences: { zh: [], en: [] }, related: true, result: { beads: [], scores: [] }, altResult: null, zhDisplay: null, splitMs: 0, alignMs: 0 };
      },
      pageCleared: () => undefined,
    });
    await expect(sendToBackground('alignPage', { url: 'x' } as never)).rejects.toThrow(/Malformed alignPage/);
    expect(called).toBe(false);
  });

  it('tells an open side panel, and is silent when none is open', async () => {
    await expect(notifySidePanel('beadHovered', { zh: [1], en: [] })).resolves.toBeUndefined();
    const hovered: unknown[] = [];
    handleMessages<SidePanelProtocol>({ beadHovered: (message) => void hovered.push(message) });
    await notifySidePanel('beadHovered', { zh: [1], en: [2] });
    expect(hovered).toEqual([{ zh: [1], en: [2] }]);
  });

  it('serialises what is thrown, Error or not', () => {
    expect(serializeError(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
    expect(serializeError('plain')).toEqual({ name: 'Error', message: 'plain' });
  });
});
