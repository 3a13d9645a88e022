// "Did you mean ...?" for unknown app ids, labels and keys. Bounded work: words longer than anyone
// types get no suggestion, candidates whose length alone rules them out are skipped, and the edit
// distance stops as soon as it cannot beat the best candidate so far, so a profile with thousands
// of unknown names costs thousands of cheap comparisons against a fixed list, never more.

/** Words longer than this are not typos of an id or key: no suggestion. */
const LONGEST_WORD = 64;

/** Swapping two neighbours is the commonest slip ("dms" for "dsm"): it costs less than a substitution. */
const TRANSPOSITION = 0.5;

/**
 * Optimal string alignment distance (insert, delete, substitute: 1; swap neighbours: 0.5). With
 * `max`, returns Infinity as soon as the distance is known to exceed it.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prev2[j - 2]! + TRANSPOSITION);
      row.push(best);
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return Infinity;
    prev2 = prev;
    prev = row;
  }
  const d = prev[b.length]!;
  return d > max ? Infinity : d;
}

interface Candidate {
  name: string;
  /** Its kebab-case parts, for "drive" -> "synology-drive-server". */
  parts: Set<string>;
}

/** Candidate lists seen before, prepared once (app ids, schema keys, labels are fixed lists). */
const prepared = new WeakMap<object, Candidate[]>();

function prepare(candidates: Iterable<string>): Candidate[] {
  const cached = typeof candidates === 'object' ? prepared.get(candidates) : undefined;
  if (cached) return cached;
  const list = [...candidates].filter((name) => name.length <= LONGEST_WORD * 2).map((name) => ({ name, parts: new Set(name.split('-')) }));
  if (Array.isArray(candidates)) prepared.set(candidates, list);
  return list;
}

/**
 * A lower bound of the edit distance from the letters alone (a substitution, insertion or
 * deletion changes the letter counts by one; a swap not at all), computed without allocating:
 * `counts` holds the word's letter counts and is restored before returning.
 */
function letterDistance(counts: Int32Array, wordLength: number, name: string): number {
  let common = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i) & 0x7f;
    if (counts[c]! > 0) {
      counts[c]!--;
      common++;
    } else counts[c]!--;
  }
  for (let i = 0; i < name.length; i++) counts[name.charCodeAt(i) & 0x7f]!++;
  return Math.max(wordLength - common, name.length - common);
}

/** The word's letter counts, reused across calls (reset before returning) to spare the allocator. */
const counts = new Int32Array(128);

/**
 * The closest candidate, or undefined when nothing is close enough. A candidate that contains the
 * word as a whole kebab-case part ("drive" -> "synology-drive-server"), or the other way round
 * ("openvpn-server" -> "openvpn"), also counts. Ties go to the candidate with the same first
 * letter, then to the alphabetically first. Pass an array to have it prepared only once.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length === 0 || word.length > LONGEST_WORD) return undefined;
  const limit = Math.max(2, Math.floor(word.length / 3));
  const wordParts = word.length >= 3 && word.includes('-') ? new Set(word.split('-')) : undefined;
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) & 0x7f]!++;
  try {
    return closest(word, limit, wordParts, prepare(candidates));
  } finally {
    for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) & 0x7f]!--;
  }
}

function closest(word: string, limit: number, wordParts: Set<string> | undefined, candidates: Candidate[]): string | undefined {
  let best: { name: string; score: number; sameStart: boolean } | undefined;
  for (const { name, parts } of candidates) {
    const bound = best ? Math.min(limit, best.score) : limit;
    const part = (word.length >= 3 && parts.has(word)) || (name.length >= 3 && (wordParts?.has(name) ?? word === name));
    const far = Math.abs(name.length - word.length) > bound || letterDistance(counts, word.length, name) > bound;
    let score = far ? Infinity : editDistance(word, name, bound);
    if (score > limit && part) score = limit;
    if (score > limit) continue;
    const sameStart = name[0] === word[0];
    const better =
      !best ||
      score < best.score ||
      (score === best.score && (sameStart !== best.sameStart ? sameStart : name < best.name));
    if (better) best = { name, score, sameStart };
  }
  return best?.name;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s ? ` (did you mean "${s}"?)` : '';
}
