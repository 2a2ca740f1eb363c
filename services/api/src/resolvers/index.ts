import type { Resolvers } from '../generated/resolvers.js';
import { DateTimeScalar } from '../scalars.js';
import { Article, Cluster } from './article.resolver.js';
import { Failure, Ingestion, IngestJob } from './ingestion.resolver.js';
import { Mutation } from './mutation.resolver.js';
import { Query } from './query.resolver.js';
import { Source } from './source.resolver.js';
import { Subscription } from './subscription.resolver.js';

const typename = (value: { __typename?: string }) => value.__typename ?? null;

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  Article,
  Cluster,
  Source,
  Ingestion,
  Failure,
  IngestJob,
  AddSourceResult: { __resolveType: typename as never },
  UpdateSourceResult: { __resolveType: typename as never },
  RemoveSourceResult: { __resolveType: typename as never },
  RunSourceResult: { __resolveType: typename as never },
  IngestUrlResult: { __resolveType: typename as never },
  RetryFailuresResult: { __resolveType: typename as never },
  UserError: { __resolveType: typename as never },
};
