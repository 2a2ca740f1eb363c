// The article-body metric of the extraction benchmark (../shared/data/extraction-bench/README.md):
// 4-token shingles compared as multisets, page precision and recall averaged over the pages
// where they are defined, F1 of the two means, and exact token-sequence accuracy.

/** Tokens as the benchmark counts them: runs of Unicode letters, digits and "_" (Python's `\w+`). */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Shingle width. */
const WIDTH = 4;

/** Every run of four consecutive tokens, counted. A text of 1–3 tokens gives one shorter shingle. */
export function shingles(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  // A separator that no token contains keeps ("a b", "c") and ("a", "b c") apart.
  if (tokens.length < WIDTH) add(tokens.join('\u0000'));
  else for (let i = 0; i + WIDTH <= tokens.length; i += 1) add(tokens.slice(i, i + WIDTH).join('\u0000'));
  return counts;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  /** Null when the prediction has no shingles (it then costs recall only). */
  precision: number | null;
  /** Null when the truth has no shingles. */
  recall: number | null;
  /** The token sequences are identical. */
  exact: boolean;
}

/** Scores one page: `predicted` against `truth`, both plain text. */
export function scorePage(predicted: string, truth: string): PageScore {
  const predictedTokens = tokenize(predicted);
  const truthTokens = tokenize(truth);
  const p = shingles(predictedTokens);
  const t = shingles(truthTokens);
  let tp = 0;
  let fp = 0;
  for (const [key, n] of p) {
    const shared = Math.min(n, t.get(key) ?? 0);
    tp += shared;
    fp += n - shared;
  }
  let fn = 0;
  for (const [key, n] of t) fn += n - Math.min(n, p.get(key) ?? 0);
  const ratio = (denominator: number): number | null => {
    if (denominator === 0) return null;
    if (fp === 0 && fn === 0) return 1;
    return tp === 0 ? 0 : tp / denominator;
  };
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp + fp),
    recall: ratio(tp + fn),
    exact:
      predictedTokens.length === truthTokens.length && predictedTokens.every((token, i) => token === truthTokens[i]),
  };
}

export interface Summary {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

/** Overall figures: F1 of the mean precision and the mean recall (not a mean of page F1s). */
export function summarize(scores: readonly PageScore[]): Summary {
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const precision = mean(scores.flatMap((s) => (s.precision === null ? [] : [s.precision])));
  const recall = mean(scores.flatMap((s) => (s.recall === null ? [] : [s.recall])));
  return {
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    precision,
    recall,
    accuracy: scores.length === 0 ? 0 : scores.filter((s) => s.exact).length / scores.length,
    pages: scores.length,
  };
}
