// Every operation the dashboard sends, written out in full: this file doubles as a worked
// example of the public API for dashboard authors. The first paint needs only the four queries
// OVERVIEW, FACETS, TIMELINE and STORIES, each small; the reader's query runs on demand.

/** The fields of an article shown in the stories list (no body: lists stay small). */
const STORY_FIELDS = `
fragment StoryFields on Article {
  id title url publishedAt fetchedAt agencies language snippet
  source { id name }
  relevance { score relevant }
  countries { code name }
  actors { id name }
  events { type label }
  cluster { size }
}`;

/** The filter bar's event types, the source health table and the queue counts. Not filtered. */
export const OVERVIEW = `
query Overview {
  eventTypes { id label }
  sources {
    id name enabled articleCount
    health { lastSuccessAt lastErrorAt lastErrorCode consecutiveFailures itemsSeen nextPollAt }
  }
  ingestion { queues { name waiting active delayed failed completed } }
}`;

/**
 * Counts by dimension for the map, the bar charts and the filter bar's options. The limit covers
 * every African country plus the outside powers that the stories involve. Sources are left out:
 * the filter bar lists them from OVERVIEW, and the API's cost estimate of a full facets query
 * at this limit is over its ceiling.
 */
export const FACETS = `
query Facets($filter: ArticleFilter) {
  facets(filter: $filter, limit: 100) {
    total
    countries { key label count }
    actors { key label count }
    eventTypes { key label count }
    languages { key label count }
  }
}`;

/** Article counts per day, week or month, split by event type. */
export const TIMELINE = `
query Timeline($filter: ArticleFilter, $interval: Interval) {
  timeline(filter: $filter, interval: $interval) {
    interval
    buckets { start count byEventType { key label count } }
  }
}`;

/** One page of the stories list; `after` takes the previous page's `endCursor`. */
export const STORIES = `
query Stories($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int, $after: String) {
  articles(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...StoryFields } }
  }
}
${STORY_FIELDS}`;

/** One article in full, for the reader. */
export const READER = `
query Reader($id: ID!) {
  article(id: $id) {
    id title url byline publishedAt language agencies body wordCount
    source { name }
    relevance { score relevant reasons }
    countries { code name mentions }
    actors { id name kind mentions }
    events { type label evidence }
    cluster { size articles { id title source { name } } }
  }
}`;

/** New articles matching the filter, pushed over graphql-ws (the server ignores `search`). */
export const ARTICLE_ADDED = `
subscription ArticleAdded($filter: ArticleFilter) {
  articleAdded(filter: $filter) { ...StoryFields }
}
${STORY_FIELDS}`;
