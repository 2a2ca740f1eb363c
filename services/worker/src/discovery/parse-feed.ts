import { canonicalizeUrl } from '@famwatch/shared';
import { parseFeed } from 'feedsmith';
import { FeedParseError } from '../errors.js';

/** One entry of a feed, reduced to what discovery needs. */
export interface FeedItem {
  /** Absolute URL of the article, as the feed gives it (not yet canonical). */
  url: string;
  title: string | null;
  /** The date as the feed states it (RFC 2822 or ISO); normalized later. */
  published: string | null;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/**
 * Parses RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed, detected from the content, and returns
 * its items with absolute links. Items without a usable http(s) link are skipped.
 * Throws FeedParseError when the text is not a feed.
 */
export function parseFeedItems(text: string, feedUrl: string): { format: FeedFormat; items: FeedItem[] } {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text.replace(/^\uFEFF/, '').trim());
  } catch (error) {
    throw new FeedParseError(feedUrl, error instanceof Error ? error.message : String(error));
  }
  const raw = parsed.feed as { items?: unknown[]; entries?: unknown[] };
  const entries = (raw.items ?? raw.entries ?? []) as Array<Record<string, unknown>>;
  const items: FeedItem[] = [];
  for (const entry of entries) {
    const link = linkOf(entry);
    if (!link) continue;
    const absolute = canonicalizeUrl(link, feedUrl) === null ? null : new URL(link, feedUrl).toString();
    if (!absolute) continue;
    items.push({ url: absolute, title: textOf(entry['title']), published: publishedOf(entry) });
  }
  return { format: parsed.format as FeedFormat, items };
}

function linkOf(entry: Record<string, unknown>): string | null {
  if (typeof entry['link'] === 'string') return entry['link'].trim();
  if (typeof entry['url'] === 'string') return entry['url'].trim();
  const links = entry['links'];
  if (Array.isArray(links)) {
    const alternate =
      links.find((l: { rel?: string }) => !l.rel || l.rel === 'alternate') ??
      (links[0] as { href?: string } | undefined);
    if (alternate && typeof (alternate as { href?: unknown }).href === 'string')
      return (alternate as { href: string }).href.trim();
  }
  const guid = entry['guid'] as { value?: string; isPermaLink?: boolean } | undefined;
  if (guid?.value && /^https?:\/\//.test(guid.value) && guid.isPermaLink !== false) return guid.value;
  return null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
    return (value as { value: string }).value.trim() || null;
  }
  return null;
}

function publishedOf(entry: Record<string, unknown>): string | null {
  for (const key of ['pubDate', 'published', 'date_published', 'updated', 'date_modified']) {
    const value = entry[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  const dc = entry['dc'] as { date?: string; dates?: string[] } | undefined;
  return dc?.date ?? dc?.dates?.[0] ?? null;
}
