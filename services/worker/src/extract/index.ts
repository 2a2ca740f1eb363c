// The extractor: pure functions from an HTML string and its URL to an ExtractedArticle (no
// network, no clock: the time comes in as `now`). The steps, each in its own file:
//   load.ts          cut never-read elements (scripts, styles, SVG, menus), parse with htmlparser2
//   scan.ts          one walk for metadata sources, dates and bylines; metadata.ts, json-ld.ts read them
//   prepare.ts       drop what is never text; mark class/id/role boilerplate (data/class-hints.json)
//   stats.ts         text statistics of every block, bottom-up in one pass
//   score.ts         Readability-style candidate scores; select.ts picks the block and its siblings
//   prune.ts         conditional cleaning inside the chosen content
//   text.ts          paragraphs and the sanitized HTML body; paragraph-filter.ts drops stock lines
//   dates.ts, byline.ts, agencies.ts, title.ts, language.ts   the article's fields
//   main-content.ts  the retries; extract-article.ts the composition

export { isBylineLine, resolveByline } from './byline.js';
export { dateFromUrl, isDateLine, parseHumanDate } from './dates.js';
export { type ExtractOptions, extractArticle } from './extract-article.js';
export { detectLanguage } from './language.js';
export { SITE_ADAPTERS, type SiteAdapter } from './site-adapters.js';
export { cleanTitle } from './title.js';
