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

const NEWS_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|AskPublicNewsArticle|ReviewNewsArticle|SatiricalArticle|ScholarlyArticle|TechArticle|Report|Review|SocialMediaPosting|DiscussionForumPosting)$/;

/**
 * Reads JSON-LD blocks, walks arrays and `@graph`, and returns the most article-like object
 * (an *Article type beats a WebPage). Malformed blocks are skipped: pages often ship JSON-LD
 * with raw newlines or trailing commas, which are repaired first.
 */
export function readJsonLd(blocks: string[]): JsonLdArticle | null {
  const candidates: Array<{ rank: number; node: Record<string, unknown> }> = [];
  for (const raw of blocks) {
    if (raw.trim() === '') continue;
    const parsed = parseLenient(raw);
    if (parsed === undefined) continue;
    walk(parsed, (node) => {
      const types = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
      if (types.some((type) => NEWS_TYPES.test(type))) candidates.push({ rank: 2, node });
      else if (types.some((type) => /WebPage$/.test(type))) candidates.push({ rank: 1, node });
    });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.rank - a.rank);
  const node = candidates[0]!.node;
  const main = node['mainEntityOfPage'];
  return {
    headline: str(node['headline']) ?? str(node['name']),
    description: str(node['description']),
    datePublished: str(node['datePublished']) ?? str(node['dateCreated']),
    dateModified: str(node['dateModified']),
    authors: names(node['author'] ?? node['creator']),
    publisher: names(node['publisher'])[0] ?? null,
    articleBody: str(node['articleBody']) ?? str(node['text']),
    image: imageUrl(node['image'] ?? node['thumbnailUrl']),
    url:
      str(node['url']) ??
      (typeof main === 'string' ? main : str((main as Record<string, unknown> | undefined)?.['@id'])),
    inLanguage: str(node['inLanguage']),
  };
}

function parseLenient(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '');
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
  // A WebPage often carries the article as its mainEntity.
  if (node['mainEntity'] && typeof node['mainEntity'] === 'object') walk(node['mainEntity'], visit, depth + 1);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
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
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    return str(node['url']) ?? str(node['contentUrl']);
  }
  return null;
}
