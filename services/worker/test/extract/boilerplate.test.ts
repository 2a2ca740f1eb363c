import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { fixture, NOW } from './fixtures.js';

// Every fixture holds the same five paragraphs plus one kind of boilerplate, marked up the way
// outlets do it (with class names, and without).
const ARTICLE = fixture('article-paragraphs.txt').trim();
const URL = 'https://sahel.example/2022/08/15/last-french-soldiers-leave-gao';

const KINDS: Array<[kind: string, file: string, junk: string[]]> = [
  ['navigation', 'boilerplate-navigation.html', ['Defence', 'Mali news and analysis', 'Log in to your account']],
  ['breadcrumbs', 'boilerplate-breadcrumbs.html', ['Home', 'World news']],
  ['share bars', 'boilerplate-share.html', ['Facebook', 'Share this article', 'Share on Twitter']],
  [
    'related and "more news" lists',
    'boilerplate-related.html',
    ['More news', 'Niger junta orders', 'Related', 'Wagner mercenaries', 'convoys of foreign fighters'],
  ],
  ['comment threads', 'boilerplate-comments.html', ['thoughts on', 'achieved nothing lasting', 'Leave a Reply']],
  [
    'newsletter boxes',
    'boilerplate-newsletter.html',
    ['Africa briefing', 'in your inbox', 'Sign up for our newsletter'],
  ],
  [
    'image captions and credits',
    'boilerplate-captions.html',
    ['Photo by Reuters', 'ISSOUF SANOGO', 'convoy leaves the base', 'Photo: AFP', 'Michele Cattani'],
  ],
  ['ad slots', 'boilerplate-ads.html', ['Advertisement', 'ADVERTISEMENT', 'travel insurance', 'Story continues']],
  ['"also available at" footers', 'boilerplate-also-available.html', ['alternate addresses', 'sahelmonitor', 'Roku']],
];

describe('boilerplate removal', () => {
  it.each(KINDS)('drops %s and keeps the article paragraphs exactly', (_kind, file, junk) => {
    const article = extractArticle(fixture(file), URL, { now: NOW });
    expect(article.body).toBe(ARTICLE);
    for (const text of junk) expect(article.body).not.toContain(text);
    // The site footer and the headline are not body text either.
    expect(article.body).not.toContain('All rights reserved');
    expect(article.body).not.toContain(article.title);
  });

  it('keeps an article whose wrappers carry widget words as modifiers ("modal-enabled", "read-more")', () => {
    const article = extractArticle(fixture('wrapper-stray-classes.html'), URL, { now: NOW });
    expect(article.body).toBe(ARTICLE);
  });

  it('never takes a photo credit for the wire agency of the text', () => {
    const article = extractArticle(fixture('boilerplate-captions.html'), URL, { now: NOW });
    expect(article.agencies).toEqual([]);
  });
});
