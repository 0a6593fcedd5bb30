import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { beadText, type PanelRow } from '@/utils/extension/article-map';
import type { TabAlignment } from '@/utils/extension/tab-alignments';

export interface PairListStrings {
  listLabel: string;
  revealTitle: string;
  marks: { omission: string; addition: string; low: (score: number) => string };
}

/** Ask the list to bring a bead into view; a new `serial` asks again for the same bead. */
export interface ScrollRequest {
  bead: number;
  serial: number;
  /** Move keyboard focus to the bead's row too. */
  focus?: boolean;
}

interface PairListProps {
  rows: readonly PanelRow[];
  texts: Pick<TabAlignment, 'zh' | 'en'>;
  zhLang: string;
  currentBead: number | null;
  scrollRequest: ScrollRequest | null;
  onActivate(row: PanelRow): void;
  /** The beads at the top and bottom of the visible part of the list, whenever they change. */
  onViewport?(firstBead: number, lastBead: number): void;
  strings: PairListStrings;
}

// Before a row has been laid out its height is estimated from its text; each row is measured once shown, and an
// estimate that holds lets the first render draw the rows in view where they will stay (one that was 131 px for rows
// laid out at 83 made the list render a third time before the first paint). Until the list has a size of its own
// (never, in a DOM without layout), the window's stands in: never smaller than the list, so the first render already
// draws every row in view.
const FALLBACK_VIEWPORT = { width: 360, height: 800 };
const firstViewport = () =>
  typeof window !== 'undefined' && window.innerHeight > 0 ? { width: window.innerWidth, height: window.innerHeight } : FALLBACK_VIEWPORT;

/**
 * The rows' font, read from the page: panel.css asks for 14 px, but Chromium gives an extension page's body a font of
 * its own (75 %: 10.5 px), which the rows inherit, and Firefox does not.
 */
function rowFont(): { size: number; lineHeight: number } {
  const style = typeof document !== 'undefined' && document.body ? getComputedStyle(document.body) : null;
  const size = parseFloat(style?.fontSize ?? '') || 14;
  // panel.css sets line-height 1.5; a computed 'normal' (a DOM without layout) reads as that too.
  return { size, lineHeight: parseFloat(style?.lineHeight ?? '') || size * 1.5 };
}

// A row's box as panel.css draws it: .row's padding, .reveal's borders and padding, and the gap between the columns.
const ROW_INSET_X = 8 + 4 + 4 + 1 + 8 + 8 + 10;
const ROW_INSET_Y = 3 + 3 + 1 + 1 + 6 + 6;
/** The mark above a row not matched with confidence: a line of .mark's 12 px text at line-height 1.5, and the grid's gap. */
const MARK_HEIGHT = 12 * 1.5 + 2;
/** Average advance of a character in ems: a Chinese one is square, an English one (spaces included) about half as wide. */
const ZH_CHAR_EMS = 1;
const EN_CHAR_EMS = 0.5;
/** Rows drawn beyond each edge of the view, so that a short scroll never shows a blank before the next frame. */
const OVERSCAN = 6;

/** The characters of each side of each row, counted once per list: the estimate runs over every row. */
function rowLengths(rows: readonly PanelRow[], texts: PairListProps['texts']): Int32Array {
  const lengths = new Int32Array(rows.length * 2);
  rows.forEach((row, k) => {
    lengths[2 * k] = row.zh.reduce((sum, i) => sum + (texts.zh[i]?.length ?? 0), 0);
    // The English sentences are joined by a space.
    lengths[2 * k + 1] = row.en.reduce((sum, j) => sum + (texts.en[j]?.length ?? 0) + 1, 0);
  });
  return lengths;
}

function estimateHeight(zhChars: number, enChars: number, marked: boolean, width: number, font: { size: number; lineHeight: number }): number {
  const column = Math.max(80, (width - ROW_INSET_X) / 2);
  const lines = Math.max(1, Math.ceil((zhChars * ZH_CHAR_EMS * font.size) / column), Math.ceil((enChars * EN_CHAR_EMS * font.size) / column));
  return lines * font.lineHeight + ROW_INSET_Y + (marked ? MARK_HEIGHT : 0);
}

/** The index of the last offset at or before `y`. */
function rowAt(offsets: Float64Array, rowCount: number, y: number): number {
  let low = 0;
  let high = rowCount - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The pairs as a windowed list: only the rows in view (and a few around them) are in the DOM, absolutely placed
 * at offsets built from each row's measured height, or its estimate until it has been shown. A long article's
 * 2,000 rows would otherwise take seconds to lay out.
 */
export function PairList({ rows, texts, zhLang, currentBead, scrollRequest, onActivate, onViewport, strings }: PairListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const measured = useRef(new Map<number, number>());
  /** The bead a scroll request placed in view, kept in place while the rows above it are measured. */
  const pinned = useRef<{ bead: number; top: number } | null>(null);
  const focusBead = useRef<number | null>(null);
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(firstViewport);
  const [font] = useState(rowFont);
  /** The list's width when its rows were measured: heights taken at another width no longer hold. */
  const measuredWidth = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current!;
    // The observer reports the size it was started with too: the same size must not cost another render.
    const update = () => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      if (height > 0) setViewport((old) => (old.width === width && old.height === height ? old : { width, height }));
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const lengths = useMemo(() => rowLengths(rows, texts), [rows, texts]);
  const offsets = useMemo(() => {
    const result = new Float64Array(rows.length + 1);
    rows.forEach((row, k) => {
      const height = measured.current.get(row.bead) ?? estimateHeight(lengths[2 * k]!, lengths[2 * k + 1]!, row.kind !== 'matched', viewport.width, font);
      result[k + 1] = result[k]! + height;
    });
    return result;
    // measuredVersion stands for the contents of `measured`, which a ref keeps out of the dependencies.
  }, [lengths, viewport.width, measuredVersion]);

  const indexOfBead = useMemo(() => new Map(rows.map((row, k) => [row.bead, k])), [rows]);
  const first = rows.length === 0 ? 0 : rowAt(offsets, rows.length, scrollTop);
  let last = first;
  while (last < rows.length - 1 && offsets[last + 1]! < scrollTop + viewport.height) last += 1;
  const from = Math.max(0, first - OVERSCAN);
  const to = Math.min(rows.length, last + 1 + OVERSCAN);

  const scrollTo = (top: number) => {
    const element = scroller.current!;
    element.scrollTop = Math.max(0, top);
    setScrollTop(element.scrollTop);
  };

  useLayoutEffect(() => {
    if (!scrollRequest) return;
    const k = indexOfBead.get(scrollRequest.bead);
    if (k === undefined) return;
    if (scrollRequest.focus) focusBead.current = scrollRequest.bead;
    const element = scroller.current!;
    const fullyVisible = offsets[k]! >= element.scrollTop && offsets[k + 1]! <= element.scrollTop + viewport.height;
    if (fullyVisible) return;
    // A third of the way down, so the rows before it give context.
    const top = Math.round(viewport.height / 3);
    pinned.current = { bead: scrollRequest.bead, top };
    scrollTo(offsets[k]! - top);
    // Only a new request moves the list; new offsets alone must not.
  }, [scrollRequest]);

  // After every render: measure the rows drawn, and keep what the reader looks at where it was.
  useLayoutEffect(() => {
    const element = scroller.current!;
    let shiftAbove = 0;
    let changed = false;
    // A resize rewraps every row. The width is the list's own, as laid out, not `viewport`, which starts as a guess:
    // rows measured before the first real size came in were measured at the real width all the same.
    if (measuredWidth.current !== element.clientWidth) {
      if (measuredWidth.current !== null && measured.current.size > 0) {
        measured.current.clear();
        changed = true;
      }
      measuredWidth.current = element.clientWidth;
    }
    for (const item of element.querySelectorAll<HTMLElement>('li[data-bead]')) {
      const bead = Number(item.dataset.bead);
      const height = item.offsetHeight;
      const k = indexOfBead.get(bead);
      if (height === 0 || k === undefined) continue;
      const before = measured.current.get(bead) ?? offsets[k + 1]! - offsets[k]!;
      if (Math.abs(before - height) < 0.5) continue;
      measured.current.set(bead, height);
      changed = true;
      if (k < first) shiftAbove += height - before;
    }
    if (changed) {
      const pin = pinned.current;
      if (!pin && shiftAbove !== 0) scrollTo(element.scrollTop + shiftAbove);
      setMeasuredVersion((v) => v + 1);
    } else if (pinned.current) {
      const k = indexOfBead.get(pinned.current.bead);
      if (k !== undefined && Math.abs(element.scrollTop - (offsets[k]! - pinned.current.top)) >= 1) scrollTo(offsets[k]! - pinned.current.top);
      else pinned.current = null;
    }
    if (focusBead.current !== null) {
      const button = element.querySelector<HTMLElement>(`li[data-bead="${focusBead.current}"] button`);
      if (button) {
        button.focus({ preventScroll: true });
        focusBead.current = null;
      }
    }
  });

  const firstBead = rows[first]?.bead;
  const lastBead = rows[last]?.bead;
  // After the paint: what it changes (the map's mark of the part in view) can wait a frame, the rows cannot.
  useEffect(() => {
    if (firstBead !== undefined && lastBead !== undefined) onViewport?.(firstBead, lastBead);
  }, [firstBead, lastBead]);

  // Up and down step through the rows, as in any list; Tab alone would reach only the rows drawn.
  const step = (event: KeyboardEvent) => {
    const focusedRow = (event.target as HTMLElement).closest<HTMLElement>('li[data-bead]');
    if (!focusedRow) return;
    const k = indexOfBead.get(Number(focusedRow.dataset.bead))!;
    const wanted = { ArrowDown: k + 1, ArrowUp: k - 1, Home: 0, End: rows.length - 1, PageDown: k + 10, PageUp: k - 10 }[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, wanted));
    const element = scroller.current!;
    const button = element.querySelector<HTMLElement>(`li[data-bead="${rows[next]!.bead}"] button`);
    const inView = offsets[next]! >= element.scrollTop && offsets[next + 1]! <= element.scrollTop + viewport.height;
    if (!inView) scrollTo(next > k ? offsets[next + 1]! - viewport.height : offsets[next]!);
    // A row not drawn yet is focused by the effect after the render that draws it.
    if (button) button.focus({ preventScroll: true });
    else focusBead.current = rows[next]!.bead;
  };

  return (
    <div class="scroller" ref={scroller} onScroll={() => setScrollTop(scroller.current!.scrollTop)}>
      <ol class="rows" aria-label={strings.listLabel} style={{ height: `${offsets[rows.length]}px` }} onKeyDown={step}>
        {rows.slice(from, to).map((row, j) => {
          const k = from + j;
          const { zh, en } = beadText(texts, row);
          const current = row.bead === currentBead;
          const mark =
            row.kind === 'omission' ? strings.marks.omission : row.kind === 'addition' ? strings.marks.addition : row.kind === 'low' ? strings.marks.low(row.score) : null;
          return (
            <li
              key={row.bead}
              data-bead={row.bead}
              data-pair={row.kind === 'matched' || row.kind === 'low' ? String(row.bead) : undefined}
              data-unmatched={row.kind === 'omission' ? 'zh' : row.kind === 'addition' ? 'en' : undefined}
              class={`row ${row.kind}${current ? ' current' : ''}`}
              aria-setsize={rows.length}
              aria-posinset={k + 1}
              style={{ top: `${offsets[k]}px` }}
            >
              <button type="button" class="reveal" title={strings.revealTitle} aria-current={current ? 'true' : undefined} onClick={() => onActivate(row)}>
                {mark && <span class="mark">{mark}</span>}
                <span class="zh" lang={zh ? zhLang : undefined}>
                  {zh}
                </span>
                <span class="en" lang={en ? 'en' : undefined}>
                  {en}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
