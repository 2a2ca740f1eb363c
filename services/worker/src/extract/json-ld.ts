import type { CheerioAPI } from 'cheerio/slim';

/** The fields we read from schema.org article objects. */
export interface JsonLdArticle {
  headline: string | null;
  description: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  articleBody: string | null;
  image: string | null;
  url: string | null;
  inLanguage: string | null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage|AskPublicNewsArticle|ReviewNewsArticle|SatiricalArticle|ScholarlyArticle|TechArticle)$/;

/**
 * Reads every <script type="application/ld+json"> block, walks arrays and `@graph`, and returns
 * the most article-like object (an *Article type beats WebPage). Malformed blocks are skipped:
 * pages often ship JSON-LD with raw newlines or trailing commas.
 */
export function readJsonLd($: CheerioAPI): JsonLdArticle | null {
  const candidates: Array<{ rank: number; node: Record<string, unknown> }> = [];
  $('script[type="application/ld+json" i]').each((_, el) => {
    const raw = $(el).text().trim();
    if (raw === '') return;
    const parsed = parseLenient(raw);
    if (parsed === undefined) return;
    walk(parsed, (node) => {
      const types = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
      const match = types.find((type) => ARTICLE_TYPES.test(type));
      if (match) candidates.push({ rank: match === 'WebPage' ? 1 : 2, node });
    });
  });
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.rank - a.rank);
  const node = candidates[0]!.node;
  return {
    headline: str(node['headline']) ?? str(node['name']),
    description: str(node['description']),
    datePublished: str(node['datePublished']) ?? str(node['dateCreated']),
    dateModified: str(node['dateModified']),
    authors: names(node['author']),
    publisher: names(node['publisher'])[0] ?? null,
    articleBody: str(node['articleBody']),
    image: imageUrl(node['image']),
    url: str(node['url']) ?? str((node['mainEntityOfPage'] as Record<string, unknown> | undefined)?.['@id']),
    inLanguage: str(node['inLanguage']),
  };
}

function parseLenient(raw: string): unknown {
  const text = raw.replace(/^\s*<!--|-->\s*$/g, '');
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Raw control characters inside strings and trailing commas are the usual faults.
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  visit(node);
  if (node['@graph']) walk(node['@graph'], visit, depth + 1);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return str(value[0]);
  return null;
}

function names(value: unknown): string[] {
  const out: string[] = [];
  for (const item of ([] as unknown[]).concat(value ?? [])) {
    if (typeof item === 'string' && item.trim()) out.push(item.trim());
    else if (item && typeof item === 'object') {
      const name = str((item as Record<string, unknown>)['name']);
      if (name) out.push(name);
    }
  }
  return out;
}

function imageUrl(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (value && typeof value === 'object') return str((value as Record<string, unknown>)['url']);
  return null;
}
