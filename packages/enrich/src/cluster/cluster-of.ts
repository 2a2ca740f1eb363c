// Syndication clusters: copies of one wire story share a cluster, and the earliest published
// copy leads it. `clusterOf` places one new article among stored candidates (the worker's
// case); `clusterArticles` groups a whole batch (re-enrichment, benchmarks).
import { type LshOptions, lshBandKeys } from './lsh.js';
import { type MinHashSignature, similarity } from './minhash.js';

/** An article as clustering sees it. */
export interface ClusterMember {
  readonly id: string;
  readonly signature: MinHashSignature;
  /** ISO-8601 publication time; null (unknown) sorts after every dated copy. */
  readonly publishedAt: string | null;
  /** The cluster the article already belongs to, for stored candidates. */
  readonly clusterId?: string | null;
}

/** Options of clustering. */
export interface ClusterOptions extends LshOptions {
  /** Least estimated similarity for two texts to be copies of one story. @defaultValue 0.5 */
  readonly threshold?: number;
}

/** Where `clusterOf` places an article. */
export interface ClusterAssignment {
  /**
   * The cluster: the matched candidates' existing cluster id, or the id of the earliest copy
   * when none of them had one yet; the article's own id when it matched nothing.
   */
  readonly clusterId: string;
  /** The earliest published copy among the article and its matches. */
  readonly leadId: string;
  /** Candidates similar enough, most similar first. Empty: the story is unique so far. */
  readonly matches: ReadonlyArray<{ readonly id: string; readonly similarity: number }>;
}

export const DEFAULT_THRESHOLD = 0.5;

/** Earlier publication first; undated copies last; ties broken by id for stability. */
export function compareEarliest(a: ClusterMember, b: ClusterMember): number {
  const ta = a.publishedAt ? Date.parse(a.publishedAt) : Number.NaN;
  const tb = b.publishedAt ? Date.parse(b.publishedAt) : Number.NaN;
  const va = Number.isNaN(ta) ? Number.POSITIVE_INFINITY : ta;
  const vb = Number.isNaN(tb) ? Number.POSITIVE_INFINITY : tb;
  if (va !== vb) return va < vb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Places `article` among `candidates` (typically the stored articles sharing an LSH band key
 * with it). Candidates below the similarity threshold, and the article itself, are ignored.
 */
export function clusterOf(
  article: ClusterMember,
  candidates: readonly ClusterMember[],
  options: ClusterOptions = {},
): ClusterAssignment {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const matched = candidates
    .filter((c) => c.id !== article.id)
    .map((c) => ({ member: c, similarity: similarity(article.signature, c.signature) }))
    .filter((m) => m.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity || compareEarliest(a.member, b.member));
  if (matched.length === 0) return { clusterId: article.clusterId ?? article.id, leadId: article.id, matches: [] };
  const copies = [article, ...matched.map((m) => m.member)].sort(compareEarliest);
  // Keep an existing cluster id (the earliest copy's, if several clusters meet), so that ids
  // already stored and exposed do not change when a new copy arrives.
  const existing = copies.find((c) => c.clusterId)?.clusterId;
  return {
    clusterId: existing ?? copies[0]!.id,
    leadId: copies[0]!.id,
    matches: matched.map((m) => ({ id: m.member.id, similarity: m.similarity })),
  };
}

/** A batch's clusters: each article's cluster id is its earliest copy's id (the lead). */
export function clusterArticles(
  articles: readonly ClusterMember[],
  options: ClusterOptions = {},
): Map<string, { readonly clusterId: string; readonly size: number }> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  // Candidates come from shared band keys, as in the database; only they are compared.
  const buckets = new Map<string, number[]>();
  articles.forEach((a, i) => {
    for (const key of lshBandKeys(a.signature, options)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  const compared = new Set<number>();
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x += 1) {
      for (let y = x + 1; y < bucket.length; y += 1) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        const pair = i * articles.length + j;
        if (compared.has(pair)) continue;
        compared.add(pair);
        if (similarity(articles[i]!.signature, articles[j]!.signature) >= threshold) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, ClusterMember[]>();
  articles.forEach((a, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(a);
    else groups.set(root, [a]);
  });
  const out = new Map<string, { clusterId: string; size: number }>();
  for (const group of groups.values()) {
    const lead = [...group].sort(compareEarliest)[0]!;
    for (const a of group) out.set(a.id, { clusterId: lead.id, size: group.length });
  }
  return out;
}
