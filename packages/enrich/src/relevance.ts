// The relevance decision: a logistic model over the features of relevance-features.ts, with
// weights from data/model.json, and the reasons that explain it.
import model from '../data/model.json' with { type: 'json' };
import { FEATURES, type Feature, type FeatureVector } from './relevance-features.js';
import type { RelevanceResult } from './types.js';

/** A relevance model: the bias, one weight per feature, and the decision threshold. */
export interface RelevanceModel {
  readonly bias: number;
  readonly threshold: number;
  readonly weights: Readonly<Record<Feature, number>>;
  readonly about: Readonly<Record<Feature, string>>;
}

function loadModel(): RelevanceModel {
  const features = model.relevance.features as Record<string, { weight: number; about: string }>;
  const weights = {} as Record<Feature, number>;
  const about = {} as Record<Feature, string>;
  for (const feature of FEATURES) {
    const entry = features[feature];
    if (!entry || typeof entry.weight !== 'number')
      throw new Error(`enrich data: model.json has no weight for ${feature}`);
    weights[feature] = entry.weight;
    about[feature] = entry.about;
  }
  return { bias: model.relevance.bias, threshold: model.relevance.threshold, weights, about };
}

/** The model of data/model.json. */
export const RELEVANCE_MODEL: RelevanceModel = loadModel();

const MAX_REASONS = 8;
const MIN_CONTRIBUTION = 0.05;
const EVIDENCE_CHARS = 220;

const clip = (text: string): string => (text.length > EVIDENCE_CHARS ? `${text.slice(0, EVIDENCE_CHARS - 1)}…` : text);

/** The model's log-odds for a feature vector (the score before the logistic squashing). */
export function logOdds(features: FeatureVector, m: RelevanceModel = RELEVANCE_MODEL): number {
  let z = m.bias;
  for (const feature of FEATURES) z += m.weights[feature] * features[feature].value;
  return z;
}

/** Scores a feature vector and explains the score, strongest evidence first. */
export function scoreRelevance(features: FeatureVector, m: RelevanceModel = RELEVANCE_MODEL): RelevanceResult {
  const z = logOdds(features, m);
  const score = 1 / (1 + Math.exp(-z));
  const reasons = FEATURES.map((feature) => ({ feature, contribution: m.weights[feature] * features[feature].value }))
    .filter((r) => Math.abs(r.contribution) >= MIN_CONTRIBUTION)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, MAX_REASONS)
    .map(({ feature, contribution }) => {
      const sign = contribution >= 0 ? '+' : '−';
      const evidence = features[feature].evidence;
      return `${sign}${Math.abs(contribution).toFixed(2)} ${m.about[feature]}${evidence ? `: ${clip(evidence)}` : ''}`;
    });
  return { score: Math.round(score * 1000) / 1000, relevant: score >= m.threshold, reasons };
}
