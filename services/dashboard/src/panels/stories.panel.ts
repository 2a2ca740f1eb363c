import type { StoriesResult, Story } from '../api/types.js';
import { h, replaceChildren } from '../ui/dom.js';
import { formatCount } from '../ui/format.js';
import { emptyNote } from '../ui/panel-status.js';
import { storyCard } from './story-card.js';

export interface StoriesActions {
  openArticle(id: string, trigger: HTMLElement): void;
  loadMore(after: string): void;
}

/**
 * The latest stories: a page of cards, a "more" button that follows the cursor, and live
 * arrivals added on top without a reload.
 */
export function createStoriesPanel(body: HTMLElement, summary: HTMLElement, actions: StoriesActions) {
  const list = h('ol', { class: 'stories', 'aria-label': 'Stories' });
  const more = h('button', { type: 'button', class: 'button more' }, 'Show more stories');
  let total = 0;
  let endCursor: string | null = null;
  let shown = new Set<string>();

  more.addEventListener('click', () => {
    if (!endCursor) return;
    more.disabled = true;
    more.textContent = 'Loading…';
    actions.loadMore(endCursor);
  });

  const updateSummary = () => {
    summary.textContent = `${formatCount(total)} matching article${total === 1 ? '' : 's'}`;
  };

  const setPage = (page: StoriesResult['articles']) => {
    endCursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    more.hidden = endCursor === null;
    more.disabled = false;
    more.textContent = 'Show more stories';
  };

  return {
    /** A first page: replaces the list. */
    render(page: StoriesResult['articles']) {
      total = page.totalCount;
      shown = new Set(page.edges.map((e) => e.node.id));
      updateSummary();
      replaceChildren(list, ...page.edges.map((e) => storyCard(e.node, actions.openArticle)));
      setPage(page);
      replaceChildren(body, page.edges.length ? list : emptyNote('No stories match the filters.'), more);
    },
    /** A following page: appended. */
    append(page: StoriesResult['articles']) {
      const fresh = page.edges.filter((e) => !shown.has(e.node.id));
      for (const e of fresh) shown.add(e.node.id);
      list.append(...fresh.map((e) => storyCard(e.node, actions.openArticle)));
      setPage(page);
    },
    loadMoreFailed() {
      more.disabled = false;
      more.textContent = 'Could not load more: try again';
    },
    /** A live arrival: added on top, marked new. Returns false when it was already listed. */
    prepend(story: Story): boolean {
      if (shown.has(story.id)) return false;
      shown.add(story.id);
      total += 1;
      updateSummary();
      if (!list.isConnected) replaceChildren(body, list, more);
      list.prepend(storyCard(story, actions.openArticle, true));
      return true;
    },
  };
}
