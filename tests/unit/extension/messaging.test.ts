import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, isEnvelope, sendToBackground, serializeError, type BackgroundProtocol } from '../../../utils/messaging';

const validAlign = {
  type: 'alignPage',
  payload: {
    request: { zh: { sentences: ['你好。'], blocks: [0], blockRoles: ['body'] }, en: { sentences: ['Hello.'] }, blockPairs: [[0, 0]] },
    url: 'https://example.com/a',
    title: 'A',
    zhScript: 'Hans',
  },
};

describe('message validation', () => {
  it('accepts a well-formed message', () => {
    expect(isEnvelope(validAlign)).toBe(true);
    expect(isEnvelope({ type: 'revealBead', payload: { zh: [1, 2], en: [] } })).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything', payload: {} }],
    ['no payload', { type: 'alignPage' }],
    ['sentences that are not strings', { ...validAlign, payload: { ...validAlign.payload, request: { zh: { sentences: [1] }, en: { sentences: [] } } } }],
    ['block indices of the wrong length', { ...validAlign, payload: { ...validAlign.payload, request: { zh: { sentences: ['a'], blocks: [0, 1] }, en: { sentences: [] } } } }],
    ['an unknown block role', { ...validAlign, payload: { ...validAlign.payload, request: { zh: { sentences: ['a'], blocks: [0], blockRoles: ['ad'] }, en: { sentences: [] } } } }],
    ['an unknown script', { ...validAlign, payload: { ...validAlign.payload, zhScript: 'Latn' } }],
    ['negative indices', { type: 'revealBead', payload: { zh: [-1], en: [] } }],
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
      alignPage: (message) => ({ result: { beads: [[[0], [0]]], scores: [message.request.zh.sentences.length] }, alignMs: 3 }),
    });
    const answer = await sendToBackground('alignPage', validAlign.payload as never);
    expect(answer).toEqual({ result: { beads: [[[0], [0]]], scores: [1] }, alignMs: 3 });
  });

  it('rethrows the handler’s error on the caller’s side, with its name and message', async () => {
    handleMessages<BackgroundProtocol>({
      alignPage: () => {
        throw new RangeError('The dictionary could not be loaded (404).');
      },
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
        return { result: { beads: [], scores: [] }, alignMs: 0 };
      },
    });
    await expect(sendToBackground('alignPage', { url: 'x' } as never)).rejects.toThrow(/Malformed alignPage/);
    expect(called).toBe(false);
  });

  it('serialises what is thrown, Error or not', () => {
    expect(serializeError(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
    expect(serializeError('plain')).toEqual({ name: 'Error', message: 'plain' });
  });
});
