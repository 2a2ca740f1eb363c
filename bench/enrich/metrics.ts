// Precision, recall and F1 for binary decisions and for micro-averaged set tagging.

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Binary P/R/F1 of predictions against labels. */
export function binary(pairs: ReadonlyArray<{ predicted: boolean; actual: boolean }>): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) tp += 1;
    else if (predicted) fp += 1;
    else if (actual) fn += 1;
  }
  return prf(tp, fp, fn);
}

/** Micro-averaged P/R/F1 of predicted code sets against gold sets. */
export function sets(pairs: ReadonlyArray<{ predicted: readonly string[]; actual: readonly string[] }>): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { predicted, actual } of pairs) {
    const gold = new Set(actual);
    const got = new Set(predicted);
    for (const code of got)
      if (gold.has(code)) tp += 1;
      else fp += 1;
    for (const code of gold) if (!got.has(code)) fn += 1;
  }
  return prf(tp, fp, fn);
}

export const fmt = (m: Prf): string =>
  `P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  (tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
