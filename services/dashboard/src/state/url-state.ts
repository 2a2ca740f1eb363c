import type { ArticleOrder, Interval } from '../api/types.js';
import {
  type DashboardFilter,
  defaultViewState,
  INTERVALS,
  type ListField,
  ORDERS,
  type ViewState,
} from './view-state.js';

// The view state lives in the URL fragment, so that a view can be bookmarked and shared, and so
// that the back button undoes a filter. Short parameter names keep links readable.
const LIST_PARAMS: ReadonlyArray<[ListField, string]> = [
  ['countries', 'country'],
  ['actors', 'actor'],
  ['eventTypes', 'event'],
  ['sourceIds', 'source'],
  ['languages', 'lang'],
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string | null): string | null {
  return value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

/** The fragment for a view state; default values are left out, so the plain page has none. */
export function writeFragment(state: ViewState): string {
  const params = new URLSearchParams();
  const { filter } = state;
  if (filter.search.trim()) params.set('q', filter.search.trim());
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  for (const [field, name] of LIST_PARAMS) if (filter[field].length) params.set(name, filter[field].join(','));
  if (!filter.relevantOnly) params.set('relevant', '0');
  const defaults = defaultViewState();
  if (state.interval !== defaults.interval) params.set('interval', state.interval.toLowerCase());
  if (state.order !== defaults.order) params.set('sort', state.order.toLowerCase());
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** The view state of a fragment; unknown or malformed values fall back to the defaults. */
export function readFragment(fragment: string): ViewState {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const state = defaultViewState();
  const filter: DashboardFilter = state.filter;
  filter.search = params.get('q')?.trim() ?? '';
  filter.from = validDay(params.get('from'));
  filter.to = validDay(params.get('to'));
  for (const [field, name] of LIST_PARAMS) {
    const values = (params.get(name) ?? '').split(',').map((v) => v.trim());
    filter[field] = [...new Set(values.filter((v) => v.length > 0 && v.length <= 100))];
  }
  filter.relevantOnly = params.get('relevant') !== '0';
  const interval = params.get('interval')?.toUpperCase();
  if (INTERVALS.includes(interval as Interval)) state.interval = interval as Interval;
  const order = params.get('sort')?.toUpperCase();
  if (ORDERS.includes(order as ArticleOrder)) state.order = order as ArticleOrder;
  return state;
}
