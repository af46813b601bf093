/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours) between two short words. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= y.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[x.length][y.length];
}

/**
 * The candidate a mistyped word most likely meant: the nearest by edit distance, if it is close enough to be a
 * typo (at most a third of its length, and at least 2 edits allowed). Undefined when nothing is close.
 * @example closest('cellSizeMM', ['cellSizeM', 'rows', 'legend']) // 'cellSizeM'
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Long inputs are not typos of short keys; skip them so hostile keys cost nothing.
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
