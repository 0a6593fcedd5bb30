/**
 * Highlights through the CSS Custom Highlight API: the page's DOM and the reader's selection stay untouched.
 * `::highlight()` rules apply from the document's style sheets, not from the tooltip's shadow root, so their
 * style sheet is declared in the manifest with the content script that runs at document_start (wxt.config.ts writes
 * it from here): the browser adds it before it builds the page. A <style> the script added once the page was aligned made the browser restyle
 * every element of the page in one task, 0.1 to 0.4 s on a page of 25,000 paragraphs.
 */

export const HOVERED_HIGHLIGHT = 'parallax-hovered';
export const COUNTERPART_HIGHLIGHT = 'parallax-counterpart';

/** Where the style sheet stands in the built extension, and what it says. */
export const HIGHLIGHT_STYLESHEET = {
  path: 'content-scripts/highlights.css',
  css: `::highlight(${HOVERED_HIGHLIGHT}) { background-color: rgba(255, 200, 60, 0.35); }
::highlight(${COUNTERPART_HIGHLIGHT}) { background-color: rgba(90, 170, 255, 0.35); }
`,
};

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function setHighlight(name: string, ranges: Range[]): void {
  if (!supported()) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

export function clearHighlights(): void {
  setHighlight(HOVERED_HIGHLIGHT, []);
  setHighlight(COUNTERPART_HIGHLIGHT, []);
}
