// Result shapes of the dashboard's operations, cut from the types generated from the SDL, so
// that a schema change that breaks a query breaks the type-check too.
import type * as Gql from '@famwatch/shared/graphql';

export type ArticleFilter = Gql.ArticleFilter;
export type ArticleOrder = Gql.ArticleOrder;
export type Interval = Gql.Interval;
export type Count = Pick<Gql.Count, 'key' | 'label' | 'count'>;

/** One article as the stories list shows it (the `StoryFields` fragment). */
export type Story = Pick<
  Gql.Article,
  'id' | 'title' | 'url' | 'publishedAt' | 'fetchedAt' | 'agencies' | 'language' | 'snippet'
> & {
  source: Pick<Gql.Source, 'id' | 'name'>;
  relevance: Pick<Gql.Relevance, 'score' | 'relevant'>;
  countries: Array<Pick<Gql.CountryTag, 'code' | 'name'>>;
  actors: Array<Pick<Gql.ActorTag, 'id' | 'name'>>;
  events: Array<Pick<Gql.EventTag, 'type' | 'label'>>;
  cluster: Pick<Gql.Cluster, 'size'> | null;
};

export interface StoriesResult {
  articles: {
    totalCount: number;
    pageInfo: Pick<Gql.PageInfo, 'hasNextPage' | 'endCursor'>;
    edges: Array<{ node: Story }>;
  };
}

export interface FacetsResult {
  facets: Pick<Gql.Facets, 'total'> & {
    countries: Count[];
    actors: Count[];
    eventTypes: Count[];
    languages: Count[];
  };
}

export interface TimelineBucket {
  start: string;
  count: number;
  byEventType: Count[];
}

export interface TimelineResult {
  timeline: { interval: Interval; buckets: TimelineBucket[] };
}

export type SourceHealth = Pick<
  Gql.SourceHealth,
  'lastSuccessAt' | 'lastErrorAt' | 'lastErrorCode' | 'consecutiveFailures' | 'itemsSeen' | 'nextPollAt'
>;

export type SourceStatus = Pick<Gql.Source, 'id' | 'name' | 'enabled' | 'articleCount'> & { health: SourceHealth };

export type QueueCounts = Pick<Gql.QueueCounts, 'name' | 'waiting' | 'active' | 'delayed' | 'failed' | 'completed'>;

export interface OverviewResult {
  eventTypes: Array<Pick<Gql.EventTypeInfo, 'id' | 'label'>>;
  sources: SourceStatus[];
  ingestion: { queues: QueueCounts[] };
}

/** One article as the reader shows it. */
export type ReaderArticle = Pick<
  Gql.Article,
  'id' | 'title' | 'url' | 'byline' | 'publishedAt' | 'language' | 'agencies' | 'body' | 'wordCount'
> & {
  source: Pick<Gql.Source, 'name'>;
  relevance: Pick<Gql.Relevance, 'score' | 'relevant' | 'reasons'>;
  countries: Array<Pick<Gql.CountryTag, 'code' | 'name' | 'mentions'>>;
  actors: Array<Pick<Gql.ActorTag, 'id' | 'name' | 'kind' | 'mentions'>>;
  events: Array<Pick<Gql.EventTag, 'type' | 'label' | 'evidence'>>;
  cluster:
    | (Pick<Gql.Cluster, 'size'> & { articles: Array<{ id: string; title: string; source: { name: string } }> })
    | null;
};

export interface ReaderResult {
  article: ReaderArticle | null;
}

export interface ArticleAddedResult {
  articleAdded: Story;
}
