// Loaded after the first paint: the WebSocket client is not needed to show the first data.
import { type Client, createClient } from 'graphql-ws/client';
import { ARTICLE_ADDED } from './queries.js';
import type { ArticleAddedResult, ArticleFilter, Story } from './types.js';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveFeed {
  /** Follows new articles matching `filter`, replacing the previous subscription. */
  follow(filter: ArticleFilter, onArticle: (story: Story) => void): void;
  close(): void;
}

// Reconnection waits grow from 1 s up to this, so that a restarted API is picked up quickly
// and a long outage costs one attempt every half minute.
const MAX_RETRY_WAIT_MS = 30_000;

/** The graphql-ws endpoint: same host and port as the page, path /graphql. */
function endpoint(): string {
  const url = new URL('graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  return url.href;
}

/** Connects at once and keeps reconnecting; `onStatus` drives the page's live indicator. */
export function connectLive(onStatus: (status: LiveStatus, detail?: string) => void): LiveFeed {
  const client: Client = createClient({
    url: endpoint(),
    lazy: false,
    keepAlive: 20_000,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** retries) * (0.5 + Math.random() / 2)),
      ),
    on: {
      connecting: () => onStatus('connecting'),
      connected: () => onStatus('live'),
      closed: () => onStatus('offline'),
    },
    onNonLazyError: () => onStatus('offline'),
  });
  let stop: (() => void) | null = null;
  return {
    follow(filter, onArticle) {
      stop?.();
      stop = client.subscribe<ArticleAddedResult>(
        { query: ARTICLE_ADDED, variables: { filter } },
        {
          next: (result) => {
            if (result.data) onArticle(result.data.articleAdded);
          },
          error: (error) => onStatus('offline', error instanceof Error ? error.message : undefined),
          complete: () => undefined,
        },
      );
    },
    close() {
      stop?.();
      void client.dispose();
    },
  };
}
