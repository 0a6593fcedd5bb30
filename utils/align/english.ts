/**
 * English tokens reduced to comparable stems. The same function stems dictionary glosses at build time and
 * page text at alignment time, so both sides meet in one vocabulary.
 */

// Words a Chinese translation renders with a word of its own stay out of this list, however common: so (这样,
// 所以), then (就, 然后), again (又, 再), also (也), because (因为), until (直到), if (如果). "And it was so" has no
// other word to meet 事就这样成了 by.
const STOPWORDS = new Set(
  `a an the of to in on at by for from with as and or but nor not no than that this these those there here
  is are was were be been being am do does did done have has had having will would shall should can could may might
  must it its it's he him his she her hers they them their theirs we us our ours you your yours i me my mine one
  ones who whom whose which what when where why how all any each every some such very just only too more most
  into onto about over under up down out off once else while upon per via etc sb sth
  someone something somebody oneself used see cl variant abbr lit fig pr esp old form archaic classifier`
    .split(/\s+/)
    .filter(Boolean),
);

// A Map, not an object: a page's English has words like "constructor" that an object's prototype answers for.
const IRREGULAR = new Map<string, string>(Object.entries({
  men: 'man', women: 'woman', children: 'child', people: 'person', feet: 'foot', teeth: 'tooth', mice: 'mouse',
  went: 'go', gone: 'go', saw: 'see', seen: 'see', said: 'say', says: 'say', told: 'tell', took: 'take',
  taken: 'take', gave: 'give', given: 'give', came: 'come', made: 'make', knew: 'know', known: 'know',
  thought: 'think', brought: 'bring', bought: 'buy', ate: 'eat', eaten: 'eat', wrote: 'write', written: 'write',
  ran: 'run', began: 'begin', begun: 'begin', felt: 'feel', left: 'leave', kept: 'keep', held: 'hold',
  stood: 'stand', sat: 'sit', spoke: 'speak', spoken: 'speak', found: 'find', got: 'get', gotten: 'get',
  heard: 'hear', met: 'meet', paid: 'pay', sent: 'send', built: 'build', fell: 'fall', fallen: 'fall',
  led: 'lead', lost: 'lose', slept: 'sleep', won: 'win', fought: 'fight', taught: 'teach', caught: 'catch',
  better: 'good', best: 'good', worse: 'bad', worst: 'bad', lay: 'lie', died: 'die', dying: 'die',
}));

// Endings tested with endsWith, not regular expressions: every word of a page is stemmed.
const SIBILANT_PLURAL_ENDINGS = ['ches', 'shes', 'sses', 'xes', 'zes'];
const NOT_PLURAL_ENDINGS = ['ss', 'us', 'is'];
const NOUN_ENDINGS = ['ment', 'ness', 'tion', 'sion'];
const DOUBLED_CONSONANTS = 'bdfgklmnprt';

/** A light suffix-stripping stemmer: enough to meet "talks", "talked", "talking" at "talk". */
export function stemEnglish(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && SIBILANT_PLURAL_ENDINGS.some((ending) => w.endsWith(ending))) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !NOT_PLURAL_ENDINGS.some((ending) => w.endsWith(ending))) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 6 && NOUN_ENDINGS.some((ending) => w.endsWith(ending))) w = w.slice(0, -4);
  // "stopp" from "stopped", "runn" from "running": undouble the final consonant.
  if (w.length > 3 && w.charCodeAt(w.length - 1) === w.charCodeAt(w.length - 2) && DOUBLED_CONSONANTS.includes(w[w.length - 1]!)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const WORD = /[a-z]+(?:'[a-z]+)?/g;

/** Content-word stems of an English text, in order (repeats kept). */
export function englishStems(text: string): string[] {
  const stems: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].endsWith("'s") ? match[0].slice(0, -2) : match[0];
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    stems.push(stemEnglish(word));
  }
  return stems;
}

/** Capitalised words that are not sentence-initial: candidate names, compared with Chinese pinyin. */
export function englishNameTokens(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/(?<![.!?]\s|^)\b([A-Z][a-z]+(?:-[A-Za-z]+)?)/g)) {
    names.push(match[1]!.toLowerCase().replace(/-/g, ''));
  }
  return names;
}
