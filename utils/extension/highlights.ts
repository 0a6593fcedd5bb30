/**
 * Highlights through the CSS Custom Highlight API: the page's DOM and the reader's selection stay untouched.
 * `::highlight()` rules only apply from the page's own style sheets, so one small <style> is added to the page.
 */

const STYLE_ID = 'parallax-highlight-style';
export const HOVERED_HIGHLIGHT = 'parallax-hovered';
export const COUNTERPART_HIGHLIGHT = 'parallax-counterpart';

const CSS_TEXT = `
::highlight(${HOVERED_HIGHLIGHT}) { background-color: rgba(255, 200, 60, 0.35); }
::highlight(${COUNTERPART_HIGHLIGHT}) { background-color: rgba(90, 170, 255, 0.35); }
`;

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function installHighlightStyle(doc: Document): void {
  if (!supported() || doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS_TEXT;
  (doc.head ?? doc.documentElement).append(style);
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

export function removeHighlightStyle(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
