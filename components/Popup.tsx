import { useEffect, useState } from 'preact/hooks';
import { readTabAlignment, summarize, type TabAlignment } from '@/utils/extension/tab-alignments';
import { isSiteEnabled, type Settings } from '@/utils/settings/schema';

export interface PopupProps {
  tab: { id: number; hostname: string; windowId?: number } | null;
  settings: Settings;
  onToggleSite: (enabled: boolean) => void;
  onOpenSidePanel: (() => void) | null;
}

export function Popup({ tab, settings, onToggleSite, onOpenSidePanel }: PopupProps) {
  const [alignment, setAlignment] = useState<TabAlignment | null | undefined>(undefined);
  useEffect(() => {
    if (tab) void readTabAlignment(tab.id).then(setAlignment);
    else setAlignment(null);
  }, [tab?.id]);
  const enabled = tab ? isSiteEnabled(settings, tab.hostname) : false;
  const summary = alignment ? summarize(alignment) : null;
  return (
    <main class="popup">
      <h1>Parallax</h1>
      {alignment === undefined ? null : alignment === null || !summary ? (
        <p class="status">{enabled ? 'No bilingual article found on this page.' : 'Parallax is off for this site.'}</p>
      ) : alignment.status === 'error' ? (
        <p class="status error" role="alert">
          The alignment failed: {alignment.error}
        </p>
      ) : (
        <dl class="counts">
          <dt>Chinese sentences</dt>
          <dd data-count="zh">{summary.zhSentences}</dd>
          <dt>English sentences</dt>
          <dd data-count="en">{summary.enSentences}</dd>
          <dt>Pairs</dt>
          <dd data-count="pairs">{summary.pairs}</dd>
          <dt>Unmatched</dt>
          <dd data-count="unmatched">{summary.unmatchedZh + summary.unmatchedEn}</dd>
          <dt>Aligned in</dt>
          <dd>{alignment.alignMs} ms</dd>
        </dl>
      )}
      {tab && tab.hostname ? (
        <label class="toggle">
          <input type="checkbox" checked={enabled} disabled={!settings.enabled} onChange={(e) => onToggleSite(e.currentTarget.checked)} />
          On for {tab.hostname}
        </label>
      ) : null}
      {onOpenSidePanel ? (
        <button type="button" class="action" onClick={onOpenSidePanel}>
          Open side panel
        </button>
      ) : null}
    </main>
  );
}
