import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PairList, type ScrollRequest } from './PairList';
import {
  articleMap,
  loadScriptFolding,
  mapGradient,
  mapKindOf,
  passesFilter,
  panelRows,
  rowAtMapFraction,
  rowOfSentences,
  searchKeys,
  searchRows,
  type MapKind,
  type PanelRow,
  type RowFilter,
} from '@/utils/extension/article-map';
import { EXPORT_MIME, exportFileName, exportText, type ExportFormat } from '@/utils/extension/export';
import { readTabAlignment, watchTabAlignment, type TabAlignment } from '@/utils/extension/tab-alignments';

/** Every string the panel shows, in one place for the move to the browser's i18n. */
export const PANEL_STRINGS = {
  noArticle: 'No bilingual article found on this page.',
  loading: 'Loading…',
  aligning: 'Aligning…',
  alignmentFailed: (error: string) => `Alignment failed: ${error}`,
  untitled: 'This page',
  summary: (counts: { pairs: number; low: number; omissions: number; additions: number }) =>
    `${counts.pairs} pairs, ${counts.low} of low confidence · ${counts.omissions} Chinese only · ${counts.additions} English only`,
  searchLabel: 'Search both languages',
  filterLegend: 'Show',
  filters: { all: 'All', unmatched: 'Unmatched', low: 'Low confidence' } satisfies Record<RowFilter, string>,
  shown: (shown: number, total: number) => `${shown} of ${total} shown`,
  nothingShown: 'No sentence matches.',
  exportLegend: 'Export',
  exportTitle: { tsv: 'Download the pairs as TSV', json: 'Download the pairs as JSON', tmx: 'Download the pairs as TMX 1.4' } satisfies Record<ExportFormat, string>,
  columns: { zh: 'Chinese', en: 'English' },
  mapLabel: 'Map of the article: click a place to go there, or press Enter to go to the next unmatched or low-confidence pair',
  mapLegend: { matched: 'matched', low: 'low confidence', unmatched: 'unmatched' } satisfies Record<MapKind, string>,
  list: {
    listLabel: 'Sentence pairs',
    revealTitle: 'Show on the page',
    marks: {
      omission: 'Omission: not in the English',
      addition: 'Addition: not in the Chinese',
      low: (score: number) => `Low confidence (${Math.round(score * 100)}%)`,
    },
  },
};

const EXPORT_FORMATS: ExportFormat[] = ['tsv', 'json', 'tmx'];

/** The map's colours; CSS variables, so that the theme sets them. */
const MAP_COLORS: Record<MapKind, string> = { matched: 'var(--map-matched)', low: 'var(--map-low)', unmatched: 'var(--map-unmatched)' };

/** Saves a file from an extension page: a link to a Blob, clicked. */
export function downloadFile(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the click; the URL can go once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface SidePanelProps {
  tabId: number | null;
  /** Brings a bead into view on the tab's page. */
  onReveal(tabId: number, zh: number[], en: number[]): void;
  /** Calls back with each bead the reader hovers on the tab's page; returns a function that stops. */
  followPage?(tabId: number, onHover: (zh: number[], en: number[]) => void): () => void;
  download?(fileName: string, text: string, mime: string): void;
  /** Written into the TMX header. */
  appVersion?: string;
}

export function SidePanel({ tabId, onReveal, followPage, download = downloadFile, appVersion = '0' }: SidePanelProps) {
  const [alignment, setAlignment] = useState<TabAlignment | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void readTabAlignment(tabId).then((a) => live && setAlignment(a));
    const stop = watchTabAlignment(tabId, setAlignment);
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);

  if (tabId === null || alignment === null) {
    return (
      <header>
        <h1>Parallax</h1>
        <p class="status">{PANEL_STRINGS.noArticle}</p>
      </header>
    );
  }
  if (alignment === undefined) return <p class="status">{PANEL_STRINGS.loading}</p>;
  const title = <h1>{alignment.title || PANEL_STRINGS.untitled}</h1>;
  if (alignment.status === 'aligning') {
    return (
      <header>
        {title}
        <p class="status">{PANEL_STRINGS.aligning}</p>
      </header>
    );
  }
  if (alignment.status === 'error') {
    return (
      <header>
        {title}
        <p class="status error" role="alert">
          {PANEL_STRINGS.alignmentFailed(alignment.error ?? '')}
        </p>
      </header>
    );
  }
  return (
    <AlignedArticle
      alignment={alignment}
      onReveal={(zh, en) => onReveal(tabId, zh, en)}
      followPage={followPage && ((onHover) => followPage(tabId, onHover))}
      onExport={(format) => download(exportFileName(alignment.title, format), exportText(alignment, format, appVersion), EXPORT_MIME[format])}
    />
  );
}

interface AlignedArticleProps {
  alignment: TabAlignment;
  onReveal(zh: number[], en: number[]): void;
  followPage?(onHover: (zh: number[], en: number[]) => void): () => void;
  onExport(format: ExportFormat): void;
}

function AlignedArticle({ alignment, onReveal, followPage, onExport }: AlignedArticleProps) {
  const [filter, setFilter] = useState<RowFilter>('all');
  const [query, setQuery] = useState('');
  const [currentBead, setCurrentBead] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [viewport, setViewport] = useState<[number, number] | null>(null);
  const serial = useRef(0);

  const rows = useMemo(() => panelRows(alignment), [alignment]);
  const map = useMemo(() => articleMap(rows), [rows]);
  const searching = query.trim() !== '';
  const [scriptFolding, setScriptFolding] = useState(false);
  useEffect(() => {
    if (searching && !scriptFolding) void loadScriptFolding().then(() => setScriptFolding(true));
  }, [searching]);
  // Built on the first search only, and again once Traditional characters can be folded to Simplified.
  const keys = useMemo(() => (searching ? searchKeys(alignment, rows) : null), [alignment, rows, searching, scriptFolding]);
  const shown = useMemo(() => {
    const filtered = rows.filter((row) => passesFilter(row, filter));
    return keys ? searchRows(filtered, keys, query) : filtered;
  }, [rows, filter, keys, query]);

  const counts = useMemo(() => {
    const count = (kind: PanelRow['kind']) => rows.filter((row) => row.kind === kind).length;
    return { low: count('low'), omissions: count('omission'), additions: count('addition'), pairs: count('matched') + count('low') };
  }, [rows]);

  const goTo = (bead: number, focus = false) => {
    setCurrentBead(bead);
    serial.current += 1;
    setScrollRequest({ bead, serial: serial.current, focus });
  };

  // The page's hovered sentence, followed in the list: marked, and scrolled to when it is shown.
  useEffect(() => {
    if (!followPage) return;
    return followPage((zh, en) => {
      const k = rowOfSentences(rows, zh, en);
      if (k >= 0) goTo(rows[k]!.bead);
    });
  }, [followPage === undefined, rows]);

  const activate = (row: PanelRow) => {
    setCurrentBead(row.bead);
    onReveal(row.zh, row.en);
  };

  /** The shown row at or after `bead` in document order, else the last shown before it. */
  const nearestShown = (bead: number): PanelRow | undefined => shown.find((row) => row.bead >= bead) ?? shown.at(-1);

  const jumpFromMap = (event: MouseEvent) => {
    let target: PanelRow | undefined;
    if (event.detail === 0) {
      // From the keyboard: the next stretch the map marks, after the current pair.
      const after = currentBead ?? -1;
      target = shown.find((row) => row.bead > after && mapKindOf(row.kind) !== 'matched');
    } else {
      const strip = event.currentTarget as HTMLElement;
      const box = strip.getBoundingClientRect();
      const fraction = box.height > 0 ? (event.clientY - box.top) / box.height : 0;
      const k = rowAtMapFraction(map, rows, fraction);
      if (k >= 0) target = nearestShown(rows[k]!.bead);
    }
    if (!target) return;
    goTo(target.bead, event.detail === 0);
    onReveal(target.zh, target.en);
  };

  const zhLang = `zh-${alignment.zhScript}`;
  const total = rows.length;
  return (
    <div class="side-panel">
      <header>
        <h1>{alignment.title || PANEL_STRINGS.untitled}</h1>
        <p class="summary">{PANEL_STRINGS.summary({ ...counts })}</p>
        <div class="tools">
          <label class="search">
            <span class="label">{PANEL_STRINGS.searchLabel}</span>
            <input type="search" value={query} onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)} />
          </label>
          <fieldset class="filter">
            <legend>{PANEL_STRINGS.filterLegend}</legend>
            {(Object.keys(PANEL_STRINGS.filters) as RowFilter[]).map((value) => (
              <label key={value}>
                <input type="radio" name="filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
                {PANEL_STRINGS.filters[value]}
              </label>
            ))}
          </fieldset>
          <fieldset class="export">
            <legend>{PANEL_STRINGS.exportLegend}</legend>
            {EXPORT_FORMATS.map((format) => (
              <button key={format} type="button" class="action" data-export={format} title={PANEL_STRINGS.exportTitle[format]} onClick={() => onExport(format)}>
                {format.toUpperCase()}
              </button>
            ))}
          </fieldset>
        </div>
        <p class="shown" aria-live="polite">
          {shown.length === 0 ? PANEL_STRINGS.nothingShown : shown.length < total ? PANEL_STRINGS.shown(shown.length, total) : ''}
        </p>
      </header>
      <div class="columns" aria-hidden="true">
        <span>{PANEL_STRINGS.columns.zh}</span>
        <span>{PANEL_STRINGS.columns.en}</span>
      </div>
      <div class="body">
        <PairList
          rows={shown}
          texts={alignment}
          zhLang={zhLang}
          currentBead={currentBead}
          scrollRequest={scrollRequest}
          onActivate={activate}
          onViewport={(first, last) => setViewport([first, last])}
          strings={PANEL_STRINGS.list}
        />
        <button type="button" class="map" aria-label={PANEL_STRINGS.mapLabel} title={PANEL_STRINGS.mapLabel} style={{ backgroundImage: mapGradient(map, MAP_COLORS) }} onClick={jumpFromMap}>
          {viewport && total > 0 && (
            <span class="in-view" style={{ top: `${(viewport[0] / total) * 100}%`, height: `${((viewport[1] - viewport[0] + 1) / total) * 100}%` }} />
          )}
          {currentBead !== null && total > 0 && <span class="current-mark" style={{ top: `${((currentBead + 0.5) / total) * 100}%` }} />}
        </button>
      </div>
      <p class="legend" aria-hidden="true">
        {(Object.keys(PANEL_STRINGS.mapLegend) as MapKind[]).map((kind) => (
          <span key={kind} class={`swatch ${kind}`}>
            {PANEL_STRINGS.mapLegend[kind]}
          </span>
        ))}
      </p>
    </div>
  );
}
