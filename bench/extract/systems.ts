// The systems the benchmark compares. Each turns one page into plain article text; all are
// loaded lazily so that a child process measuring one system holds only that system's code.
import { decodeHTML } from 'entities';

/** One extractor under test: page HTML and URL in, article text out. */
export type Extract = (html: string, url: string) => string;

export const SYSTEM_NAMES = ['famwatch', 'readability', 'htmlparser2'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** What each system is, as printed in the report. */
export const SYSTEM_LABELS: Record<SystemName, string> = {
  famwatch: 'famwatch extractor (cheerio/htmlparser2)',
  readability: '@mozilla/readability over linkedom',
  htmlparser2: 'bare htmlparser2 parse (floor, no extraction)',
};

// A fixed clock: extraction is pure and the benchmark must not depend on the day it runs.
const NOW = Date.parse('2030-01-01T00:00:00Z');

export async function loadSystem(name: SystemName): Promise<Extract> {
  switch (name) {
    case 'famwatch': {
      const { extractArticle } = await import('../../services/worker/src/extract/index.js');
      return (html, url) => extractArticle(html, url, { now: NOW }).body;
    }
    case 'readability': {
      const { Readability } = await import('@mozilla/readability');
      const { parseHTML } = await import('linkedom');
      return (html) => {
        const { document } = parseHTML(html);
        const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
        return article?.content ? blockText(article.content) : '';
      };
    }
    case 'htmlparser2': {
      const { parseDocument } = await import('htmlparser2');
      // Parsing only: the time no DOM-based extractor can go below. Returns no text.
      return (html) => {
        parseDocument(html);
        return '';
      };
    }
  }
}

const BLOCK =
  /<\/?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|th|section|article|figure|figcaption|header|footer|dd|dt|dl|hr)\b[^>]*>/gi;

/**
 * Readability returns HTML; its text content glues the words of adjacent blocks together
 * ("end.</p><p>Next" → "end.Next"), which would cost it shingles it did find. Blocks become
 * paragraph breaks first, as in the README's "block-aware text".
 */
export function blockText(html: string): string {
  return decodeHTML(html.replace(BLOCK, '\n\n').replace(/<[^>]*>/g, ''))
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
