import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { NOW } from './fixtures.js';

const URL = 'https://x.example/2022/05/03/a';
const TEXT = 'French troops left the base on Monday, ending nine years of presence in the north of the country.';

describe('broken and degenerate pages', () => {
  it('survives nesting far deeper than the call stack allows (unclosed tags)', () => {
    const nested = `<html><body>${'<div>'.repeat(20_000)}<p>${TEXT}</p>${'</div>'.repeat(20_000)}</body></html>`;
    expect(extractArticle(nested, URL, { now: NOW }).body).toBe(TEXT);
    const unclosed = `<html><body><p>${TEXT}</p>${'<font>'.repeat(20_000)}x</body></html>`;
    expect(() => extractArticle(unclosed, URL, { now: NOW })).not.toThrow();
  });

  it.each([
    ['an empty string', ''],
    ['plain text', TEXT],
    ['a head without a body', '<html><head><title>Only a title</title></head></html>'],
    ['markup soup', '<<p>></div><td><<script>x</p>'],
  ])('returns an empty or plain article for %s, without throwing', (_name, html) => {
    const article = extractArticle(html, URL, { now: NOW });
    expect(typeof article.body).toBe('string');
    expect(article.url).toBe(URL);
    expect(article.wordCount).toBeGreaterThanOrEqual(0);
    expect(article.publishedAt).toBe('2022-05-03T00:00:00+00:00');
  });

  it('reads JSON-LD but nothing else of scripts, styles, SVG, <noscript> and comments', () => {
    const html = `<html><head>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline from JSON-LD","datePublished":"2021-06-07T10:00:00Z"}</script>
<script>var s = "</div><p>not text</p>";</script><style>p { color: red }</style></head>
<body><svg-icon name="x"></svg-icon><article><p>${TEXT}</p>
<svg viewBox="0 0 10 10"><title>Logo drawing</title><path d="M0 0"/></svg>
<!-- <p>A commented-out paragraph that must not appear in the text at all.</p> -->
<noscript><p>Enable JavaScript to read the comments on this article.</p></noscript>
<p>${TEXT}</p><script>document.write('<p>injected</p>')</script></article></body></html>`;
    const article = extractArticle(html, URL, { now: NOW });
    expect(article.title).toBe('Headline from JSON-LD');
    expect(article.publishedAt).toBe('2021-06-07T10:00:00+00:00');
    expect(article.body).toBe(`${TEXT}\n\n${TEXT}`);
  });

  it('drops navigation menus, nested ones included', () => {
    const html = `<html><body><nav><a href="/">Home</a> <a href="/africa">Africa news and analysis</a></nav>
<div class="layout"><nav class="outer"><a href="/a">Outer menu entry with a long label</a><nav><a href="/b">Inner menu entry</a></nav><a href="/c">Outer menu tail entry with a long label</a></nav>
<article><p>${TEXT}</p><p>${TEXT}</p></article></div></body></html>`;
    expect(extractArticle(html, URL, { now: NOW }).body).toBe(`${TEXT}\n\n${TEXT}`);
  });

  it('is deterministic for the same input and clock', () => {
    const html = `<html><body><article><h1>Title of the page</h1><p>${TEXT}</p><p>${TEXT}</p></article></body></html>`;
    expect(extractArticle(html, URL, { now: NOW })).toEqual(extractArticle(html, URL, { now: NOW }));
  });
});
