/**
 * A lexicon learned from the document itself. The dictionary does not know most names (韦小宝 ↔ Trinket,
 * 以诺 ↔ Enoch) nor a translator's habits, but a long text repeats them: strings and English tokens that keep
 * meeting in the confident beads of a first alignment are taken as translations of each other for a second one.
 */
import type { Dictionary } from './dictionary';
import type { EnSentence, ZhSentence } from './features';

/** Beads of at least this quality teach the lexicon. */
const TEACHING_QUALITY = 0.3;
/** A string unknown to the dictionary (a name, most often) needs this many meetings and this Dice coefficient. */
const MIN_MEETINGS = 3;
const MIN_DICE = 0.6;
/** A dictionary word's own glosses are trusted unless the document shows another rendering strongly and often. */
const MIN_MEETINGS_FOR_KNOWN_WORD = 10;
const MIN_DICE_FOR_KNOWN_WORD = 0.6;
const LOWEST_DICE = Math.min(MIN_DICE, MIN_DICE_FOR_KNOWN_WORD);

interface TeachingBead {
  zh: number[];
  en: number[];
  quality: number;
}

function countMeetings(beads: TeachingBead[], zh: ZhSentence[], en: EnSentence[]) {
  const teaching = beads
    .filter((b) => b.quality >= TEACHING_QUALITY && b.zh.length > 0 && b.en.length > 0)
    .map((b) => ({ strings: new Set(b.zh.flatMap((i) => zh[i]!.learnable)), tokens: new Set(b.en.flatMap((j) => en[j]!.tokens)) }));
  let tokenRange = 0;
  for (const { tokens } of teaching) for (const token of tokens) tokenRange = Math.max(tokenRange, token + 1);
  const zhCount = new Map<string, number>();
  // Token ids are the document's vocabulary numbers, dense from 0: counted in an array, not a Map.
  const enCount = new Int32Array(tokenRange);
  for (const { strings, tokens } of teaching) {
    for (const string of strings) zhCount.set(string, (zhCount.get(string) ?? 0) + 1);
    for (const token of tokens) enCount[token]! += 1;
  }
  // Pairs are counted only between strings and tokens seen often enough to be learned at all, and only where their
  // counts let the pair's Dice coefficient, at most 2·min(counts) / (sum of counts), reach the lowest threshold. A
  // pair is one number, the string's (in the order strings first pair) times the token range plus the token: one Map
  // of numbers rather than a Map of Maps, which were a twentieth of a chapter's alignment.
  const strings: string[] = [];
  const stringNumbers = new Map<string, number>();
  const together = new Map<number, number>();
  for (const { strings: beadStrings, tokens } of teaching) {
    const frequentTokens: Array<{ token: number; count: number }> = [];
    for (const token of tokens) {
      const count = enCount[token]!;
      if (count >= MIN_MEETINGS) frequentTokens.push({ token, count });
    }
    for (const string of beadStrings) {
      const count = zhCount.get(string)!;
      if (count < MIN_MEETINGS) continue;
      for (const { token, count: tokenCount } of frequentTokens) {
        if (2 * Math.min(count, tokenCount) < LOWEST_DICE * (count + tokenCount)) continue;
        let number = stringNumbers.get(string);
        if (number === undefined) {
          stringNumbers.set(string, (number = strings.length));
          strings.push(string);
        }
        const pair = number * tokenRange + token;
        together.set(pair, (together.get(pair) ?? 0) + 1);
      }
    }
  }
  return { zhCount, enCount, together, strings, tokenRange };
}

/** Each Chinese string's best English token, where the document supports it well enough. */
export function learnLexicon(beads: TeachingBead[], zh: ZhSentence[], en: EnSentence[], dictionary: Dictionary): Map<string, number> {
  const { zhCount, enCount, together, strings, tokenRange } = countMeetings(beads, zh, en);
  const learned = new Map<string, { token: number; dice: number }>();
  // A string's pairs come in the order they were first met, as its tokens did when each string had a Map of its own:
  // of two tokens as good, the first met is kept.
  for (const [pair, meetings] of together) {
    const string = strings[Math.floor(pair / tokenRange)]!;
    const token = pair % tokenRange;
    const known = (dictionary.stemsOf(string)?.length ?? 0) > 0;
    if (meetings < (known ? MIN_MEETINGS_FOR_KNOWN_WORD : MIN_MEETINGS)) continue;
    const dice = (2 * meetings) / (zhCount.get(string)! + enCount[token]!);
    if (dice < (known ? MIN_DICE_FOR_KNOWN_WORD : MIN_DICE)) continue;
    const current = learned.get(string);
    if (!current || current.dice < dice) learned.set(string, { token, dice });
  }
  return new Map([...learned].map(([string, { token }]) => [string, token]));
}

/**
 * Adds the learned translations to the Chinese sentences and returns the indices of the sentences that changed.
 * A translation goes to the unit of the same string where there is one, otherwise into an optional unit, which
 * counts only where it matches. In a sentence, a string inside a longer learned one (小宝 inside 韦小宝) is left
 * out, so that one name is not counted twice.
 */
export function applyLexicon(lexicon: Map<string, number>, zh: ZhSentence[]): Set<number> {
  const changed = new Set<number>();
  if (lexicon.size === 0) return changed;
  zh.forEach((sentence, index) => {
    const present = sentence.learnable.filter((s) => lexicon.has(s)).sort((a, b) => b.length - a.length);
    const applied: string[] = [];
    for (const string of present) {
      if (applied.some((longer) => longer.includes(string))) continue;
      applied.push(string);
      const token = lexicon.get(string)!;
      const unit = sentence.units.find((u) => u.key === string);
      if (!unit) sentence.units.push({ translations: [token], optional: true, key: `learned:${string}` });
      else if (!unit.translations.includes(token)) unit.translations = [...unit.translations, token];
      else continue;
      changed.add(index);
    }
  });
  return changed;
}
