/**
 * Finds a protocol's ideas named in generic code (DESIGN.md, principle 4: the engine and the UI never name a
 * protocol). Comments are skipped; identifiers (split at camelCase) and string or JSX text are read, so
 * `viewTerm`, `'Isolate the leader'` and `<p>No leader</p>` are all found.
 */

/** Raft's and 2PC's words, and their inflections. */
const WORD =
  /^(terms?|leaders?|leadership|commit(s|ted|ting)?|coordinators?|followers?|(pre)?candidates?|participants?|vot(e|es|ed|ing|er|ers)|transactions?)$/;

export interface Hit {
  readonly line: number;
  readonly word: string;
  readonly text: string;
}

/** The source with every comment blanked out (line breaks kept, so line numbers hold). */
export function withoutComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      // A string is kept as it is (UI strings count); a quote in JSX text ends at the line's end at worst.
      let j = i + 1;
      while (j < source.length && source[j] !== c && (c === '`' || source[j] !== '\n')) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The words of an identifier or a phrase: `viewTerm` -> view, term; `LEADER_ID` -> leader, id. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Each line of `source` (comments aside) that names a protocol's idea, with the word found. */
export function protocolWords(source: string): Hit[] {
  const hits: Hit[] = [];
  withoutComments(source)
    .split('\n')
    .forEach((text, i) => {
      const word = wordsOf(text).find((w) => WORD.test(w));
      if (word) hits.push({ line: i + 1, word, text: text.trim() });
    });
  return hits;
}
