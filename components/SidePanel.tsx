import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FirstSentencesNote } from './FirstSentencesNote';
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
import { aligningStatus } from '@/utils/extension/alignment-status';
import { followTabAlignment, type EarlyTabAlignment, type TabAlignment } from '@/utils/extension/tab-alignments';
import { t } from '@/utils/i18n';

/** Every string the panel shows, in the interface language; read when the panel renders. */
export function panelStrings() {
  return {
    noArticle: t('popupNoArticle'),
    loading: t('panelLoading'),
    alignmentFailed: (error: string) => t('popupAlignmentFailed', error),
    untitled: t('panelUntitled'),
    summary: (counts: { pairs: number; low: number; omissions: number; additions: number }) =>
      t('panelSummary', String(counts.pairs), String(counts.low), String(counts.omissions), String(counts.additions)),
    searchLabel: t('panelSearchLabel'),
    filterLegend: t('panelFilterLegend'),
    filters: { all: t('panelFilterAll'), unmatched: t('panelFilterUnmatched'), low: t('panelFilterLow') } satisfies Record<RowFilter, string>,
    shown: (shown: number, total: number) => t('panelShown', String(shown), String(total)),
    nothingShown: t('panelNothingShown'),
    exportLegend: t('panelExportLegend'),
    exportTitle: { tsv: t('panelExportTsv'), json: t('panelExportJson'), tmx: t('panelExportTmx') } satisfies Record<ExportFormat, string>,
    columns: { zh: t('panelColumnZh'), en: t('panelColumnEn') },
    mapLabel: t('panelMapLabel'),
    mapLegend: { matched: t('panelMapMatched'), low: t('panelMapLow'), unmatched: t('panelMapUnmatched') } satisfies Record<MapKind, string>,
    list: {
      listLabel: t('panelListLabel'),
      revealTitle: t('panelRevealTitle'),
      marks: {
        omission: t('panelOmission'),
        addition: t('panelAddition'),
        low: (score: number) => t('panelLow', String(Math.round(score * 100))),
      },
    },
  };
}

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
  /** The alignment of the tab the panel opened on, followed since before the panel first rendered. */
  early?: EarlyTabAlignment | null;
  /** Brings a bead into view on the tab's page. */
  onReveal(tabId: number, zh: number[], en: number[]): void;
  /** Calls back with each bead the reader hovers on the tab's page; returns a function that stops. */
  followPage?(tabId: number, onHover: (zh: number[], en: number[]) => void): () => void;
  download?(fileName: string, text: string, mime: string): void;
  /** Written into the TMX header. */
  appVersion?: string;
}

export function SidePanel({ tabId, early, onReveal, followPage, download = downloadFile, appVersion = '0' }: SidePanelProps) {
  const strings = panelStrings();
  const [alignment, setAlignment] = useState<TabAlignment | null | undefined>(() => (early && early.tabId === tabId ? early.latest : undefined));
  const earlyTaken = useRef(false);
  useEffect(() => {
    if (tabId === null) return;
    if (early && early.tabId === tabId && !earlyTaken.current) {
      earlyTaken.current = true;
      const stop = early.handOver(setAlignment);
      // Whatever changed between the first render and the hand-over.
      setAlignment(early.latest);
      return stop;
    }
    return followTabAlignment(tabId, setAlignment);
  }, [tabId]);

  if (tabId === null || alignment === null) {
    return (
      <header>
        <h1>Parallax</h1>
        <p class="status">{strings.noArticle}</p>
      </header>
    );
  }
  if (alignment === undefined) return <p class="status">{strings.loading}</p>;
  const title = <h1>{alignment.title || strings.untitled}</h1>;
  if (alignment.status === 'aligning') {
    // A page too long to keep whole says so from the start, not only once its part is aligned.
    return (
      <header>
        {title}
        <p class="status">{aligningStatus(alignment)}</p>
        <FirstSentencesNote alignment={alignment} />
      </header>
    );
  }
  if (alignment.status === 'error') {
    return (
      <header>
        {title}
        <p class="status error" role="alert">
          {strings.alignmentFailed(alignment.error ?? '')}
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

/**
 * The part of the article in view, marked on the map. It follows every scroll of the list, so it keeps its own
 * state: the list moving re-renders this mark alone, not the panel around the list.
 */
function InViewMark({ total, show }: { total: number; show: { current?: (firstBead: number, lastBead: number) => void } }) {
  const [inView, setInView] = useState<[number, number] | null>(null);
  useLayoutEffect(() => {
    show.current = (first, last) => setInView([first, last]);
    return () => (show.current = undefined);
  }, []);
  if (!inView || total === 0) return null;
  return <span class="in-view" style={{ top: `${(inView[0] / total) * 100}%`, height: `${((inView[1] - inView[0] + 1) / total) * 100}%` }} />;
}

interface AlignedArticleProps {
  alignment: TabAlignment;
  onReveal(zh: number[], en: number[]): void;
  followPage?(onHover: (zh: number[], en: number[]) => void): () => void;
  onExport(format: ExportFormat): void;
}

function AlignedArticle({ alignment, onReveal, followPage, onExport }: AlignedArticleProps) {
  const strings = panelStrings();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [query, setQuery] = useState('');
  const [currentBead, setCurrentBead] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const showInView = useRef<(firstBead: number, lastBead: number) => void>();
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
        <h1>{alignment.title || strings.untitled}</h1>
        <p class="summary">{strings.summary({ ...counts })}</p>
        <FirstSentencesNote alignment={alignment} />
        <div class="tools">
          <label class="search">
            <span class="label">{strings.searchLabel}</span>
            <input type="search" value={query} onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)} />
          </label>
          <fieldset class="filter">
            <legend>{strings.filterLegend}</legend>
            {(Object.keys(strings.filters) as RowFilter[]).map((value) => (
              <label key={value}>
                <input type="radio" name="filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
                {strings.filters[value]}
              </label>
            ))}
          </fieldset>
          <fieldset class="export">
            <legend>{strings.exportLegend}</legend>
            {EXPORT_FORMATS.map((format) => (
              <button key={format} type="button" class="action" data-export={format} title={strings.exportTitle[format]} onClick={() => onExport(format)}>
                {format.toUpperCase()}
              </button>
            ))}
          </fieldset>
        </div>
        <p class="shown" aria-live="polite">
          {shown.length === 0 ? strings.nothingShown : shown.length < total ? strings.shown(shown.length, total) : ''}
        </p>
      </header>
      <div class="columns" aria-hidden="true">
        <span>{strings.columns.zh}</span>
        <span>{strings.columns.en}</span>
      </div>
      <div class="body">
        <PairList
          rows={shown}
          texts={alignment}
          zhLang={zhLang}
          currentBead={currentBead}
          scrollRequest={scrollRequest}
          onActivate={activate}
          onViewport={(first, last) => showInView.current?.(first, last)}
          strings={strings.list}
        />
        <button type="button" class="map" aria-label={strings.mapLabel} title={strings.mapLabel} style={{ backgroundImage: mapGradient(map, MAP_COLORS) }} onClick={jumpFromMap}>
          <InViewMark total={total} show={showInView} />
          {currentBead !== null && total > 0 && <span class="current-mark" style={{ top: `${((currentBead + 0.5) / total) * 100}%` }} />}
        </button>
      </div>
      <p class="legend" aria-hidden="true">
        {(Object.keys(strings.mapLegend) as MapKind[]).map((kind) => (
          <span key={kind} class={`swatch ${kind}`}>
            {strings.mapLegend[kind]}
          </span>
        ))}
      </p>
    </div>
  );
}
