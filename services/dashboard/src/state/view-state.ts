import type { ArticleFilter, ArticleOrder, Interval } from '../api/types.js';

/** What the filter bar holds. Dates are calendar days (YYYY-MM-DD, UTC), both ends included. */
export interface DashboardFilter {
  search: string;
  from: string | null;
  to: string | null;
  countries: string[];
  actors: string[];
  eventTypes: string[];
  sourceIds: string[];
  languages: string[];
  relevantOnly: boolean;
}

/** Everything the page shows depends on this, and the URL fragment holds all of it. */
export interface ViewState {
  filter: DashboardFilter;
  interval: Interval;
  order: ArticleOrder;
}

/** The list fields of the filter: each can hold several values (OR within the list). */
export type ListField = 'countries' | 'actors' | 'eventTypes' | 'sourceIds' | 'languages';

export const INTERVALS: readonly Interval[] = ['DAY', 'WEEK', 'MONTH'];
export const ORDERS: readonly ArticleOrder[] = ['NEWEST', 'OLDEST', 'RELEVANCE', 'SEARCH_RANK'];

export function emptyFilter(): DashboardFilter {
  // Relevant only by default: the first minute should show the topic, not every feed item.
  return {
    search: '',
    from: null,
    to: null,
    countries: [],
    actors: [],
    eventTypes: [],
    sourceIds: [],
    languages: [],
    relevantOnly: true,
  };
}

export function defaultViewState(): ViewState {
  return { filter: emptyFilter(), interval: 'MONTH', order: 'NEWEST' };
}

const DAY_MS = 86_400_000;

/** The day after a YYYY-MM-DD date, because the API's `to` excludes its instant. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The API's ArticleFilter for a dashboard filter; empty fields are left out. */
export function toArticleFilter(filter: DashboardFilter): ArticleFilter {
  const result: ArticleFilter = {};
  const search = filter.search.trim();
  if (search) result.search = search;
  if (filter.from) result.from = `${filter.from}T00:00:00Z`;
  if (filter.to) result.to = `${nextDay(filter.to)}T00:00:00Z`;
  if (filter.countries.length) result.countries = filter.countries;
  if (filter.actors.length) result.actors = filter.actors;
  if (filter.eventTypes.length) result.eventTypes = filter.eventTypes;
  if (filter.sourceIds.length) result.sourceIds = filter.sourceIds;
  if (filter.languages.length) result.languages = filter.languages;
  if (filter.relevantOnly) result.relevantOnly = true;
  return result;
}

/** `list` with `value` added, or removed when it was there. */
export function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** True when both filters select the same articles. */
export function sameFilter(a: DashboardFilter, b: DashboardFilter): boolean {
  return JSON.stringify(toArticleFilter(a)) === JSON.stringify(toArticleFilter(b));
}

/** The order to use: best match needs a search, so without one it falls back to newest. */
export function effectiveOrder(state: ViewState): ArticleOrder {
  return state.order === 'SEARCH_RANK' && !state.filter.search.trim() ? 'NEWEST' : state.order;
}
