import type { Count } from '../api/types.js';
import type { DashboardFilter, ListField } from '../state/view-state.js';
import { h, replaceChildren } from '../ui/dom.js';
import { formatCount } from '../ui/format.js';

export interface FilterBarActions {
  change(patch: Partial<DashboardFilter>): void;
  toggle(field: ListField, value: string): void;
  clear(): void;
}

/** A value the filter bar offers; `count` is null where no count applies (sources). */
export type FilterOption = Omit<Count, 'count'> & { count: number | null };

/** Display names of filter values, gathered from every answer that carries one. */
export type Labels = Record<ListField, Map<string, string>>;

export function emptyLabels(): Labels {
  return { countries: new Map(), actors: new Map(), eventTypes: new Map(), sourceIds: new Map(), languages: new Map() };
}

const FIELD_NAMES: Record<ListField, string> = {
  countries: 'Country',
  actors: 'Actor',
  eventTypes: 'Event',
  sourceIds: 'Source',
  languages: 'Language',
};

// Typing pauses this long before the search runs, so that each keystroke is not a query.
const SEARCH_DELAY_MS = 350;

function input<T extends HTMLElement>(form: HTMLFormElement, name: string): T {
  const element = form.elements.namedItem(name);
  if (!element) throw new Error(`the filter form has no field ${name}`);
  return element as unknown as T;
}

/**
 * The filter bar: search, dates, "add a value" selects for each list field, relevant only, and
 * the active filters as removable chips. Every panel reads the same filter.
 */
export function createFilterBar(form: HTMLFormElement, chips: HTMLElement, actions: FilterBarActions) {
  const search = input<HTMLInputElement>(form, 'search');
  const from = input<HTMLInputElement>(form, 'from');
  const to = input<HTMLInputElement>(form, 'to');
  const relevant = input<HTMLInputElement>(form, 'relevantOnly');
  const selects = new Map<ListField, HTMLSelectElement>(
    (Object.keys(FIELD_NAMES) as ListField[]).map((field) => [field, input<HTMLSelectElement>(form, field)]),
  );
  let current: DashboardFilter | null = null;
  let timer = 0;

  const applySearch = () => {
    window.clearTimeout(timer);
    if (current && search.value.trim() !== current.search) actions.change({ search: search.value.trim() });
  };
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(applySearch, SEARCH_DELAY_MS);
  });
  // Enter searches at once. The form has no submit button: it would be one more tab stop for
  // what Enter already does.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') applySearch();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  const applyDates = () => {
    let a = from.value || null;
    let b = to.value || null;
    if (a && b && a > b) [a, b] = [b, a];
    actions.change({ from: a, to: b });
  };
  from.addEventListener('change', applyDates);
  to.addEventListener('change', applyDates);
  relevant.addEventListener('change', () => actions.change({ relevantOnly: relevant.checked }));
  for (const [field, select] of selects)
    select.addEventListener('change', () => {
      if (select.value) actions.toggle(field, select.value);
      select.value = '';
    });

  function renderChips(filter: DashboardFilter, labels: Labels) {
    const items: HTMLElement[] = [];
    const chip = (text: string, remove: () => void) => {
      const button = h(
        'button',
        { type: 'button', class: 'chip chip--active', 'aria-label': `Remove filter ${text}` },
        text,
        h('span', { 'aria-hidden': 'true' }, ' ×'),
      );
      button.addEventListener('click', remove);
      items.push(h('li', {}, button));
    };
    if (filter.search) chip(`Search: ${filter.search}`, () => actions.change({ search: '' }));
    if (filter.from || filter.to)
      chip(`Dates: ${filter.from ?? '…'} to ${filter.to ?? '…'}`, () => actions.change({ from: null, to: null }));
    for (const field of selects.keys())
      for (const value of filter[field])
        chip(`${FIELD_NAMES[field]}: ${labels[field].get(value) ?? value}`, () => actions.toggle(field, value));
    if (items.length === 0) {
      replaceChildren(chips);
      return;
    }
    const clear = h('button', { type: 'button', class: 'link-button' }, 'Clear all');
    clear.addEventListener('click', actions.clear);
    replaceChildren(chips, h('ul', { class: 'chips', 'aria-label': 'Active filters' }, ...items, h('li', {}, clear)));
  }

  return {
    /** Shows `filter` in the inputs (after a back button or a click elsewhere on the page). */
    sync(filter: DashboardFilter, labels: Labels) {
      current = filter;
      if (document.activeElement !== search) search.value = filter.search;
      from.value = filter.from ?? '';
      to.value = filter.to ?? '';
      relevant.checked = filter.relevantOnly;
      renderChips(filter, labels);
    },
    /** Fills a select with values to add; values already in the filter are left out. */
    setOptions(field: ListField, options: readonly FilterOption[], filter: DashboardFilter) {
      const select = selects.get(field)!;
      const placeholder = select.options[0]!;
      const available = options.filter((o) => !filter[field].includes(o.key));
      select.replaceChildren(
        placeholder,
        ...available.map((o) =>
          h('option', { value: o.key }, o.count === null ? o.label : `${o.label} (${formatCount(o.count)})`),
        ),
      );
    },
  };
}
