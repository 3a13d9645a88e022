// "Did you mean ...?" for unknown app ids, labels and keys.

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidate, or undefined when nothing is close enough. A candidate that contains the
 * word as a whole kebab-case part ("drive" -> "synology-drive-server"), or the other way round
 * ("openvpn-server" -> "openvpn"), also counts.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: { name: string; score: number } | undefined;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const name of candidates) {
    let score = editDistance(word, name);
    const partOf = (a: string, b: string) => a.length >= 3 && b.split('-').includes(a);
    if (score > limit && (partOf(word, name) || partOf(name, word))) score = limit;
    if (score <= limit && (!best || score < best.score || (score === best.score && name < best.name))) {
      best = { name, score };
    }
  }
  return best?.name;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s ? ` (did you mean "${s}"?)` : '';
}
