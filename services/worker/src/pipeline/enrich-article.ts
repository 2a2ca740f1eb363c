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
import type { ArticleEnrichment, ExtractedArticle } from '@famwatch/shared';
import { articleIdFor } from '@famwatch/shared';
import { lockClusterCandidates, type Queryable, writeEnrichedArticle } from '@famwatch/store';

/**
 * Near-duplicate hashing settings. 64 hash functions in 16 bands of 4 rows put the candidate
 * threshold near a similarity of 0.5 (the clustering threshold) at half the hashing and half
 * the band rows of the library's defaults; wire copies score 0.8 and more, so nothing is lost.
 */
export const MINHASH_OPTIONS = { numHashes: 64 } as const;
export const LSH_OPTIONS = { bands: 16, rows: 4 } as const;

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
  const signature = minhashSignature(article.body, MINHASH_OPTIONS);
  const empty = isEmptySignature(signature);
  return {
    enrichment: {
      relevance: { ...result.relevance, reasons: [...result.relevance.reasons] },
      countries: result.countries.map((c) => ({ ...c })),
      actors: result.actors.map((a) => ({ ...a })),
      events: result.events.map((e) => ({ ...e })),
    },
    signature: empty ? null : encodeSignature(signature),
    bands: empty ? [] : lshBandKeys(signature, LSH_OPTIONS),
  };
}

/**
 * Stores an article with its enrichment, placed in its syndication cluster: the candidates
 * sharing an LSH band are compared by MinHash similarity; copies share the cluster id of the
 * earliest copy already stored, and clusters that the article bridges merge. The cluster is
 * found before the write so that the article row is written once.
 */
export async function storeEnrichedArticle(
  q: Queryable,
  input: { article: ExtractedArticle; sourceId: string; fetchedAt: string },
  computed: ComputedEnrichment,
): Promise<{ id: string; created: boolean; clusterId: string }> {
  const id = articleIdFor(input.article.canonicalUrl);
  let clusterId = id;
  let merge: string[] = [];
  let join: string[] = [];
  if (computed.signature !== null) {
    // Copies of one story share band keys: holding the keys' locks until commit makes the
    // second copy wait for the first and see it, even when both arrive at the same moment.
    const candidates = await lockClusterCandidates(q, id, computed.bands);
    const self: ClusterMember = {
      id,
      signature: decodeSignature(computed.signature),
      publishedAt: input.article.publishedAt,
    };
    const members: ClusterMember[] = candidates.map((c) => ({
      id: c.id,
      signature: decodeSignature(c.signature),
      publishedAt: c.publishedAt,
      clusterId: c.clusterId,
    }));
    const assignment = clusterOf(self, members, LSH_OPTIONS);
    clusterId = assignment.clusterId;
    const byId = new Map(members.map((m) => [m.id, m]));
    merge = [
      ...new Set(
        assignment.matches.map((m) => byId.get(m.id)?.clusterId).filter((c): c is string => !!c && c !== clusterId),
      ),
    ];
    join = assignment.matches.filter((m) => !byId.get(m.id)?.clusterId).map((m) => m.id);
  }
  const row = await writeEnrichedArticle(
    q,
    { ...input, enrichment: { data: computed.enrichment, signature: computed.signature, clusterId } },
    { bands: computed.bands, merge, join },
  );
  return { ...row, clusterId };
}
