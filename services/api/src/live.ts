import type { ArticleAddedMessage } from '@famwatch/shared';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/** Most messages held for one slow subscriber before the oldest are dropped. */
const MAX_BACKLOG = 1000;

/**
 * New-article announcements from the workers (Redis pub/sub), fanned out to this process's
 * subscribers. Redis carries them between processes, so any API replica sees every article
 * whichever worker stored it.
 */
export class LiveArticles {
  readonly #subscriber: Redis;
  readonly #channel: string;
  readonly #logger: Logger;
  readonly #listeners = new Set<(message: ArticleAddedMessage) => void>();

  readonly #changesChannel: string;
  readonly #onChange: () => void;

  /**
   * @param channel Where workers announce new articles.
   * @param changesChannel Where any change to stored articles is announced (updates, removals, re-enrichment).
   * @param onChange Called on every announcement of either kind (the aggregate cache empties itself).
   */
  constructor(subscriber: Redis, channel: string, changesChannel: string, onChange: () => void, logger: Logger) {
    this.#subscriber = subscriber;
    this.#channel = channel;
    this.#changesChannel = changesChannel;
    this.#onChange = onChange;
    this.#logger = logger;
  }

  async start(): Promise<void> {
    this.#subscriber.on('message', (channel: string, raw: string) => {
      if (channel === this.#changesChannel || channel === this.#channel) this.#onChange();
      if (channel !== this.#channel) return;
      let message: ArticleAddedMessage;
      try {
        message = JSON.parse(raw) as ArticleAddedMessage;
        if (typeof message.articleId !== 'string') throw new Error('no articleId');
      } catch (error) {
        this.#logger.warn({ err: String(error) }, 'ignoring a malformed article-added message');
        return;
      }
      for (const listener of this.#listeners) listener(message);
    });
    await this.#subscriber.subscribe(this.#channel, this.#changesChannel);
  }

  /** Messages from now on, until the iterator is returned (the client unsubscribed). */
  messages(): AsyncIterableIterator<ArticleAddedMessage> {
    const backlog: ArticleAddedMessage[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener = (message: ArticleAddedMessage) => {
      backlog.push(message);
      if (backlog.length > MAX_BACKLOG) backlog.shift();
      wake?.();
    };
    this.#listeners.add(listener);
    const stop = () => {
      done = true;
      this.#listeners.delete(listener);
      wake?.();
    };
    const iterator: AsyncIterableIterator<ArticleAddedMessage> = {
      [Symbol.asyncIterator]: () => iterator,
      async next() {
        while (!done && backlog.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (done) return { done: true, value: undefined };
        return { done: false, value: backlog.shift()! };
      },
      async return() {
        stop();
        return { done: true, value: undefined };
      },
    };
    return iterator;
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#subscriber.disconnect();
  }
}
