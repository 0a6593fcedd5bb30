/**
 * What the popup and the side panel say of a tab's alignment besides its counts, in the same words: how far a long
 * page's alignment has got, and how much of a page too long to keep was aligned.
 */
import { t } from '../i18n';
import type { TabAlignment } from './tab-alignments';

const count = (n: number) => n.toLocaleString();

/** "Aligning…", with the Chinese sentences aligned so far where a long page is aligned part by part. */
export function aligningStatus(alignment: TabAlignment): string {
  return alignment.progress ? t('popupAligningProgress', count(alignment.progress.zh), count(alignment.zh.length)) : t('popupAligning');
}

/** Where the page was too long to keep whole: which of its sentences were aligned; otherwise null. */
export function firstSentencesNote(alignment: TabAlignment): string | null {
  const all = alignment.pageSentences;
  return all ? t('popupFirstSentences', count(alignment.zh.length), count(all.zh), count(alignment.en.length), count(all.en)) : null;
}
