// The extractor: pure functions from an HTML string and its URL to an ExtractedArticle.

export { resolveByline } from './byline.js';
export { dateFromUrl, parseHumanDate } from './dates.js';
export { type ExtractOptions, extractArticle } from './extract-article.js';
export { detectLanguage } from './language.js';
export { SITE_ADAPTERS, type SiteAdapter } from './site-adapters.js';
export { cleanTitle } from './title.js';
