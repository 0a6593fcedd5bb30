/**
 * The seed page hovered sentence by sentence in a real browser, every sentence of both languages, and what the
 * tooltips show scored against the seed's gold (utils/eval/hover-f1): `npm run eval` reports it for Chromium and
 * Firefox. Where to point at each sentence is found on the page's markup in Node, as the reader reads it there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hoverF1, type HoverF1, type HoverGold } from '../../utils/eval/hover-f1';
import { placeOf, type TextPlace } from '../../utils/eval/page-hover';
import { readBilingualPage } from '../../utils/page/read-page';
import type { Side } from '../../utils/page/types';
import { fixturesDir, hoverSpot, waitUntilReady, type BrowserPage } from './reader';
import { fixtureDocument } from './real-pages';

const SEED_PAGE = 'seed/xinhua-moscow.html';

export function seedGold(): HoverGold {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'seed/xinhua-moscow.gold.json'), 'utf8')) as HoverGold;
}

/** For each side, where each sentence of the gold starts on the page. */
function seedPlaces(gold: HoverGold): Record<Side, TextPlace[]> {
  const doc = fixtureDocument(SEED_PAGE);
  const page = readBilingualPage(doc);
  if (!page) throw new Error('The seed page does not read as bilingual.');
  const places = (side: Side) => {
    const sentences = page[side].sentences;
    if (sentences.map((s) => s.text).join('\n') !== gold[side].join('\n')) throw new Error(`The seed's ${side} sentences are not the gold's: update xinhua-moscow.gold.json.`);
    return sentences.map((sentence) => {
      const range = sentence.ranges[0]!;
      return placeOf(doc, range.startContainer as Text, range.startOffset);
    });
  };
  return { zh: places('zh'), en: places('en') };
}

/** Hovers every sentence of the seed page and scores the tooltips; a sentence that shows no tooltip shows nothing. */
export async function runSeedHover(page: BrowserPage, baseUrl: string): Promise<HoverF1> {
  const gold = seedGold();
  const places = seedPlaces(gold);
  await page.goto(`${baseUrl}/${SEED_PAGE}`);
  await waitUntilReady(page);
  const shownTexts: Record<Side, string[][]> = { zh: [], en: [] };
  for (const side of ['zh', 'en'] as const) {
    for (const place of places[side]) {
      // The pointer on the sentence's second character: its first may be a quotation mark set apart.
      const tooltip = await hoverSpot(page, { ...place, from: 1, to: 2 });
      shownTexts[side].push(tooltip?.counterparts.map((c) => c.text) ?? []);
    }
  }
  return hoverF1(gold, shownTexts);
}
