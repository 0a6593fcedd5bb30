import { firstSentencesNote } from '@/utils/extension/alignment-status';
import type { TabAlignment } from '@/utils/extension/tab-alignments';

/** Where the page was too long to keep whole, which of its sentences were aligned: the popup's and the panel's note. */
export function FirstSentencesNote({ alignment }: { alignment: TabAlignment }) {
  const note = firstSentencesNote(alignment);
  return note ? (
    <p class="status" data-limited>
      {note}
    </p>
  ) : null;
}
