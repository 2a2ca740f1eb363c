import { isValidCron, nextPollDelayMs, scheduleIntervalMs } from '@famwatch/store';
import { describe, expect, it } from 'vitest';
import { feedLinksOf, looksLikeHtml } from '../../src/discovery/autodiscover.js';
import { parseListing } from '../../src/discovery/parse-listing.js';
import { parseSitemap } from '../../src/discovery/parse-sitemap.js';
import { parseRetryAfter } from '../../src/fetch/retry-after.js';
import { sniffBinary } from '../../src/fetch/sniff.js';

describe('parseSitemap', () => {
  it('reads a sitemap index', () => {
    const xml = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.org/sitemap-news.xml</loc><lastmod>2022-05-03</lastmod></sitemap>
      <sitemap><loc>/relative.xml</loc></sitemap><sitemap><loc>ftp://x.org/no.xml</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(xml, 'https://x.org/sitemap.xml')).toEqual({
      kind: 'index',
      sitemaps: [
        { url: 'https://x.org/sitemap-news.xml', lastmod: '2022-05-03' },
        { url: 'https://x.org/relative.xml', lastmod: null },
      ],
    });
  });
  it('reads a news sitemap with titles and publication dates', () => {
    const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://x.org/a</loc><lastmod>2022-05-03T09:00:00Z</lastmod>
        <news:news><news:publication><news:name>X</news:name></news:publication>
        <news:publication_date>2022-05-03T08:27:00+02:00</news:publication_date><news:title>Mali &amp; France</news:title></news:news></url>
      <url><loc>https://x.org/b</loc></url></urlset>`;
    expect(parseSitemap(xml, 'https://x.org/s.xml')).toEqual({
      kind: 'urlset',
      entries: [
        {
          url: 'https://x.org/a',
          lastmod: '2022-05-03T09:00:00Z',
          title: 'Mali & France',
          published: '2022-05-03T08:27:00+02:00',
        },
        { url: 'https://x.org/b', lastmod: null, title: null, published: null },
      ],
    });
  });
  it('refuses what is not a sitemap', () => {
    expect(() => parseSitemap('<html><body/></html>', 'https://x.org/s.xml')).toThrow(
      expect.objectContaining({ code: 'FEED_PARSE' }),
    );
  });
});

describe('parseListing', () => {
  const html = `<main><article class="teaser"><h2><a href="/afrique/1?utm_source=x">Un</a></h2></article>
    <article class="teaser"><a href="https://www.rfi.fr/afrique/2">Deux</a></article>
    <article class="teaser"><a href="https://ads.example.com/x">Pub</a></article>
    <article class="teaser"><a href="/afrique/1">Un encore</a></article></main>`;
  it('returns same-site links of the matching elements once, in page order', () => {
    expect(parseListing(html, 'https://www.rfi.fr/fr/afrique/', 'article.teaser')).toEqual([
      'https://www.rfi.fr/afrique/1?utm_source=x',
      'https://www.rfi.fr/afrique/2',
    ]);
  });
  it('reports a bad selector as a feed error', () => {
    expect(() => parseListing(html, 'https://www.rfi.fr/', 'article[')).toThrow(
      expect.objectContaining({ code: 'FEED_PARSE' }),
    );
  });
});

describe('feed autodiscovery', () => {
  it('finds alternate feeds of a home page', () => {
    const html = `<!doctype html><html><head>
      <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss">
      <link rel="alternate" type="application/atom+xml" href="https://x.org/atom.xml">
      <link rel="alternate" hreflang="fr" href="/fr/"><link rel="stylesheet" href="/s.css"></head></html>`;
    expect(feedLinksOf(html, 'https://x.org/en/')).toEqual(['https://x.org/rss', 'https://x.org/atom.xml']);
    expect(looksLikeHtml(html)).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?><rss/>')).toBe(false);
  });
});

describe('polling intervals', () => {
  it('backs off feeds that bring nothing new, within the schedule and a day', () => {
    const base = 15 * 60_000;
    expect(nextPollDelayMs(base, 0)).toBe(base);
    expect(nextPollDelayMs(base, 1)).toBe(base);
    expect(nextPollDelayMs(base, 2)).toBe(2 * base);
    expect(nextPollDelayMs(base, 4)).toBe(4 * base);
    expect(nextPollDelayMs(base, 100)).toBe(24 * 3600_000);
    expect(nextPollDelayMs(2 * 24 * 3600_000, 100)).toBe(2 * 24 * 3600_000);
  });
  it('reads intervals from cron patterns', () => {
    expect(scheduleIntervalMs({ cron: '*/20 * * * *' }, Date.UTC(2026, 0, 1))).toBe(20 * 60_000);
    expect(scheduleIntervalMs({ every: 900 }, 0)).toBe(900_000);
    expect(isValidCron('*/20 * * * *')).toBe(true);
    expect(isValidCron('every tuesday')).toBe(false);
  });
});

describe('small HTTP helpers', () => {
  it('reads Retry-After as seconds or a date, capped at a day', () => {
    const now = Date.parse('2022-05-03T08:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Tue, 03 May 2022 08:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('9999999', now)).toBe(86_400);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
  it('recognises binary bodies served as text', () => {
    expect(sniffBinary(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('a JPEG image');
    expect(sniffBinary(Buffer.from('%PDF-1.7'))).toBe('a PDF document');
    expect(sniffBinary(Buffer.from('<html>\u0000</html>'))).toBe('binary data');
    expect(sniffBinary(Buffer.from('<html>ok</html>'))).toBeNull();
  });
});
