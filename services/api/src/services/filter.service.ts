import type { ArticleRecord, Gql } from '@famwatch/shared';
import type { ArticleFilterInput } from '@famwatch/store';
import { userInputError } from '../errors.js';

const LIST_LIMIT = 200;
const CODE = /^[A-Z]{2}$/;
const LANG = /^[a-z]{2,3}$/;

function list(name: string, values: readonly string[] | null | undefined, pattern?: RegExp): string[] | null {
  if (!values) return null;
  if (values.length > LIST_LIMIT) throw userInputError(`${name} takes at most ${LIST_LIMIT} values`, name);
  for (const value of values) {
    if (value.length > 100 || (pattern && !pattern.test(value))) {
      throw userInputError(`${name} has an invalid value ${JSON.stringify(value.slice(0, 100))}`, name);
    }
  }
  return [...values];
}

/** Checks a GraphQL ArticleFilter and turns it into the store's filter. Bad input: BAD_USER_INPUT. */
export function toFilterInput(filter: Gql.ArticleFilter | null | undefined): ArticleFilterInput {
  if (!filter) return {};
  // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
  if (JSON.stringify(filter).includes('\\u0000')) throw userInputError('the filter contains a NUL character', 'filter');
  if (filter.search !== null && filter.search !== undefined && filter.search.length > 500) {
    throw userInputError('search is limited to 500 characters', 'search');
  }
  if (filter.from && filter.to && Date.parse(filter.from) >= Date.parse(filter.to)) {
    throw userInputError('`from` must be before `to`', 'from');
  }
  const min = filter.minRelevance;
  if (min !== null && min !== undefined && !(min >= 0 && min <= 1)) {
    throw userInputError('minRelevance must be between 0 and 1', 'minRelevance');
  }
  return {
    search: filter.search ?? null,
    countries: list('countries', filter.countries, CODE),
    actors: list('actors', filter.actors),
    eventTypes: list('eventTypes', filter.eventTypes),
    sourceIds: list('sourceIds', filter.sourceIds),
    languages: list('languages', filter.languages, LANG),
    agencies: list('agencies', filter.agencies),
    from: filter.from ?? null,
    to: filter.to ?? null,
    relevantOnly: filter.relevantOnly ?? null,
    minRelevance: min ?? null,
  };
}

const overlaps = (wanted: readonly string[] | null | undefined, have: readonly string[]) =>
  !wanted?.length || wanted.some((value) => have.includes(value));

/** Whether a stored article passes a filter (live updates; `search` is not applied there). */
export function articleMatches(article: ArticleRecord, filter: ArticleFilterInput): boolean {
  const when = Date.parse(article.publishedAt ?? article.fetchedAt);
  const e = article.enrichment;
  return (
    overlaps(
      filter.countries,
      e.countries.map((c) => c.code),
    ) &&
    overlaps(
      filter.actors,
      e.actors.map((a) => a.id),
    ) &&
    overlaps(
      filter.eventTypes,
      e.events.map((ev) => ev.type),
    ) &&
    overlaps(filter.agencies, article.agencies) &&
    (!filter.sourceIds?.length || filter.sourceIds.includes(article.sourceId)) &&
    (!filter.languages?.length || (article.language !== null && filter.languages.includes(article.language))) &&
    (!filter.from || when >= Date.parse(filter.from)) &&
    (!filter.to || when < Date.parse(filter.to)) &&
    (!filter.relevantOnly || e.relevance.relevant) &&
    (filter.minRelevance === null || filter.minRelevance === undefined || e.relevance.score >= filter.minRelevance)
  );
}
