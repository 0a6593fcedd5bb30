/** The reader's checks on the seed page and every layout fixture, run in each real browser by chromium.test.ts and firefox.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { realPages, runRealPage } from '../../scripts/lib/real-pages';
import { exportFileName, type ExportFormat, type ExportedAlignment } from '../../utils/extension/export';
import type { PageFindings } from '../../utils/messaging';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';
import { longSeedPage, partId, pointOnParagraph, sentenceOfCopy } from '../../scripts/lib/long-page';
import {
  expectedSeed,
  fixturesDir,
  hoverSentence,
  pointOnText,
  readSidePanel,
  paintedShare,
  readHighlights,
  readTooltip,
  selectionState,
  textBox,
  tooltipBox,
  tooltipRendering,
  clickTooltipButton,
  clickElement,
  currentPanelRow,
  drawnPanelRows,
  parseTmx,
  searchPanel,
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
   * The side panel page, in a tab of its own, showing the tab that has `pageUrl` open. Firefox's sidebar is part of
   * the browser's window, which WebDriver BiDi cannot reach: there the same page is tested in a tab.
   */
  openSidePanelFor(pageUrl: string): Promise<BrowserPage>;
  /** The popup, in a tab of its own, for the tab that has `pageUrl` open. */
  openPopupFor(pageUrl: string): Promise<BrowserPage>;
  /** The options page, in a tab of its own. */
  openOptions(): Promise<BrowserPage>;
  /** The popup's page, in a tab of its own, for the tab that has `pageUrl` open (a tab cannot be a popup). */
  openPopupFor(pageUrl: string): Promise<BrowserPage>;
  /** The built extension the browser runs: its manifest says which shortcut it suggests. */
  buildDir: string;
  /**
   * Presses the extension's shortcut with `page`'s tab in front, through the browser's own shortcut handling (how
   * near a reader's key press each browser allows under automation: `ChromiumSession.pressShortcut`,
   * `FirefoxSession.pressShortcut`).
   */
  pressShortcut(page: BrowserPage, shortcut: string): Promise<void>;
  /** Clicks the panel's export button for `format` and reads the file the browser saved. */
  exportFile(panel: BrowserPage, format: ExportFormat): Promise<{ fileName: string; text: string }>;
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

/** The highlights' colours, as utils/extension/highlights.ts gives them: yellow and blue at 0.35. */
const HOVERED_COLOUR: [number, number, number] = [255, 200, 60];
const COUNTERPART_COLOUR: [number, number, number] = [90, 170, 255];

/** The seed report repeated to 1,000 paragraphs per language (scripts/lib/long-page.ts), served beside the fixtures. */
const LONG_PAGE = '/long/1000.html';
/** And to 10,000: over 4 MB of text, more than the worker keeps for a tab (MAX_KEPT_BYTES). */
const TOO_LONG_PAGE = '/long/10000.html';
/**
 * The seed page ending in a script the server holds back until the test lets it go: its text is on screen while the
 * document is still loading, before the content script (document_idle) runs.
 */
const HELD_PAGE = '/seed/held.html';
const HELD_SCRIPT = '/seed/held.js';

export function readerSuite(name: string, launch: () => Promise<BrowserUnderTest>): void {
  describe(`${name}: a reader on the demo pages`, () => {
    const expected = expectedSeed();
    let server: StaticServer;
    let browser: BrowserUnderTest;
    let page: BrowserPage;
    let pageUrl: string;
    let letHeldPageFinish = () => {};

    beforeAll(async () => {
      server = await serveDirectory(fixturesDir, 0, {
        [LONG_PAGE]: longSeedPage(1_000).html,
        [TOO_LONG_PAGE]: longSeedPage(10_000).html,
        [HELD_PAGE]: readFileSync(path.join(fixturesDir, expected.page), 'utf8').replace('</body>', `<script src="${HELD_SCRIPT}"></script></body>`),
        [HELD_SCRIPT]: () => new Promise((resolve) => (letHeldPageFinish = () => resolve(''))),
      });
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

    /** The side panel for the seed page, opened once for the tests that use it. */
    let panelOpened: Promise<BrowserPage> | null = null;
    const sidePanel = () =>
      (panelOpened ??= browser.openSidePanelFor(pageUrl).then(async (panel) => {
        await waitFor(() => panel.evaluate(() => document.querySelector('[data-pair]') !== null, null), 'the side panel to list the pairs');
        return panel;
      }));
    const squeeze = (text: string) => text.replace(/\s+/g, '');

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

    it('a pointer that came to rest on a sentence while the page was loading gets its counterpart once Parallax is ready, with no further move', async () => {
      const held = await browser.newPage();
      const loading = held.goto(`${server.url}${HELD_PAGE}`);
      loading.catch(() => undefined);
      // The first sentence of the expected pairs that the window shows before the page has finished loading.
      const candidates = expected.pairs.filter((pair) => !pair.locate);
      const { pair, point } = await waitFor(async () => {
        // The reader sees the page once its style sheets are in: a layout forced before (Firefox allows it) puts the
        // text elsewhere.
        const styled = await held
          .evaluate(() => {
            const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => (link as HTMLLinkElement).sheet);
            // A sheet still loading has no rules to read yet (Firefox gives it an empty one, or throws).
            try {
              return sheets.length > 0 && sheets.every((sheet) => sheet && sheet.cssRules.length > 0);
            } catch {
              return false;
            }
          }, null)
          .catch(() => false);
        if (!styled) return null;
        for (const pair of candidates) {
          const point = await pointOnText(held, pair.sentence).catch(() => null);
          if (point) return { pair, point };
        }
        return null;
      }, 'the article on screen while the page loads');
      await held.mouse.move(point.x, point.y);
      // The move reached a page still loading, so before the content script (document_idle) was there to hear it.
      expect(await held.evaluate(() => document.readyState, null)).toBe('loading');
      letHeldPageFinish();
      await loading;
      const tooltip = await waitFor(() => readTooltip(held), 'the counterpart of the sentence under the resting pointer', 15_000);
      expect(tooltip.counterparts.map((c) => c.text)).toEqual(pair.counterpart);
    });

    it('the hovered sentence is painted in its highlight colour, as the reader sees it', async () => {
      const pair = expected.pairs.find((p) => p.hover === 'zh' && !p.caption)!;
      await hoverSentence(page, pair.locate ?? pair.sentence);
      expect(await paintedShare(page, 'parallax-hovered', HOVERED_COLOUR, 0.35)).toBeGreaterThan(0.4);
    });

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
      // Both sides stay marked once the scroll is over: the scroll's own events must not clear them.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const marked = await readHighlights(page);
      expect(marked.hovered.replace(/\s+/g, '')).toContain(pair.sentence.replace(/\s+/g, '').slice(0, 12));
      expect(marked.counterpart.replace(/\s+/g, '')).toContain(tooltip.counterparts[0]!.text.replace(/\s+/g, '').slice(0, 20));
      // And the page shows the mark: the counterpart's line painted in its colour.
      expect(await paintedShare(page, 'parallax-counterpart', COUNTERPART_COLOUR, 0.35)).toBeGreaterThan(0.4);
      await page.keyboard.press('Escape');
      expect(await readHighlights(page)).toEqual({ hovered: '', counterpart: '' });
    });

    it('a pinned tooltip’s text can be selected with the pointer, for copying', async () => {
      const pair = expected.pairs.find((p) => p.hover === 'zh' && !p.caption)!;
      await hoverSentence(page, pair.locate ?? pair.sentence);
      await clickTooltipButton(page, 'Pin');
      // From the start of the counterpart's first line to its end, as a reader drags.
      const line = await page.evaluate(() => {
        const p = document.querySelector('parallax-ui')!.shadowRoot!.querySelector('[role="tooltip"] p[lang]')!;
        const range = document.createRange();
        range.selectNodeContents(p);
        const rects = [...range.getClientRects()];
        const first = rects[0]!;
        const last = rects.at(-1)!;
        return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 }, text: p.textContent ?? '' };
      }, null);
      await page.mouse.move(line.from.x, line.from.y);
      await page.mouse.down();
      await page.mouse.move(line.to.x, line.to.y);
      await page.mouse.up();
      const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '', null);
      expect(selected.length).toBeGreaterThan(line.text.length / 2);
      expect(line.text).toContain(selected.trim().slice(0, 10));
      expect(await readTooltip(page)).not.toBeNull();
      await page.evaluate(() => window.getSelection()?.removeAllRanges(), null);
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
      // Back up the way it came: the second sentence, then the first.
      expect((await step('ArrowUp')).text).toBe(down[1]!.text);
      expect((await step('ArrowUp')).text).toBe(down[0]!.text);
      await page.keyboard.press('Escape');
    });

    it('with “only while a key is held” chosen in the options, a counterpart shows while Shift is held, and not on a rest alone', async () => {
      const options = await browser.openOptions();
      await clickElement(options, 'input[name="trigger"][value="modifier"]');
      const pair = expected.pairs[2]!;
      const { x, y } = await pointOnText(page, pair.locate ?? pair.sentence);
      // The page takes the new setting when its content script hears of it, and reads the page again: tried until a
      // rest alone shows nothing and Shift, pressed over the resting pointer, shows the counterpart.
      const tooltip = await waitFor(async () => {
        await page.mouse.move(1, 1);
        await page.mouse.move(x, y);
        await new Promise((resolve) => setTimeout(resolve, 400));
        if ((await readTooltip(page)) !== null) return null;
        await page.keyboard.down('Shift');
        const shown = await waitFor(() => readTooltip(page), 'the tooltip while Shift is held', 1_000).catch(() => null);
        if (!shown) await page.keyboard.up('Shift');
        return shown;
      }, 'a rest alone to show nothing, and Shift to show the counterpart');
      expect(tooltip.counterparts.map((c) => c.text)).toEqual(pair.counterpart);
      await page.keyboard.up('Shift');
      await waitFor(async () => (await readTooltip(page)) === null, 'the tooltip to go when Shift is released', 5_000);
      await clickElement(options, 'input[name="trigger"][value="hover"]');
      await waitFor(async () => (await hoverSentence(page, pair.locate ?? pair.sentence).catch(() => null)) !== null || null, 'hovering to show again');
    });

    it('hovering never changes the reader’s selection', async () => {
      const before = await selectionState(page);
      await hoverSentence(page, expected.pairs[1]!.sentence);
      await hoverSentence(page, expected.pairs[4]!.sentence);
      expect(await selectionState(page)).toEqual(before);
    });

    it('the side panel lists the pairs in document order and the unmatched sentences', async () => {
      const panel = await sidePanel();
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

    it('the side panel filters the pairs down to the unmatched sentences, to the weak pairs, and back', async () => {
      const panel = await sidePanel();
      await clickElement(panel, 'input[name="filter"][value="unmatched"]');
      const unmatched = await waitFor(async () => {
        const rows = await drawnPanelRows(panel);
        return rows.length > 0 && rows.every((row) => row.kind === 'unmatched') ? rows : null;
      }, 'only unmatched sentences in the side panel');
      expect(unmatched.every((row) => /\b(?:omission|addition)\b/.test(row.classes))).toBe(true);
      await clickElement(panel, 'input[name="filter"][value="low"]');
      await waitFor(async () => (await drawnPanelRows(panel)).every((row) => row.kind === 'pair' && /\blow\b/.test(row.classes)) || null, 'only weak pairs, or none');
      await clickElement(panel, 'input[name="filter"][value="all"]');
      await waitFor(async () => (await drawnPanelRows(panel)).some((row) => row.kind === 'pair') || null, 'the pairs back in the side panel');
    });

    it('the side panel searches both languages', async () => {
      const panel = await sidePanel();
      for (const query of ['普京', 'Putin']) {
        await searchPanel(panel, query);
        await waitFor(async () => {
          const rows = await drawnPanelRows(panel);
          return rows.length > 0 && rows.every((row) => row.zh.includes(query) || row.en.includes(query));
        }, `only rows with "${query}" in the side panel`);
      }
      await searchPanel(panel, '');
      await waitFor(async () => (await drawnPanelRows(panel)).some((row) => !row.zh.includes('普京') && !row.en.includes('Putin')) || null, 'every row back');
    });

    it('a click on a pair in the side panel brings it into view on the page, pinned beside its sentence, both sides marked after the scroll', async () => {
      const panel = await sidePanel();
      const row = (await drawnPanelRows(panel)).filter((r) => r.kind === 'pair')[3]!;
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight), null);
      await clickElement(panel, `li[data-bead="${row.bead}"] button.reveal`);
      const tooltip = await waitFor(() => readTooltip(page), 'the pair pinned on the page');
      expect(tooltip.counterparts.map((c) => c.text).join(' ')).toBe(row.en.trim());
      const shown = (await textBox(page, row.zh.trim().slice(0, 8)))!;
      const height = await page.evaluate(() => document.documentElement.clientHeight, null);
      expect(shown.top >= 0 && shown.bottom <= height).toBe(true);
      // The scroll that brought it into view has had its events: the marks are still there.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const marked = await readHighlights(page);
      expect(squeeze(marked.hovered)).toBe(squeeze(row.zh));
      expect(squeeze(marked.counterpart)).toBe(squeeze(row.en));
      await page.keyboard.press('Escape');
    });

    it('hovering on the page marks the hovered pair in the side panel and scrolls the panel to it', async () => {
      const panel = await sidePanel();
      await panel.evaluate(() => void (document.querySelector('.scroller')!.scrollTop = 0), null);
      const pair = expected.pairs.filter((p) => p.hover === 'zh' && !p.caption).at(-1)!;
      // The pair stands below the list's first screen, so following it means scrolling.
      await waitFor(async () => (await drawnPanelRows(panel)).length > 0 || null, 'the top of the side panel drawn');
      const before = await panel.evaluate((sentence: string) => {
        const row = [...document.querySelectorAll('li[data-bead]')].find((li) => li.textContent?.includes(sentence));
        return row ? row.getBoundingClientRect().top < document.querySelector('.scroller')!.getBoundingClientRect().bottom : false;
      }, pair.sentence);
      expect(before, 'the pair in view before the hover').toBe(false);
      await hoverSentence(page, pair.locate ?? pair.sentence);
      const current = await waitFor(async () => {
        const row = await currentPanelRow(panel);
        return row?.zh.includes(pair.sentence) && row.inView ? row : null;
      }, 'the hovered pair current and in view in the side panel');
      expect(current.en).toBe(pair.counterpart.join(' '));
      await page.mouse.move(1, 1);
    });

    it('a click near the end of the side panel’s map of the article reveals a pair from there on the page', async () => {
      const panel = await sidePanel();
      await panel.evaluate(() => void (document.querySelector('.scroller')!.scrollTop = 0), null);
      await page.evaluate(() => window.scrollTo(0, 0), null);
      const point = await panel.evaluate(() => {
        const r = document.querySelector('button.map')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height * 0.95 };
      }, null);
      await panel.mouse.click(point.x, point.y);
      const current = await waitFor(async () => {
        const row = await currentPanelRow(panel);
        return row?.inView ? row : null;
      }, 'the pair at that place current and in view in the side panel');
      // 95% of the way down the map lands among the list's last rows (the map gives each row an equal share).
      expect(current.position / current.rows, `row ${current.position} of ${current.rows}`).toBeGreaterThanOrEqual(0.85);
      const marked = await waitFor(async () => {
        const m = await readHighlights(page);
        return m.hovered || m.counterpart ? m : null;
      }, 'the revealed pair marked on the page');
      expect(squeeze(marked.hovered + marked.counterpart)).toContain(squeeze(current.zh || current.en).slice(0, 10));
      await page.keyboard.press('Escape');
    });

    it('the side panel exports the pairs as JSON, TSV and TMX 1.4, named after the page, with the page’s own sentences', async () => {
      const panel = await sidePanel();
      const title = await page.evaluate(() => document.title, null);
      // The worker sends the page offsets, not text: what is exported must still be the text on the page.
      const pageText = squeeze(await page.evaluate(() => document.body.innerText, null));
      const json = await browser.exportFile(panel, 'json');
      expect(json.fileName).toBe(exportFileName(title, 'json'));
      const exported = JSON.parse(json.text) as ExportedAlignment;
      expect(exported.title).toBe(title);
      expect(exported.pairs.length).toBeGreaterThanOrEqual(expected.sidePanelPairsAtLeast);
      for (const sentence of [...exported.pairs.flatMap((p) => [...p.zh, ...p.en]), ...exported.unmatched.zh, ...exported.unmatched.en]) {
        expect(pageText, sentence).toContain(squeeze(sentence));
      }
      const lines = exported.pairs.map((p) => `${p.zh.join('')}\t${p.en.join(' ')}\t${p.score}`);

      const tsv = await browser.exportFile(panel, 'tsv');
      expect(tsv.fileName).toBe(exportFileName(title, 'tsv'));
      expect(tsv.text.trimEnd().split('\n')).toEqual(['zh\ten\tscore', ...lines]);

      const tmx = await browser.exportFile(panel, 'tmx');
      expect(tmx.fileName).toBe(exportFileName(title, 'tmx'));
      const parsed = await parseTmx(panel, tmx.text);
      expect(parsed.parseError).toBe(false);
      expect(parsed.version).toBe('1.4');
      expect(parsed.srclang).toBe(`zh-${expected.zhScript}`);
      expect(parsed.units).toEqual(
        exported.pairs.map((p) => [
          { lang: `zh-${expected.zhScript}`, text: p.zh.join('') },
          { lang: 'en', text: p.en.join(' ') },
        ]),
      );
    });

    it('on a page of 1,000 paragraphs per language opened at a link to its middle, the sentence in view gets its counterpart before the whole page is aligned, while the side panel says how far the alignment has got, then counts the whole', async () => {
      const copy = 28;
      const longUrl = `${server.url}${LONG_PAGE}#${partId(copy, 'zh')}`;
      // The side panel is open on the tab before the reader follows the link, as it stays open from page to page.
      const long = await browser.newPage();
      const before = `${server.url}/seed/english-only.html`;
      await long.goto(before);
      const panel = await browser.openSidePanelFor(before);
      // Every status the panel shows, and when its summary of the whole first stands.
      await panel.evaluate(() => {
        const seen = ((window as unknown as { statusesSeen: string[] }).statusesSeen = [] as string[]);
        new MutationObserver(() => {
          const status = document.querySelector('.status')?.textContent;
          if (status && seen.at(-1) !== status) seen.push(status);
          const record = window as unknown as { summaryAt?: number };
          if (record.summaryAt === undefined && document.querySelector('.summary')) record.summaryAt = Date.now();
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      }, null);
      await long.goto(longUrl);
      // The reader points at the copy's sentence in view as soon as the page shows it, before Parallax is ready, and
      // rests there but for a nudge now and then (a move made before the content script listens is not seen): the
      // counterpart shows once the page is hoverable, without waiting for the reader's next move.
      const { sentence, counterpart } = sentenceOfCopy(copy);
      let nudge = 0;
      const tooltip = await waitFor(
        async () => {
          const point = await pointOnParagraph(long, sentence);
          if (!point) return null;
          nudge = 1 - nudge;
          await long.mouse.move(point.x + nudge, point.y);
          return waitFor(() => readTooltip(long), 'a tooltip', 1_000).catch(() => null);
        },
        'a tooltip over the sentence in view',
        30_000,
      );
      const tooltipAt = Date.now();
      expect(tooltip.counterparts.map((c) => c.text)).toEqual([counterpart]);
      const summaryAt = await waitFor(
        () => panel.evaluate(() => (window as unknown as { summaryAt?: number }).summaryAt, null),
        'the side panel to count the whole page',
        60_000,
      );
      expect(tooltipAt).toBeLessThan(summaryAt);
      const statuses = await panel.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen, null);
      expect(statuses.some((s) => /^Aligning… [\d,]+ of 2,207 Chinese sentences so far$/.test(s)), statuses.join(' | ')).toBe(true);
      // The whole page counted: the part around the view alone makes some sixty pairs.
      const pairs = Number((await panel.evaluate(() => document.querySelector('.summary')?.textContent ?? '', null)).match(/^([\d,]+) pairs/)?.[1]?.replace(/,/g, ''));
      expect(pairs).toBeGreaterThan(1_300);
      // Once all is aligned, the first copy's sentences answer too, far from where the reader started.
      const first = await hoverSentence(long, '兩國元首還共同會見了記者。');
      expect(first.counterparts.map((c) => c.text)).toEqual(['The two heads of state also jointly met the press. ■']);
    });

    it('on a page too long to keep whole, read in a tab behind the popup, the popup and the side panel say which of its sentences are aligned, and the first ones answer', async () => {
      const tooLong = await browser.newPage();
      const url = `${server.url}${TOO_LONG_PAGE}`;
      await tooLong.goto(url);
      // The popup's tab, opened at once, puts the page's behind it, where browsers hold back a page's timers (Firefox
      // ran them a second apart, and this page was read in 78 s instead of 5).
      const note = /^This page is too long to align whole: only the first ([\d,]+) of its 21,707 Chinese sentences and the first ([\d,]+) of its 16,706 English sentences were aligned\.$/;
      const limitedNote = async (extensionPage: BrowserPage) =>
        waitFor(() => extensionPage.evaluate(() => document.querySelector('[data-limited]')?.textContent ?? null, null), 'the note on what was aligned', 45_000);
      const popupNote = (await limitedNote(await browser.openPopupFor(url))).match(note);
      expect(popupNote, 'the popup').not.toBeNull();
      const aligned = (n: string) => Number(n.replace(/,/g, ''));
      const zhAligned = aligned(popupNote![1]!);
      const enAligned = aligned(popupNote![2]!);
      // About the same share of each side, and most of the 4 MB it keeps.
      expect(zhAligned).toBeGreaterThan(5_000);
      expect(zhAligned).toBeLessThan(21_707);
      expect(Math.abs(zhAligned / 21_707 - enAligned / 16_706)).toBeLessThan(0.01);
      expect(await limitedNote(await browser.openSidePanelFor(url))).toBe(popupNote![0]);
      await tooLong.bringToFront();
      await waitUntilReady(tooLong);
      const first = await hoverSentence(tooLong, '兩國元首還共同會見了記者。');
      expect(first.counterparts.map((c) => c.text)).toEqual(['The two heads of state also jointly met the press. ■']);
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

    /** The tooltip over the first expected pair of a layout fixture, as drawn, and how much of the sentence's line is painted marked. */
    async function renderingOn(file: string): Promise<{ tooltip: Record<string, string | boolean> | null; marked: number | null }> {
      const other = await browser.newPage();
      await other.goto(`${server.url}/layouts/${file}`);
      await waitUntilReady(other);
      const pair = (layoutOf(file) as LayoutExpectation).pairs[0]!;
      await hoverSentence(other, pair.hover === 'en' ? pair.en : pair.zh);
      return { tooltip: await tooltipRendering(other), marked: await paintedShare(other, 'parallax-hovered', HOVERED_COLOUR, 0.35) };
    }

    it('on pages that restyle every element or refuse every style, the tooltip and the highlight are drawn as on a plain page', async () => {
      const plain = await renderingOn('side-by-side.html');
      expect(plain.tooltip?.onTop).toBe(true);
      expect(plain.tooltip?.position).toBe('fixed');
      expect(plain.marked).toBeGreaterThan(0.4);
      for (const file of layoutFiles.filter((f) => f.startsWith('hostile-'))) {
        const hostile = await renderingOn(file);
        expect(hostile.tooltip, file).toEqual(plain.tooltip);
        // Under a policy that refuses every style the highlight is painted as on a plain page (the page that restyles
        // every element sets its own opacity over it, which changes its colour).
        if (file === 'hostile-strict-csp.html') expect(hostile.marked, file).toBeGreaterThan(0.4);
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

    it('a page that forges WXT’s started message, to make the content script believe a newer one replaced it, cannot switch Parallax off', async () => {
      const file = 'hostile-forged-stop.html';
      const other = await browser.newPage();
      await other.goto(`${server.url}/layouts/${file}`);
      await waitUntilReady(other);
      // The page heard the content script's announcement and has forged the stop more than once since, the last
      // times after Parallax was ready.
      const forgeries = () => other.evaluate(() => Number(document.documentElement.dataset.forgedStops ?? 0), null);
      const before = await forgeries();
      expect(before).toBeGreaterThan(0);
      await waitFor(async () => (await forgeries()) >= before + 3, 'the page to forge the stop again');
      expect(await uiState(other)).toBe('ready');
      for (const pair of (layoutOf(file) as LayoutExpectation).pairs) {
        expect((await hoverSentence(other, pair.zh)).counterparts.map((c) => c.text).join(' ')).toBe(pair.en);
        expect((await hoverSentence(other, pair.en)).counterparts.map((c) => c.text).join(' ')).toBe(pair.zh);
      }
      expect(await other.evaluate(() => document.querySelectorAll('parallax-ui').length, null)).toBe(1);
    });

    it('a page restored from the back/forward cache shows its own alignment again in hover, popup and side panel, and the next page its own', async () => {
      const tab = await browser.newPage();
      const seedUrl = `${server.url}/${expected.page}?bfcache`;
      const otherUrl = `${server.url}/layouts/side-by-side.html?bfcache`;
      const seedPair = expected.pairs[0]!;
      const otherPair = (layoutOf('side-by-side.html') as LayoutExpectation).pairs[0]!;
      const close = (opened: BrowserPage) => (opened as unknown as { close(): Promise<void> }).close();

      /**
       * What the side panel and the popup show for the tab: every sentence the panel lists, its pairs, and the popup's
       * count of pairs. Asked after each restore only: opening the extension's pages in a tab takes Firefox seconds.
       */
      const panelAndPopup = async (url: string) => {
        const panel = await browser.openSidePanelFor(url);
        await waitFor(() => panel.evaluate(() => document.querySelector('[data-pair]') !== null, null), 'the side panel to list the pairs');
        const reading = await readSidePanel(panel);
        await close(panel);
        const popup = await browser.openPopupFor(url);
        const popupPairs = Number(await waitFor(() => popup.evaluate(() => document.querySelector('[data-count="pairs"]')?.textContent, null), 'the popup to count the pairs'));
        await close(popup);
        return { sentences: [...reading.pairs.flatMap((p) => [p.zh, p.en]), ...reading.unmatched.map((u) => u.text)].join(' '), pairs: reading.pairs.length, popupPairs };
      };
      const expectSeed = async (panels: boolean) => {
        expect((await hoverSentence(tab, seedPair.locate ?? seedPair.sentence)).counterparts.map((c) => c.text)).toEqual(seedPair.counterpart);
        if (!panels) return;
        const shown = await panelAndPopup(seedUrl);
        expect(shown.sentences).toContain(seedPair.counterpart[0]);
        expect(shown.sentences).not.toContain(otherPair.en);
        expect(shown.pairs).toBeGreaterThanOrEqual(expected.sidePanelPairsAtLeast);
        expect(shown.popupPairs).toBe(shown.pairs);
      };
      const expectOther = async (panels: boolean) => {
        expect((await hoverSentence(tab, otherPair.zh)).counterparts.map((c) => c.text).join(' ')).toBe(otherPair.en);
        if (!panels) return;
        const shown = await panelAndPopup(otherUrl);
        expect(shown.sentences).toContain(otherPair.en);
        expect(shown.sentences).not.toContain(seedPair.counterpart[0]);
        // Its seven sentences a side, paired one to one.
        expect([shown.pairs, shown.popupPairs]).toEqual([7, 7]);
      };
      /** Marks the page's own window: a page restored from the cache still has the mark, one loaded again has not. */
      const mark = (name: string) => tab.evaluate((m) => void ((window as unknown as { bfcacheMark?: string }).bfcacheMark = m), name);
      const restored = (name: string) =>
        waitFor(
          () => tab.evaluate((m) => (window as unknown as { bfcacheMark?: string }).bfcacheMark === m, name).catch(() => false),
          `the ${name} page restored from the back/forward cache`,
        );

      await tab.goto(seedUrl);
      await waitUntilReady(tab);
      await mark('seed');
      await expectSeed(false);
      await tab.goto(otherUrl);
      await waitUntilReady(tab);
      await mark('other');
      await expectOther(false);

      await tab.evaluate(() => history.back(), null);
      await restored('seed');
      await waitUntilReady(tab);
      await expectSeed(true);
      await tab.evaluate(() => history.forward(), null);
      await restored('other');
      await waitUntilReady(tab);
      await expectOther(true);
      await close(tab);
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
        // The worker kept nothing for the tab: the side panel lists no sentence of either text.
        const panel = await browser.openSidePanelFor(`${server.url}/layouts/${file}`);
        await waitFor(async () => /No bilingual article/.test(await panel.evaluate(() => document.body.textContent ?? '', null)), 'the side panel to say that it found no article');
        const reading = await readSidePanel(panel);
        expect(reading.pairs).toEqual([]);
        expect(reading.unmatched).toEqual([]);
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

    it('the on/off shortcut, pressed with the page in front, takes Parallax off the site and brings it back, and the popup says so', async () => {
      const manifest = JSON.parse(readFileSync(path.join(browser.buildDir, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
      const shortcut = manifest.commands['toggle-site']!.suggested_key.default;
      /** The site's switch and what the popup, opened now, says once it says what `settled` waits for. */
      const popupReading = async (settled: (reading: { status: string; siteOn: boolean; pairs: number | null }) => boolean, what: string) => {
        const popup = await browser.openPopupFor(pageUrl);
        return waitFor(async () => {
          const reading = await popup.evaluate(() => {
            const site = document.querySelector<HTMLInputElement>('input[name="site"]');
            const pairs = document.querySelector('[data-count="pairs"]')?.textContent;
            return site ? { status: document.querySelector('.found')?.textContent ?? '', siteOn: site.checked, pairs: pairs === undefined ? null : Number(pairs) } : null;
          }, null);
          return reading && settled(reading) ? reading : null;
        }, what);
      };
      // The browser assigned the key the extension suggests: a reader has the shortcut without setting it up.
      const assigned = await (await browser.openPopupFor(pageUrl)).evaluate(async () => {
        type Commands = { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } };
        const extension = globalThis as unknown as { browser?: Commands; chrome: Commands };
        return (await (extension.browser ?? extension.chrome).commands.getAll()).find((command) => command.name === 'toggle-site')?.shortcut;
      }, null);
      expect(assigned).toBe(shortcut);
      const pair = expected.pairs[0]!;

      await browser.pressShortcut(page, shortcut);
      await waitFor(async () => (await page.evaluate(() => document.querySelector('parallax-ui') === null, null)) || null, 'Parallax to leave the page');
      const { x, y } = await pointOnText(page, pair.locate ?? pair.sentence);
      await page.mouse.move(x, y);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await readTooltip(page)).toBeNull();
      const off = await popupReading((reading) => reading.status !== '', 'the popup to say what it found');
      expect(off.siteOn).toBe(false);
      expect(off.status).toBe('Off for this site.');
      expect(off.pairs).toBeNull();

      await browser.pressShortcut(page, shortcut);
      await waitUntilReady(page);
      expect((await hoverSentence(page, pair.locate ?? pair.sentence)).counterparts.map((c) => c.text)).toEqual(pair.counterpart);
      const on = await popupReading((reading) => reading.pairs !== null, 'the popup to count the pairs again');
      expect(on.siteOn).toBe(true);
      expect(on.pairs).toBeGreaterThan(10);
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

/**
 * The interface in Simplified Chinese, in a browser started in that language (`launch`): the tooltip, the popup and
 * the side panel follow the browser's language through `_locales/zh_CN`.
 */
export function interfaceInChineseSuite(name: string, launch: () => Promise<BrowserUnderTest>): void {
  describe(`${name} in Simplified Chinese: the interface follows the browser’s language`, () => {
    const expected = expectedSeed();
    let server: StaticServer;
    let browser: BrowserUnderTest;

    beforeAll(async () => {
      server = await serveDirectory(fixturesDir);
      browser = await launch();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('the tooltip, the popup and the side panel speak Chinese', async () => {
      const page = await browser.newPage();
      const pageUrl = `${server.url}/${expected.page}`;
      await page.goto(pageUrl);
      await waitUntilReady(page);
      const lone = expected.unmatched[0]!;
      expect((await hoverSentence(page, lone.sentence)).text).toContain('没有对应的句子');
      const pair = expected.pairs[0]!;
      expect((await hoverSentence(page, pair.locate ?? pair.sentence)).text).toContain('固定');

      const popup = await browser.openPopupFor(pageUrl);
      const popupText = await waitFor(
        () => popup.evaluate(() => (document.querySelector('[data-count="pairs"]') ? document.body.innerText : null), null),
        'the popup to count the pairs',
      );
      expect(popupText).toContain('对齐的句对');
      expect(popupText).toContain(`在 ${new URL(pageUrl).hostname} 上启用`);
      expect(await popup.evaluate(() => document.documentElement.lang, null)).toBe('zh-CN');

      const panel = await browser.openSidePanelFor(pageUrl);
      await waitFor(() => panel.evaluate(() => document.querySelector('[data-pair]') !== null, null), 'the side panel to list the pairs');
      const panelLabels = await panel.evaluate(
        () => ({
          search: document.querySelector('input[type="search"]')?.closest('label')?.textContent ?? '',
          filters: [...document.querySelectorAll('input[type="radio"]')].map((radio) => radio.closest('label')?.textContent?.trim() ?? ''),
        }),
        null,
      );
      expect(panelLabels.search).toContain('搜索中英文');
      expect(panelLabels.filters).toContain('未对应');
    });
  });
}
