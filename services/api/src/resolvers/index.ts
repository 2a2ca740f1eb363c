import type { Resolvers } from '../generated/resolvers.js';
import { DateTimeScalar } from '../scalars.js';
import { Article } from './article.resolver.js';
import { Query } from './query.resolver.js';
import { Source } from './source.resolver.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Article, Source };
