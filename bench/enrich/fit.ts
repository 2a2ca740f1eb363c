// `npx tsx bench/enrich/fit.ts [--write] [--lambda N]`: fits the relevance weights of
// packages/enrich/data/model.json on the labelled development set by L2-regularised logistic
// regression (Newton's method), reports 10-fold cross-validated P/R/F1 per language — the
// honest estimate for unseen texts — and, with --write, stores the weights.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../packages/enrich/src/analyze.js';
import { extractFeatures, FEATURE_SIGNS, FEATURES } from '../../packages/enrich/src/relevance-features.js';
import { flagSentences } from '../../packages/enrich/src/sentence-flags.js';
import { loadDev, type TopicItem, topicAvailable } from './dataset.js';
import { binary, fmt } from './metrics.js';

if (!topicAvailable()) {
  console.log('fit skipped: the topic development set is not available');
  process.exit(0);
}

const MODEL_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'packages',
  'enrich',
  'data',
  'model.json',
);
const args = process.argv.slice(2);
const lambdaArg = args.indexOf('--lambda');
const LAMBDA = lambdaArg >= 0 ? Number(args[lambdaArg + 1]) : 1;
const FOLDS = 10;

const items = loadDev();
const X = items.map((item) => {
  const f = extractFeatures(flagSentences(analyze(item)));
  return FEATURES.map((name) => f[name].value);
});
const y = items.map((i) => (i.relevant ? 1 : 0));

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < n; r += 1) {
      const k = M[r]![c]! / M[c]![c]!;
      for (let j = c; j <= n; j += 1) M[r]![j]! -= k * M[c]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let s = M[r]![n]!;
    for (let j = r + 1; j < n; j += 1) s -= M[r]![j]! * x[j]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

/**
 * Weights [bias, ...features] minimising log-loss + λ/2 |w|² (bias not penalised), with each
 * weight's sign as FEATURE_SIGNS says: evidence for the topic may only raise the score, and
 * evidence against it only lower it. Active set: a feature whose weight comes out with the
 * wrong sign is fixed at zero and the rest refitted.
 */
function fitWeights(rows: number[][], labels: number[], lambda: number): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const w = fitFree(rows, labels, lambda, fixed);
    let worst = -1;
    let worstValue = 0;
    FEATURES.forEach((name, j) => {
      const wrong = -FEATURE_SIGNS[name] * w[j + 1]!;
      if (!fixed.has(j + 1) && wrong > worstValue) {
        worst = j + 1;
        worstValue = wrong;
      }
    });
    if (worst < 0) return w;
    fixed.add(worst);
  }
}

function fitFree(rows: number[][], labels: number[], lambda: number, fixed: ReadonlySet<number>): number[] {
  const d = FEATURES.length + 1;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 100; iter += 1) {
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    rows.forEach((row, n) => {
      const x = [1, ...row];
      const z = x.reduce((s, v, j) => s + v * w[j]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const r = p * (1 - p);
      for (let j = 0; j < d; j += 1) {
        g[j]! += (labels[n]! - p) * x[j]!;
        for (let k = 0; k < d; k += 1) H[j]![k]! += r * x[j]! * x[k]!;
      }
    });
    for (let j = 1; j < d; j += 1) {
      g[j]! -= lambda * w[j]!;
      H[j]![j]! += lambda;
      // A fixed weight stays at zero: no gradient, and a decoupled row and column.
      if (fixed.has(j)) {
        g[j] = 0;
        for (let k = 0; k < d; k += 1) H[j]![k] = H[k]![j] = k === j ? 1 : 0;
      }
    }
    H[0]![0]! += 1e-6;
    const step = solve(H, g);
    w = w.map((v, j) => v + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

const predict = (w: number[], row: number[]): number =>
  1 / (1 + Math.exp(-[1, ...row].reduce((s, v, j) => s + v * w[j]!, 0)));

function report(label: string, predicted: boolean[]): void {
  for (const lang of ['en', 'fr'] as const) {
    const pick = (pred: (i: TopicItem) => boolean) =>
      binary(
        items
          .map((item, n) => ({ item, n }))
          .filter(({ item }) => item.lang === lang && pred(item))
          .map(({ item, n }) => ({ predicted: predicted[n]!, actual: item.relevant })),
      );
    console.log(`  ${label} ${lang}: ${fmt(pick(() => true))}`);
    console.log(`  ${label} ${lang} w/o grade 1: ${fmt(pick((i) => i.grade !== 1))}`);
  }
}

// Stratified folds by language and label, assigned in file order so every run is the same.
const fold = new Array<number>(items.length);
const counters = new Map<string, number>();
items.forEach((item, n) => {
  const key = `${item.lang}:${item.relevant}`;
  const c = counters.get(key) ?? 0;
  counters.set(key, c + 1);
  fold[n] = c % FOLDS;
});
const cv = new Array<boolean>(items.length);
for (let k = 0; k < FOLDS; k += 1) {
  const train = items.map((_, n) => n).filter((n) => fold[n] !== k);
  const w = fitWeights(
    train.map((n) => X[n]!),
    train.map((n) => y[n]!),
    LAMBDA,
  );
  items.forEach((_, n) => {
    if (fold[n] === k) cv[n] = predict(w, X[n]!) >= 0.5;
  });
}
const w = fitWeights(X, y, LAMBDA);
console.log(`lambda ${LAMBDA}`);
report(`${FOLDS}-fold CV`, cv);
report(
  'in-sample ',
  X.map((row) => predict(w, row) >= 0.5),
);
console.log(`  bias ${w[0]!.toFixed(3)}`);
for (const [j, name] of FEATURES.entries()) console.log(`  ${name.padEnd(14)} ${w[j + 1]!.toFixed(3)}`);

if (args.includes('--write')) {
  const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as {
    relevance: { bias: number; features: Record<string, { weight: number }> };
  };
  model.relevance.bias = Math.round(w[0]! * 1000) / 1000;
  FEATURES.forEach((name, j) => {
    model.relevance.features[name]!.weight = Math.round(w[j + 1]! * 1000) / 1000;
  });
  writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${MODEL_FILE}`);
}
