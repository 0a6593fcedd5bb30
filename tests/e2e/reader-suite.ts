/** The reader's checks on the seed page and every layout fixture, run in each real browser by chromium.test.ts and firefox.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { realPages, runRealPage } from '../../scripts/lib/real-pages';
import type { PageFindings } from '../../utils/messaging';
import { runsOnlyIf } from '../skips';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';
import {
  expectedSeed,
  fixturesDir,
  hoverSentence,
  pointOnText,
  readSidePanel,
  readTooltip,
  selectionState,
  textBox,
  tooltipBox,
  tooltipRendering,
  clickTooltipButton,
  uiState,
  waitFor,
  waitUntilReady,
  type BrowserPage,
} from '../../scripts/lib/reader';

interface LayoutExpectation {
  /** Present when the page holds both languages but not two versions of one text. */
  unrelated?: string;
  pairs: Array<{ zh: string; en: string; hover?: 'zh' | 'en' }>;
  afterNavigation?: Array<{ zh: string; en: string }>;
}

export interface BrowserUnderTest {
  /** A fresh tab. */
  newPage(): Promise<BrowserPage>;
  /**
   * The side panel page showing the tab that has `pageUrl` open; null where the automation protocol cannot open
   * extension pages (WebDriver BiDi in Firefox refuses to navigate to moz-extension:// addresses).
   */
  openSidePanelFor: ((pageUrl: string) => Promise<BrowserPage>) | null;
  /**
   * What the content script of the tab that has `pageUrl` open decided, asked through the extension (the page is
   * never told); null where the automation protocol cannot reach the extension's contexts (Firefox).
   */
  pageFindings: ((pageUrl: string) => Promise<PageFindings | null>) | null;
  /** Every address the browser's pages (and, where the protocol shows them, the extension's worker) asked for so far. */
  requests(): string[];
  /** Whether an address is one of the extension's own files. */
  isOwnFile(url: string): boolean;
  close(): Promise<void>;
}

export function readerSuite(name: string, launch: () => Promise<BrowserUnderTest>): void {
  describe(`${name}: a reader on the demo pages`, () => {
    const expected = expectedSeed();
    let server: StaticServer;
    let browser: BrowserUnderTest;
    let page: BrowserPage;
    let pageUrl: string;

    beforeAll(async () => {
      server = await serveDirectory(fixturesDir);
      browser = await launch();
      page = await browser.newPage();
      pageUrl = `${server.url}/${expected.page}`;
      await page.goto(pageUrl);
      await waitUntilReady(page);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const pair of expected.pairs) {
      it(`hovering the ${pair.hover === 'zh' ? 'Chinese' : 'English'} ${pair.caption ? 'caption' : 'sentence'} "${pair.sentence.slice(0, 24)}…" shows its counterpart`, async () => {
        const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
        const lang = pair.hover === 'zh' ? 'en' : `zh-${expected.zhScript}`;
        expect(tooltip.counterparts.every((c) => c.lang === lang)).toBe(true);
        expect(tooltip.counterparts.map((c) => c.text)).toEqual(pair.counterpart);
      });
    }

    for (const lone of expected.unmatched) {
      it(`hovering "${lone.sentence.slice(0, 24)}…", which has no counterpart, says so and shows no sentence`, async () => {
        const tooltip = await hoverSentence(page, lone.sentence);
        expect(tooltip.counterparts).toEqual([]);
        expect(tooltip.text).toMatch(/No counterpart — this may have been left out of the other version/);
      });
    }

    it('the tooltip stands beside the whole hovered sentence, never over it, and inside the window', async () => {
      for (const pair of expected.pairs.slice(0, 6)) {
        const sentence = pair.locate ?? pair.sentence;
        await hoverSentence(page, sentence);
        const tooltip = (await tooltipBox(page))!;
        const text = (await textBox(page, sentence))!;
        const overlaps = tooltip.left < text.right && text.left < tooltip.right && tooltip.top < text.bottom && text.top < tooltip.bottom;
        expect(overlaps, sentence).toBe(false);
        const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }), null);
        expect(tooltip.left >= 0 && tooltip.top >= 0 && tooltip.right <= viewport.width && tooltip.bottom <= viewport.height, sentence).toBe(true);
      }
    });

    it('Escape hides the tooltip until the pointer reaches another sentence', async () => {
      const first = expected.pairs[0]!;
      await hoverSentence(page, first.locate ?? first.sentence);
      await page.keyboard.press('Escape');
      await waitFor(async () => (await readTooltip(page)) === null, 'the tooltip to close');
      // A small move within the same sentence does not bring it back.
      const { x, y } = await pointOnText(page, first.locate ?? first.sentence);
      await page.mouse.move(x + 3, y);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await readTooltip(page)).toBeNull();
      const next = expected.pairs[1]!;
      const nextPoint = await pointOnText(page, next.locate ?? next.sentence);
      await page.mouse.move(nextPoint.x, nextPoint.y);
      expect((await waitFor(() => readTooltip(page), 'the tooltip over the next sentence')).counterparts.length).toBeGreaterThan(0);
    });

    it('a pinned tooltip stays while the pointer moves on, and Show on page brings the counterpart into view', async () => {
      const pair = expected.pairs.find((p) => p.hover === 'zh' && !p.caption)!;
      const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
      await clickTooltipButton(page, 'Pin');
      await page.mouse.move(1, 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await readTooltip(page))?.counterparts).toEqual(tooltip.counterparts);
      await clickTooltipButton(page, 'Show on page');
      await waitFor(async () => (await readTooltip(page)) === null, 'the tooltip to go as the page scrolls');
      const shown = (await textBox(page, tooltip.counterparts[0]!.text.slice(0, 20)))!;
      const height = await page.evaluate(() => document.documentElement.clientHeight, null);
      expect(shown.top >= 0 && shown.bottom <= height).toBe(true);
      await page.keyboard.press('Escape');
    });

    it('Alt+↓ and Alt+↑ read on sentence by sentence, each with its tooltip, without the mouse', async () => {
      await page.mouse.move(1, 1);
      await waitFor(async () => (await readTooltip(page)) === null, 'no tooltip');
      const step = async (key: 'ArrowDown' | 'ArrowUp') => {
        await page.keyboard.down('Alt');
        await page.keyboard.press(key);
        await page.keyboard.up('Alt');
        // Two sentences of one pair show the same counterpart: what changes may be only the highlight.
        await new Promise((resolve) => setTimeout(resolve, 150));
        return waitFor(() => readTooltip(page), `a tooltip after Alt+${key}`);
      };
      const down = [await step('ArrowDown'), await step('ArrowDown'), await step('ArrowDown')];
      expect(down.some((t) => t.counterparts.length > 0)).toBe(true);
      expect(new Set(down.map((t) => t.text)).size).toBeGreaterThan(1);
      await step('ArrowUp');
      await step('ArrowUp');
      expect((await step('ArrowUp')).text).toBe(down[0]!.text);
      await page.keyboard.press('Escape');
    });

    it('hovering never changes the reader’s selection', async () => {
      const before = await selectionState(page);
      await hoverSentence(page, expected.pairs[1]!.sentence);
      await hoverSentence(page, expected.pairs[4]!.sentence);
      expect(await selectionState(page)).toEqual(before);
    });

    const noSidePanel = 'WebDriver BiDi cannot open the extension pages of Firefox';
    it('the side panel lists the pairs in document order and the unmatched sentences', runsOnlyIf(name === 'Chromium', noSidePanel, { acceptedInCi: true }), async () => {
      const panel = await browser.openSidePanelFor!(pageUrl);
      // The panel draws the rows in view as it lays them out: read until it has drawn them all.
      const reading = await waitFor(async () => {
        const r = await readSidePanel(panel);
        return r.pairs.length >= expected.sidePanelPairsAtLeast ? r : null;
      }, `${expected.sidePanelPairsAtLeast} pairs in the side panel`);
      expect(reading.pairs.every((p) => p.zhLang === `zh-${expected.zhScript}` && p.enLang === 'en')).toBe(true);
      // The title is the one the browser gives for the tab, not one the page's message could claim.
      expect(await panel.evaluate(() => document.querySelector('h1')?.textContent ?? null, null)).toBe(await page.evaluate(() => document.title, null));
      const body = expected.pairs.filter((p) => p.hover === 'zh' && !p.caption);
      for (const pair of body) {
        expect(reading.pairs.filter((p) => p.zh.includes(pair.sentence)).map((p) => p.en)).toEqual([pair.counterpart.join(' ')]);
      }
      const positions = body.map((pair) => reading.pairs.findIndex((p) => p.zh.includes(pair.sentence)));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(reading.unmatched.some((u) => u.side === 'en' && u.text.includes(expected.unmatched[0]!.sentence))).toBe(true);
    });

    const layoutsDir = path.join(fixturesDir, 'layouts');
    const layoutFiles = readdirSync(layoutsDir).filter((f) => f.endsWith('.html'));
    // Silent pages have no expected result: nothing is to be found on them.
    const layoutOf = (file: string): Partial<LayoutExpectation> => {
      const expected = path.join(layoutsDir, file.replace('.html', '.expected.json'));
      return existsSync(expected) ? (JSON.parse(readFileSync(expected, 'utf8')) as LayoutExpectation) : {};
    };
    for (const file of layoutFiles.filter((f) => !f.startsWith('silent-') && !layoutOf(f).unrelated)) {
      const layout = layoutOf(file) as LayoutExpectation;
      it(`on ${file}, hovering shows each expected counterpart`, async () => {
        const other = await browser.newPage();
        await other.goto(`${server.url}/layouts/${file}`);
        await waitUntilReady(other);
        for (const pair of layout.pairs) {
          const [from, to] = pair.hover === 'en' ? [pair.en, pair.zh] : [pair.zh, pair.en];
          const tooltip = await hoverSentence(other, from);
          expect(tooltip.counterparts.map((c) => c.text).join(' '), from).toBe(to);
        }
        if (layout.afterNavigation) {
          // A single-page app moves to the next story: the old pairs must never show over the new text.
          await other.evaluate(() => (document.getElementById('next') as HTMLElement).click(), null);
          for (const pair of layout.afterNavigation) {
            const tooltip = await waitFor(async () => {
              const reading = await hoverSentence(other, pair.zh).catch(() => null);
              return reading && reading.counterparts.length > 0 ? reading : null;
            }, `the new story's pairs after navigation`);
            expect(tooltip.counterparts.map((c) => c.text).join(' ')).toBe(pair.en);
          }
        }
      });
    }

    /** The tooltip over the first expected pair of a layout fixture, as drawn. */
    async function renderingOn(file: string): Promise<Record<string, string | boolean> | null> {
      const other = await browser.newPage();
      await other.goto(`${server.url}/layouts/${file}`);
      await waitUntilReady(other);
      const pair = (layoutOf(file) as LayoutExpectation).pairs[0]!;
      await hoverSentence(other, pair.hover === 'en' ? pair.en : pair.zh);
      return tooltipRendering(other);
    }

    it('on pages that restyle every element or refuse every style, the tooltip is drawn as on a plain page', async () => {
      const plain = await renderingOn('side-by-side.html');
      expect(plain?.onTop).toBe(true);
      expect(plain?.position).toBe('fixed');
      for (const file of layoutFiles.filter((f) => f.startsWith('hostile-'))) {
        expect(await renderingOn(file), file).toEqual(plain);
      }
    });

    it('when the page replaces its body, Parallax comes back on the new one, once', async () => {
      const other = await browser.newPage();
      await other.goto(`${server.url}/layouts/side-by-side.html`);
      await waitUntilReady(other);
      await other.evaluate(() => {
        const body = document.createElement('body');
        body.innerHTML = document.querySelector('main')!.outerHTML;
        document.body = body;
      }, null);
      await waitFor(async () => (await other.evaluate(() => document.body.querySelector('parallax-ui')?.getAttribute('data-state'), null)) === 'ready', 'Parallax on the new body');
      expect(await other.evaluate(() => document.querySelectorAll('parallax-ui').length, null)).toBe(1);
      for (const pair of (layoutOf('side-by-side.html') as LayoutExpectation).pairs) {
        const tooltip = await hoverSentence(other, pair.hover === 'en' ? pair.en : pair.zh);
        expect(tooltip.counterparts.map((c) => c.text).join(' ')).toBe(pair.hover === 'en' ? pair.zh : pair.en);
      }
    });

    for (const file of layoutFiles.filter((f) => layoutOf(f).unrelated)) {
      it(`on ${file}, whose two languages are not one article, shows no tooltip`, async () => {
        const other = await browser.newPage();
        await other.goto(`${server.url}/layouts/${file}`);
        await waitFor(async () => (await uiState(other)) === 'unrelated', 'Parallax to find the two texts unrelated');
        const { x, y } = await pointOnText(other, '这条线路全长三十二公里');
        await other.mouse.move(x, y);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await readTooltip(other)).toBeNull();
        if (browser.openSidePanelFor) {
          // The worker kept nothing for the tab: the side panel lists no sentence of either text.
          const panel = await browser.openSidePanelFor(`${server.url}/layouts/${file}`);
          await waitFor(async () => /No bilingual article/.test(await panel.evaluate(() => document.body.textContent ?? '', null)), 'the side panel to say that it found no article');
          const reading = await readSidePanel(panel);
          expect(reading.pairs).toEqual([]);
          expect(reading.unmatched).toEqual([]);
        }
      });
    }

    /**
     * The page at `url` stays silent: the content script decided that it is not bilingual (where the extension can be
     * asked; otherwise after the time it needs on a bilingual page), no UI is on the page and hovering its text shows
     * nothing. Then the page's view is replaced by a bilingual article, as a single-page app replaces it, and Parallax
     * answers hovers on it: the content script was there, watching, all along, so the silence was its decision and
     * not its absence.
     */
    // What the silent-page tests prove: everywhere, that the content script was running (the page wakes it);
    // where the extension can be asked (Chromium), also its verdict.
    const decided = name === 'Chromium' ? ', having decided it is not bilingual' : ', though its content script runs there';

    async function expectSilentThenAwake(other: BrowserPage, url: string, textToHover: string): Promise<void> {
      if (browser.pageFindings) {
        await waitFor(async () => (await browser.pageFindings!(url))?.state === 'not-bilingual', 'the content script to decide that the page is not bilingual');
      } else {
        await new Promise((resolve) => setTimeout(resolve, 2_500));
      }
      expect(await uiState(other)).toBeNull();
      expect(await other.evaluate(() => document.querySelectorAll('parallax-ui').length, null)).toBe(0);
      const { x, y } = await pointOnText(other, textToHover);
      await other.mouse.move(x, y);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await readTooltip(other)).toBeNull();

      const article = layoutOf('side-by-side.html') as LayoutExpectation;
      await other.evaluate(async (source: string) => {
        const html = await (await fetch(source)).text();
        const added = new DOMParser().parseFromString(html, 'text/html').body;
        document.body.replaceChildren(...added.children);
      }, `${server.url}/layouts/side-by-side.html`);
      await waitUntilReady(other);
      const pair = article.pairs[0]!;
      const tooltip = await hoverSentence(other, pair.hover === 'en' ? pair.en : pair.zh);
      expect(tooltip.counterparts.length).toBeGreaterThan(0);
    }

    for (const file of layoutFiles.filter((f) => f.startsWith('silent-'))) {
      it(`stays silent on ${file}${decided}`, async () => {
        const other = await browser.newPage();
        const url = `${server.url}/layouts/${file}`;
        await other.goto(url);
        const firstText = await other.evaluate(() => (document.querySelector('main p, article p, p, h1')?.textContent ?? '').trim().slice(0, 12), null);
        await expectSilentThenAwake(other, url, firstText);
      });
    }

    for (const real of realPages()) {
      it(`on the real layout ${real.name}, the first sentence of every paragraph shows the paired paragraph both ways, and the site's chrome never shows`, async () => {
        const other = await browser.newPage();
        // The first sentence of each paragraph on each side: every paragraph is visited without hovering them all
        // (npm run eval hovers every sentence).
        const firsts = real.probes.filter((probe, k) => k === 0 || real.probes[k - 1]!.paragraph !== probe.paragraph || real.probes[k - 1]!.side !== probe.side);
        const outcome = await runRealPage(other, server.url, real, { probes: firsts, openSidePanel: browser.openSidePanelFor });
        const wrong = outcome.verdicts.filter((v) => !v.right).map((v) => `${v.probe.side}: ${v.probe.sentence} → ${v.shown.join(' ') || '(nothing)'}`);
        expect(outcome.verdicts.filter((v) => v.right).length / outcome.verdicts.length, wrong.join('\n')).toBeGreaterThanOrEqual(0.9);
        expect(outcome.chromeHovered, 'chrome that opens a tooltip').toEqual([]);
        expect(outcome.chromeShown, 'chrome shown in a tooltip or the side panel').toEqual([]);
        if (real.expected.paragraphs.some((p) => p.zhAlt !== undefined)) {
          // Two Chinese versions: every English hover shows one version only, the one paired with the English.
          const alternative = real.located.map((p) => p.zhAlt?.textContent?.replace(/\s+/g, '') ?? '');
          const primary = real.located.map((p) => p.zh.textContent?.replace(/\s+/g, '') ?? '');
          for (const verdict of outcome.verdicts.filter((v) => v.probe.side === 'en')) {
            for (const shown of verdict.shown.map((t) => t.replace(/\s+/g, ''))) {
              const onlyInAlternative = alternative.some((a) => a.includes(shown)) && !primary.some((p) => p.includes(shown));
              expect(onlyInAlternative, `the other Chinese version shown for ${verdict.probe.sentence}`).toBe(false);
            }
          }
        }
      });
    }

    it(`an English-only page shows nothing${decided}`, async () => {
      const other = await browser.newPage();
      const url = `${server.url}/seed/english-only.html`;
      await other.goto(url);
      const firstText = await other.evaluate(() => (document.querySelector('article p')?.textContent ?? '').trim().slice(0, 12), null);
      await expectSilentThenAwake(other, url, firstText);
    });

    // Last, once every test above has aligned, hovered and opened the side panel.
    it('asked for nothing but the test server’s pages and the extension’s own files', () => {
      const requests = browser.requests();
      // The recorder works: the seed page itself was asked for.
      expect(requests).toContain(pageUrl);
      const foreign = requests.filter((url) => !url.startsWith(`${server.url}/`) && !browser.isOwnFile(url) && !url.startsWith('data:') && url !== 'about:blank');
      expect(foreign).toEqual([]);
    });
  });
}
