// @famwatch/enrich: pure enrichment (relevance, countries, actors, events, near-duplicate
// clusters). No I/O: nothing here reads files, the network or the clock; the data files are
// compiled into matchers when the module loads.

export { actorCatalog } from './actors.js';
export {
  type ClusterAssignment,
  type ClusterMember,
  type ClusterOptions,
  clusterArticles,
  clusterOf,
  compareEarliest,
} from './cluster/cluster-of.js';
export { type LshOptions, lshBandKeys } from './cluster/lsh.js';
export {
  decodeSignature,
  encodeSignature,
  isEmptySignature,
  type MinHashOptions,
  type MinHashSignature,
  minhashSignature,
  similarity,
} from './cluster/minhash.js';
export { EnrichDataError } from './dictionary.js';
export { enrich } from './enrich.js';
export { EVENT_TAXONOMY } from './events.js';
export { parseEnrichInput } from './input.js';
export type * from './types.js';
