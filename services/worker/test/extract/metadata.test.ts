import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { fixture, NOW } from './fixtures.js';

describe('metadata', () => {
  it('reads JSON-LD in @graph with an array @type, and OpenGraph and rel=canonical around it', () => {
    const article = extractArticle(fixture('metadata-graph.html'), 'https://courrier-sahel.example/?p=123', {
      now: NOW,
    });
    expect(article.title).toBe('Niger : Paris rappelle son ambassadeur');
    expect(article.canonicalUrl).toBe('https://courrier-sahel.example/niger/paris-rappelle-son-ambassadeur/');
    expect(article.publishedAt).toBe('2023-09-27T09:15:00+01:00');
    expect(article.modifiedAt).toBe('2023-09-27T18:40:00+01:00');
    expect(article.byline).toBe('Aïssata Traoré, Jean Martin');
    expect(article.imageUrl).toBe('https://courrier-sahel.example/uploads/2023/09/ambassade.jpg');
    expect(article.summary).toBe('L’ambassadeur de France à Niamey a quitté le pays mercredi matin.');
    expect(article.language).toBe('fr');
  });

  it('reads Dublin Core, Twitter cards and itemprop microdata when there is no JSON-LD', () => {
    const article = extractArticle(fixture('metadata-microdata.html'), 'https://sahelwire.example/chad', { now: NOW });
    expect(article.title).toBe('Chad hosts French troops leaving Niger');
    expect(article.publishedAt).toBe('2023-10-11T00:00:00+00:00');
    expect(article.modifiedAt).toBe('2023-10-11T08:00:00+00:00');
    expect(article.byline).toBe('Amina Bello');
    expect(article.imageUrl).toBe('https://sahelwire.example/img/chad.jpg');
    expect(article.summary).toBe("The first convoy reached N'Djamena on Tuesday.");
    expect(article.body.split('\n\n')).toHaveLength(3);
    expect(article.wordCount).toBe(58);
  });

  it('takes the JSON-LD articleBody when the page shows much less (script-rendered bodies), cleaned', () => {
    const body = [
      'France will withdraw its ambassador and its soldiers from Niger, President Emmanuel Macron said on Sunday evening.',
      'Advertisement',
      'The roughly 1,500 troops stationed in the country will leave by the end of the year, he told French television.',
      'The junta that seized power in July welcomed the announcement as a new step towards sovereignty.',
    ].join('\n');
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'France to pull troops out of Niger',
      articleBody: body,
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"><h1>France to pull troops out of Niger</h1><p>Loading the article…</p></div></body></html>`;
    const article = extractArticle(html, 'https://news.example/niger', { now: NOW });
    expect(article.body.split('\n\n')).toEqual([
      'France will withdraw its ambassador and its soldiers from Niger, President Emmanuel Macron said on Sunday evening.',
      'The roughly 1,500 troops stationed in the country will leave by the end of the year, he told French television.',
      'The junta that seized power in July welcomed the announcement as a new step towards sovereignty.',
    ]);
  });

  it('takes the first paragraph as the lead when the description is that paragraph cut short', () => {
    const first =
      'PARIS (AFP) - France will keep about a hundred soldiers in the European training mission, the ministry said.';
    const html = `<html><head><meta name="description" content="France will keep about a hundred soldiers in the European..."></head><body><article><p>${first}</p><p>${first}</p></article></body></html>`;
    expect(extractArticle(html, 'https://news.example/a', { now: NOW }).summary).toBe(first);
  });

  it('ignores a JSON-LD articleBody that is shorter than the page text', () => {
    const article = extractArticle(fixture('metadata-graph.html'), 'https://courrier-sahel.example/a', { now: NOW });
    expect(article.body).not.toBe('short');
  });
});

describe('output format', () => {
  const article = extractArticle(fixture('metadata-graph.html'), 'https://courrier-sahel.example/a', { now: NOW });

  it('puts one blank line between paragraphs, with headings, list items and quotes on their own', () => {
    expect(article.body.split('\n\n')).toEqual([
      'L’ambassadeur de France au Niger, Sylvain Itté, a quitté Niamey mercredi matin, un mois après l’ultimatum lancé par la junte au pouvoir.',
      'Son départ intervient alors que les quelque 1 500 militaires français stationnés dans le pays doivent partir d’ici à la fin de l’année.',
      'Un retrait sous surveillance',
      'Les modalités du retrait des troupes sont encore en discussion avec les autorités nigériennes, selon le ministère des Armées.',
      'Premier convoi prévu en octobre.',
      'Fin du retrait attendue en décembre.',
      '« Nous ne partirons pas dans la précipitation », a assuré un responsable français.',
      'Le Tchad voisin a accepté d’accueillir une partie du matériel, a-t-on appris de source diplomatique.',
    ]);
  });

  it('rebuilds a sanitized HTML body: known tags only, no attributes, no scripts', () => {
    expect(article.bodyHtml).toContain('<h2>Un retrait sous surveillance</h2>');
    expect(article.bodyHtml).toContain(
      '<ul>\n<li>Premier convoi prévu en octobre.</li>\n<li>Fin du retrait attendue en décembre.</li>\n</ul>',
    );
    expect(article.bodyHtml).toContain('<blockquote><p>« Nous ne partirons pas');
    expect(article.bodyHtml).not.toMatch(/<script|injected|class=|style=|on\w+=/);
    const tags = new Set(article.bodyHtml.match(/<\/?([a-z0-9]+)/g)?.map((t) => t.replace(/[</]/g, '')));
    expect([...tags].every((t) => ['p', 'h2', 'ul', 'li', 'blockquote', 'pre'].includes(t))).toBe(true);
  });

  it('escapes text in the HTML body', () => {
    const html =
      '<html><body><article><p>Troops &lt;script&gt; left &amp; returned, the "ministry" said on Monday in Paris.</p></article></body></html>';
    const out = extractArticle(html, 'https://x.example/a', { now: NOW });
    expect(out.body).toBe('Troops <script> left & returned, the "ministry" said on Monday in Paris.');
    expect(out.bodyHtml).toBe(
      '<p>Troops &lt;script&gt; left &amp; returned, the &quot;ministry&quot; said on Monday in Paris.</p>',
    );
  });
});
