import { request } from './api/graphql-client.js';
import { latestOnly } from './api/latest-only.js';
import type { LiveFeed, LiveStatus } from './api/live.js';
import { FACETS, OVERVIEW, STORIES, TIMELINE } from './api/queries.js';
import type {
  ArticleFilter,
  Count,
  FacetsResult,
  OverviewResult,
  StoriesResult,
  Story,
  TimelineResult,
} from './api/types.js';
import { createBarListPanel } from './panels/bar-list.panel.js';
import { createFilterBar, emptyLabels, type Labels } from './panels/filter-bar.js';
import { createHealthPanel } from './panels/health.panel.js';
import { createMapPanel } from './panels/map.panel.js';
import { createStoriesPanel } from './panels/stories.panel.js';
import { createTimelinePanel } from './panels/timeline.panel.js';
import { Store } from './state/store.js';
import { readFragment, writeFragment } from './state/url-state.js';
import {
  effectiveOrder,
  emptyFilter,
  sameFilter,
  toArticleFilter,
  toggle,
  type ViewState,
} from './state/view-state.js';
import { byId } from './ui/dom.js';
import { isAbort, setBusy, showError } from './ui/panel-status.js';

/** Stories per page: enough to fill a laptop screen, small enough to answer fast. */
const PAGE_SIZE = 20;
/** How often source health and queue counts refresh by themselves. */
const OVERVIEW_EVERY_MS = 30_000;
/** Live arrivals come in bursts (a feed poll stores several): counts refresh once after it. */
const COUNTS_AFTER_LIVE_MS = 1_500;

/** Marked when the filtered panels (timeline, map, bars, stories) first show data. */
export const FIRST_RENDER_MARK = 'famwatch:first-render';
/** Marked when source health shows too; `data-ready` is set on <html> at the same time. */
export const ALL_PANELS_MARK = 'famwatch:all-panels';

/**
 * Wires the page: one view state (in the URL fragment), four queries for the panels, live
 * arrivals over graphql-ws. Every panel reads the same filter; every click that filters goes
 * through the store, so the URL, the filter bar and the panels never disagree.
 */
export function startDashboard(): void {
  const store = new Store<ViewState>(readFragment(window.location.hash));
  const labels: Labels = emptyLabels();
  const announcer = byId('announcer');
  const dialog = byId<HTMLDialogElement>('reader');
  const sections = {
    timeline: byId('timeline-panel'),
    map: byId('map-panel'),
    actors: byId('actors-panel'),
    events: byId('events-panel'),
    stories: byId('stories'),
    health: byId('health-panel'),
  };
  const setFilter = (change: (s: ViewState) => ViewState['filter']) =>
    store.update((s) => ({ ...s, filter: change(s) }));

  const filterBar = createFilterBar(byId<HTMLFormElement>('filter-bar'), byId('active-filters'), {
    change: (patch) => setFilter((s) => ({ ...s.filter, ...patch })),
    toggle: (field, value) => setFilter((s) => ({ ...s.filter, [field]: toggle(s.filter[field], value) })),
    clear: () => setFilter(() => emptyFilter()),
  });
  const timeline = createTimelinePanel(byId('timeline-body'), byId('interval-group'), {
    // Zooming into a period shows its days.
    zoom: (from, to) => store.update((s) => ({ ...s, interval: 'DAY', filter: { ...s.filter, from, to } })),
    setInterval: (interval) => store.update((s) => ({ ...s, interval })),
  });
  const map = createMapPanel(byId('map-body'), {
    toggleCountry: (code) => setFilter((s) => ({ ...s.filter, countries: toggle(s.filter.countries, code) })),
  });
  const actors = createBarListPanel(byId('actors-body'), 'actors', (id) =>
    setFilter((s) => ({ ...s.filter, actors: toggle(s.filter.actors, id) })),
  );
  const events = createBarListPanel(byId('events-body'), 'event types', (id) =>
    setFilter((s) => ({ ...s.filter, eventTypes: toggle(s.filter.eventTypes, id) })),
  );
  const health = createHealthPanel(byId('health-body'), (id) =>
    setFilter((s) => ({ ...s.filter, sourceIds: toggle(s.filter.sourceIds, id) })),
  );
  const openArticle = (id: string, trigger: HTMLElement | null) => {
    void import('./reader/reader.js').then((reader) => reader.openReader(dialog, id, trigger));
  };
  const stories = createStoriesPanel(byId('stories-body'), byId('stories-summary'), {
    openArticle,
    loadMore: (after) => void loadMoreStories(after),
  });
  const sort = byId<HTMLSelectElement>('sort');
  sort.addEventListener('change', () => store.update((s) => ({ ...s, order: sort.value as ViewState['order'] })));

  const remember = (field: keyof Labels, counts: readonly Count[]) => {
    for (const c of counts) labels[field].set(c.key, c.label);
  };

  /** Runs a panel's query: busy while it runs, an error with a retry button if it fails. */
  async function guarded<T>(
    panels: HTMLElement[],
    load: () => Promise<T>,
    render: (data: T) => void | Promise<void>,
    retry: () => void,
  ): Promise<void> {
    for (const panel of panels) setBusy(panel, true);
    try {
      await render(await load());
    } catch (error) {
      // A newer request replaced this one: it will clear the busy state.
      if (isAbort(error)) return;
      for (const panel of panels) showError(panel.querySelector<HTMLElement>('.panel__body')!, error, retry);
    }
    for (const panel of panels) setBusy(panel, false);
  }

  const facetsQuery = latestOnly((signal, filter: ArticleFilter) => request<FacetsResult>(FACETS, { filter }, signal));
  const refreshFacets = (): Promise<void> =>
    guarded(
      [sections.map, sections.actors, sections.events],
      () => facetsQuery(toArticleFilter(store.get().filter)),
      async ({ facets }) => {
        const { filter } = store.get();
        remember('countries', facets.countries);
        remember('actors', facets.actors);
        remember('eventTypes', facets.eventTypes);
        remember('languages', facets.languages);
        actors.render(facets.actors, filter.actors, (k) => labels.actors.get(k) ?? k);
        events.render(facets.eventTypes, filter.eventTypes, (k) => labels.eventTypes.get(k) ?? k);
        filterBar.setOptions('countries', facets.countries, filter);
        filterBar.setOptions('actors', facets.actors, filter);
        filterBar.setOptions('eventTypes', facets.eventTypes, filter);
        filterBar.setOptions('languages', facets.languages, filter);
        filterBar.sync(filter, labels);
        await map.render(facets.countries, filter.countries);
      },
      () => void refreshFacets(),
    );

  const timelineQuery = latestOnly((signal, filter: ArticleFilter, interval: ViewState['interval']) =>
    request<TimelineResult>(TIMELINE, { filter, interval }, signal),
  );
  const refreshTimeline = (): Promise<void> =>
    guarded(
      [sections.timeline],
      () => timelineQuery(toArticleFilter(store.get().filter), store.get().interval),
      ({ timeline: data }) => timeline.render(data),
      () => void refreshTimeline(),
    );

  const storiesQuery = latestOnly((signal, variables: Record<string, unknown>) =>
    request<StoriesResult>(STORIES, variables, signal),
  );
  const storiesVariables = (after: string | null) => {
    const state = store.get();
    return { filter: toArticleFilter(state.filter), orderBy: effectiveOrder(state), first: PAGE_SIZE, after };
  };
  let pendingLive = 0;
  const refreshStories = (): Promise<void> =>
    guarded(
      [sections.stories],
      () => storiesQuery(storiesVariables(null)),
      ({ articles }) => {
        pendingLive = 0;
        newStoriesButton.hidden = true;
        stories.render(articles);
      },
      () => void refreshStories(),
    );
  async function loadMoreStories(after: string) {
    try {
      stories.append((await storiesQuery(storiesVariables(after))).articles);
    } catch (error) {
      if (!isAbort(error)) stories.loadMoreFailed();
    }
  }
  const newStoriesButton = byId<HTMLButtonElement>('new-stories');
  newStoriesButton.addEventListener('click', () => void refreshStories());

  const overviewQuery = latestOnly((signal) => request<OverviewResult>(OVERVIEW, {}, signal));
  const refreshOverview = (): Promise<void> =>
    guarded(
      [sections.health],
      () => overviewQuery(),
      (data) => {
        for (const type of data.eventTypes) labels.eventTypes.set(type.id, type.label);
        for (const source of data.sources) labels.sourceIds.set(source.id, source.name);
        health.render(data, Date.now());
        const { filter } = store.get();
        filterBar.setOptions(
          'sourceIds',
          data.sources.map((x) => ({ key: x.id, label: x.name, count: null })),
          filter,
        );
        filterBar.sync(filter, labels);
      },
      () => void refreshOverview(),
    );

  // Live arrivals.
  let live: LiveFeed | null = null;
  const liveStatus = byId('live-status');
  const showLiveStatus = (status: LiveStatus) => {
    liveStatus.dataset['status'] = status;
    liveStatus.textContent = status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Offline, retrying';
  };
  let countsTimer = 0;
  let announced: string[] = [];
  let announceTimer = 0;
  const announce = (title: string) => {
    announced.push(title);
    window.clearTimeout(announceTimer);
    // One message per burst: a screen reader reading ten titles in a row helps no one.
    announceTimer = window.setTimeout(() => {
      announcer.textContent =
        announced.length === 1 ? `New article: ${announced[0]}` : `${announced.length} new articles`;
      announced = [];
    }, 500);
  };
  const onArticle = (story: Story) => {
    const state = store.get();
    // The subscription ignores search and cannot place an article in another order: offer
    // a refresh instead of putting it at the top.
    if (state.filter.search.trim() || effectiveOrder(state) !== 'NEWEST') {
      pendingLive += 1;
      newStoriesButton.hidden = false;
      newStoriesButton.textContent = `${pendingLive} new stor${pendingLive === 1 ? 'y' : 'ies'}: refresh`;
    } else if (!stories.prepend(story)) return;
    announce(story.title);
    window.clearTimeout(countsTimer);
    countsTimer = window.setTimeout(() => {
      void refreshFacets();
      void refreshTimeline();
      void refreshOverview();
    }, COUNTS_AFTER_LIVE_MS);
  };
  const follow = () => live?.follow(toArticleFilter(store.get().filter), onArticle);

  // One state, many views.
  const syncControls = (state: ViewState) => {
    timeline.setInterval(state.interval);
    sort.value = state.order;
    filterBar.sync(state.filter, labels);
  };
  store.subscribe((next, previous) => {
    const fragment = writeFragment(next);
    if (fragment !== window.location.hash)
      window.history.pushState(null, '', fragment || `${window.location.pathname}${window.location.search}`);
    syncControls(next);
    if (!sameFilter(next.filter, previous.filter)) {
      void refreshFacets();
      void refreshTimeline();
      void refreshStories();
      follow();
      return;
    }
    if (next.interval !== previous.interval) void refreshTimeline();
    if (effectiveOrder(next) !== effectiveOrder(previous)) void refreshStories();
  });
  window.addEventListener('popstate', () => store.set(readFragment(window.location.hash)));

  syncControls(store.get());
  // The filtered panels first; source health after them, because its counts are the slowest
  // query of the page and would otherwise compete with the others for the database.
  void Promise.all([refreshFacets(), refreshTimeline(), refreshStories()]).then(async () => {
    performance.mark(FIRST_RENDER_MARK);
    await refreshOverview();
    performance.mark(ALL_PANELS_MARK);
    document.documentElement.dataset['ready'] = 'true';
    showLiveStatus('connecting');
    void import('./api/live.js').then(({ connectLive }) => {
      live = connectLive(showLiveStatus);
      follow();
    });
  });
  // A background tab does not poll; it catches up when it is shown again.
  window.setInterval(() => {
    if (!document.hidden) void refreshOverview();
  }, OVERVIEW_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) void refreshOverview();
  });
}
