import { useState } from 'preact/hooks';
import type { TabAlignment } from '@/utils/extension/tab-alignments';

type PairFilter = 'all' | 'unmatched';

export function PairList({ alignment, onReveal }: { alignment: TabAlignment; onReveal: (zh: number[], en: number[]) => void }) {
  const [filter, setFilter] = useState<PairFilter>('all');
  const zhLang = `zh-${alignment.zhScript}`;
  const beads = alignment.result.beads
    .map((bead, index) => ({ bead, score: alignment.result.scores[index] ?? 0, index }))
    .filter(({ bead: [zh, en] }) => filter === 'all' || zh.length === 0 || en.length === 0);
  return (
    <section class="pairs">
      <div class="filter" role="radiogroup" aria-label="Show">
        {(['all', 'unmatched'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="filter" checked={filter === value} onChange={() => setFilter(value)} />
            {value === 'all' ? 'All' : 'Unmatched only'}
          </label>
        ))}
      </div>
      <ol class="list">
        {beads.map(({ bead: [zh, en], score, index }) => {
          const unmatched = zh.length === 0 ? 'en' : en.length === 0 ? 'zh' : undefined;
          return (
            <li
              key={index}
              data-pair={unmatched ? undefined : String(index)}
              data-unmatched={unmatched}
              class={unmatched ? 'unmatched' : score < 0.3 ? 'weak' : undefined}
            >
              <button type="button" class="reveal" onClick={() => onReveal(zh, en)} title="Show on the page">
                <div class="zh" lang={zh.length > 0 ? zhLang : undefined}>
                  {zh.length > 0 ? zh.map((i) => alignment.zh[i]).join('') : <em>No Chinese counterpart</em>}
                </div>
                <div class="en" lang={en.length > 0 ? 'en' : undefined}>
                  {en.length > 0 ? en.map((j) => alignment.en[j]).join(' ') : <em>No English counterpart</em>}
                </div>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
