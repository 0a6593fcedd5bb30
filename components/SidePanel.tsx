import { useEffect, useState } from 'preact/hooks';
import { PairList } from './PairList';
import { readTabAlignment, summarize, watchTabAlignment, type TabAlignment } from '@/utils/extension/tab-alignments';

export function SidePanel({ tabId, onReveal }: { tabId: number | null; onReveal: (tabId: number, zh: number[], en: number[]) => void }) {
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
        <p class="status">No bilingual article found on this page.</p>
      </header>
    );
  }
  if (alignment === undefined) return <p class="status">Loading…</p>;
  const summary = summarize(alignment);
  return (
    <>
      <header>
        <h1>{alignment.title || 'This page'}</h1>
        {alignment.status === 'error' ? (
          <p class="status error">Alignment failed: {alignment.error}</p>
        ) : (
          <p class="summary">
            {summary.pairs} pairs · {summary.unmatchedZh} Chinese and {summary.unmatchedEn} English sentences unmatched
          </p>
        )}
      </header>
      <PairList alignment={alignment} onReveal={(zh, en) => onReveal(tabId, zh, en)} />
    </>
  );
}
