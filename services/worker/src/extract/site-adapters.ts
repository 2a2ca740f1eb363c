import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import data from '../../data/site-adapters.json' with { type: 'json' };
import { removeNode } from './dom.js';

/** Selectors for one outlet the generic extractor gets wrong. */
export interface SiteAdapter {
  /** Host names it applies to; a leading "www." is ignored on both sides. */
  hosts: string[];
  /** Selectors of the article body, tried in order; the first that matches is the content. */
  content?: string[];
  /** Selectors of elements to drop before anything else reads the page. */
  remove?: string[];
}

/** The adapters shipped in services/worker/data/site-adapters.json. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = data.sites as SiteAdapter[];

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

export function adapterFor(url: string, adapters: readonly SiteAdapter[]): SiteAdapter | null {
  if (adapters.length === 0) return null;
  let host: string;
  try {
    host = bareHost(new URL(url).hostname);
  } catch {
    return null;
  }
  return adapters.find((adapter) => adapter.hosts.some((h) => bareHost(h) === host)) ?? null;
}

/**
 * Applies an adapter's `remove` selectors in place and returns the elements its `content`
 * selectors pick (empty when it has none or none match: the generic path then decides).
 * A selector cheerio cannot parse is skipped, so that one bad entry cannot stop extraction.
 */
export function applyAdapter($: CheerioAPI, adapter: SiteAdapter): Element[] {
  for (const selector of adapter.remove ?? []) {
    for (const el of select($, selector)) removeNode(el);
  }
  for (const selector of adapter.content ?? []) {
    const found = select($, selector);
    if (found.length > 0) return found;
  }
  return [];
}

function select($: CheerioAPI, selector: string): Element[] {
  try {
    return $(selector).toArray() as Element[];
  } catch {
    return [];
  }
}
