import { useEffect, useState } from 'preact/hooks';
import { aligningStatus } from '@/utils/extension/alignment-status';
import { followTabAlignment, summarize, type TabAlignment } from '@/utils/extension/tab-alignments';
import { t } from '@/utils/i18n';
import { isSiteEnabled, type Settings } from '@/utils/settings/schema';
import { FirstSentencesNote } from './FirstSentencesNote';

export interface PopupProps {
  /** The active tab; its hostname is empty on pages no content script runs on (the browser's own, files). */
  tab: { id: number; hostname: string; windowId?: number } | null;
  settings: Settings;
  onToggleSite: (enabled: boolean) => void;
  onToggleEverywhere: (enabled: boolean) => void;
  /** Null where the browser has no side panel to open. */
  onOpenSidePanel: (() => void) | null;
  onOpenOptions: () => void;
}

/** The tab's kept alignment, kept current while the popup is open; undefined until first read. */
function useTabAlignment(tabId: number | undefined): TabAlignment | null | undefined {
  const [alignment, setAlignment] = useState<TabAlignment | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === undefined) {
      setAlignment(null);
      return;
    }
    return followTabAlignment(tabId, setAlignment);
  }, [tabId]);
  return alignment;
}

function Found({ alignment }: { alignment: TabAlignment }) {
  if (alignment.status === 'aligning') {
    // A page too long to keep whole says so from the start, not only once its part is aligned.
    return (
      <>
        <p class="status">{aligningStatus(alignment)}</p>
        <FirstSentencesNote alignment={alignment} />
      </>
    );
  }
  if (alignment.status === 'error') {
    return (
      <p class="status error" role="alert">
        {t('popupAlignmentFailed', alignment.error ?? '')}
      </p>
    );
  }
  const summary = summarize(alignment);
  return (
    <>
      <FirstSentencesNote alignment={alignment} />
      <dl class="counts">
        <dt>{t('popupChineseSentences')}</dt>
        <dd data-count="zh">{summary.zhSentences}</dd>
        <dt>{t('popupEnglishSentences')}</dt>
        <dd data-count="en">{summary.enSentences}</dd>
        <dt>{t('popupPairs')}</dt>
        <dd data-count="pairs">{summary.pairs}</dd>
        <dt>{t('popupUnmatched')}</dt>
        <dd data-count="unmatched">{summary.unmatchedZh + summary.unmatchedEn}</dd>
        <dt>{t('popupAlignedIn')}</dt>
        <dd>{t('popupMilliseconds', String(alignment.alignMs))}</dd>
      </dl>
    </>
  );
}

export function Popup({ tab, settings, onToggleSite, onToggleEverywhere, onOpenSidePanel, onOpenOptions }: PopupProps) {
  const alignment = useTabAlignment(tab?.id);
  const readable = !!tab?.hostname;
  const siteEnabled = readable && isSiteEnabled(settings, tab.hostname);
  // What the settings say comes first: a result kept from before the site was switched off is no longer current.
  const status = !readable ? (
    <p class="status">{t('popupUnsupportedPage')}</p>
  ) : !settings.enabled ? (
    <p class="status">{t('popupOffEverywhere')}</p>
  ) : !siteEnabled ? (
    <p class="status">{t('popupOffForSite')}</p>
  ) : alignment === undefined ? null : alignment === null ? (
    <p class="status">{t('popupNoArticle')}</p>
  ) : (
    <Found alignment={alignment} />
  );
  return (
    <main class="popup">
      <h1>{t('extensionName')}</h1>
      <div class="found" aria-live="polite">
        {status}
      </div>
      <div class="switches">
        {readable ? (
          <label class="switch">
            <input
              type="checkbox"
              name="site"
              checked={siteEnabled}
              disabled={!settings.enabled}
              onChange={(event) => onToggleSite(event.currentTarget.checked)}
            />
            <span>{t('popupOnForSite', tab.hostname)}</span>
          </label>
        ) : null}
        <label class="switch">
          <input type="checkbox" name="everywhere" checked={settings.enabled} onChange={(event) => onToggleEverywhere(event.currentTarget.checked)} />
          <span>{t('onEverywhere')}</span>
        </label>
      </div>
      <div class="actions">
        {onOpenSidePanel ? (
          <button type="button" name="side-panel" onClick={onOpenSidePanel}>
            {t('popupOpenSidePanel')}
          </button>
        ) : null}
        <button type="button" name="options" onClick={onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </div>
    </main>
  );
}
