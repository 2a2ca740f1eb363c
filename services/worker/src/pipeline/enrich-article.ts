import {
  type ClusterMember,
  clusterOf,
  decodeSignature,
  encodeSignature,
  enrich,
  isEmptySignature,
  lshBandKeys,
  minhashSignature,
} from '@famwatch/enrich';
import type { ArticleEnrichment } from '@famwatch/shared';
import { clusterCandidates, mergeClusters, type Queryable, saveEnrichment, setClusters } from '@famwatch/store';

/** Enrichment of one article, computed before the database is touched (pure, CPU only). */
export interface ComputedEnrichment {
  enrichment: ArticleEnrichment;
  /** Encoded MinHash signature of the body, null when the body is too short to have one. */
  signature: string | null;
  bands: string[];
}

/** Runs enrichment and near-duplicate hashing on an article's text. */
export function computeEnrichment(article: {
  title: string;
  body: string;
  language: string | null;
}): ComputedEnrichment {
  const result = enrich({ title: article.title, text: article.body, lang: article.language });
  const signature = minhashSignature(article.body);
  const empty = isEmptySignature(signature);
  return {
    enrichment: {
      relevance: { ...result.relevance, reasons: [...result.relevance.reasons] },
      countries: result.countries.map((c) => ({ ...c })),
      actors: result.actors.map((a) => ({ ...a })),
      events: result.events.map((e) => ({ ...e })),
    },
    signature: empty ? null : encodeSignature(signature),
    bands: empty ? [] : lshBandKeys(signature),
  };
}

/**
 * Stores the enrichment of a stored article and places it in its syndication cluster: the
 * candidates sharing an LSH band are compared by MinHash similarity; copies share the
 * cluster id of the earliest copy already stored, and clusters that the article bridges merge.
 * Returns the article's cluster id.
 */
export async function storeEnrichment(
  q: Queryable,
  article: { id: string; publishedAt: string | null },
  computed: ComputedEnrichment,
): Promise<string> {
  await saveEnrichment(q, article.id, computed.enrichment, computed.signature, computed.bands);
  if (computed.signature === null) {
    await setClusters(q, [{ id: article.id, clusterId: article.id }]);
    return article.id;
  }
  const candidates = await clusterCandidates(q, article.id, computed.bands);
  const self: ClusterMember = {
    id: article.id,
    signature: decodeSignature(computed.signature),
    publishedAt: article.publishedAt,
  };
  const members: ClusterMember[] = candidates.map((c) => ({
    id: c.id,
    signature: decodeSignature(c.signature),
    publishedAt: c.publishedAt,
    clusterId: c.clusterId,
  }));
  const assignment = clusterOf(self, members);
  const matchedClusters = new Set(
    assignment.matches.map((m) => members.find((c) => c.id === m.id)?.clusterId).filter((id): id is string => !!id),
  );
  await mergeClusters(q, [...matchedClusters], assignment.clusterId);
  const unclustered = assignment.matches.filter((m) => !members.find((c) => c.id === m.id)?.clusterId).map((m) => m.id);
  await setClusters(
    q,
    [article.id, ...unclustered].map((id) => ({ id, clusterId: assignment.clusterId })),
  );
  return assignment.clusterId;
}
