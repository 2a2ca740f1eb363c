import { describe, expect, it } from 'vitest';
import { cleanByline, isBylineLine } from '../../src/extract/byline.js';
import { extractArticle, resolveByline } from '../../src/extract/index.js';
import { fixture, NOW } from './fixtures.js';
import { explainSkip, SEED_PRESSTV, SEED_SOUTHFRONT, SEED_URDUPOINT, sharedAvailable } from './seeds.js';

const URL = 'https://news.example/africa/2023/03/03/story';

describe('bylines and wire agencies', () => {
  it('separates the people from the agency in a printed byline', () => {
    const article = extractArticle(fixture('byline-reuters.html'), URL, { now: NOW });
    expect(article.byline).toBe('John Irish, Tangi Salaün');
    // "Shares of Thomson Reuters" in the text is a company, not a credit.
    expect(article.agencies).toEqual(['Reuters']);
  });

  it('reads the agency from a dateline when the only author is the agency', () => {
    const article = extractArticle(fixture('byline-dateline-afp.html'), URL, { now: NOW });
    expect(article.byline).toBeNull();
    expect(article.agencies).toEqual(['AFP']);
  });

  it('reads French bylines and relaying phrases ("à l’AFP", "(Avec AFP)")', () => {
    const article = extractArticle(fixture('byline-french.html'), URL, { now: NOW });
    expect(article.byline).toBe('Marie Dupont');
    expect(article.agencies).toEqual(['AFP']);
    expect(article.language).toBe('fr');
  });

  it('reads agencies from credit lines taken out of the text', () => {
    const html = `<html><body><article><h1>Mali junta expels French ambassador</h1>
<p>BAMAKO — Mali's junta on Monday gave the French ambassador 72 hours to leave the country, state television said.</p>
<p>The move follows remarks by France's foreign minister, who called the junta illegitimate.</p>
<p>Associated Press writers Baba Ahmed and Sam Mednick contributed to this report.</p></article></body></html>`;
    const article = extractArticle(html, URL, { now: NOW });
    expect(article.agencies).toEqual(['AP']);
    expect(article.body).not.toContain('contributed');
  });

  it('does not take photo credits for agencies', () => {
    const article = extractArticle(fixture('byline-photo-credits.html'), URL, { now: NOW });
    expect(article.byline).toBe('Sam Okoro');
    expect(article.agencies).toEqual([]);
    expect(article.body).not.toContain('REUTERS');
    expect(article.body).not.toContain('Getty');
  });

  it.each([
    ['By Justine Coleman - 11/18/19 11:04 PM EST', 'Justine Coleman'],
    ['Joe Rossignol, 16 hours ago on', 'Joe Rossignol'],
    ['STEVE PEOPLES, AP National Politics Writer', 'STEVE PEOPLES'],
    ['Par Marie Dupont', 'Marie Dupont'],
    ['Posted by: admin', 'admin'],
    ['adsbygoogle = window.adsbygoogle || []', null],
    ['Name *', null],
  ])('cleans the byline %s', (raw, clean) => {
    expect(cleanByline(raw, NOW)).toBe(clean);
  });

  it.each([
    ['By John Irish and Tangi Salaün', true],
    ['Par Marie Dupont', true],
    ['By Claire Dupont, Reuters', true],
    ['Von Hans Müller | dpa', true],
    ['By the time the troops left', false],
    ['By Monday, Paris had recalled its ambassador.', false],
    ['By Monday, the convoy had left Gao.', false],
  ])('tells a printed byline (%s) from a sentence', (text, byline) => {
    expect(isBylineLine(text)).toBe(byline);
  });

  it('keeps agencies out of the byline and staff signatures out of people', () => {
    expect(resolveByline(['Editorial Staff'], [], NOW)).toEqual({ byline: null, agencies: [] });
    expect(resolveByline(['AFP'], [], NOW)).toEqual({ byline: null, agencies: ['AFP'] });
    expect(resolveByline(['Catherine', 'Catherine Hollander'], [], NOW).byline).toBe('Catherine Hollander');
    expect(resolveByline([], ['DAKAR, Senegal (AP) — Troops left on Monday.'], NOW).agencies).toEqual(['AP']);
    expect(resolveByline([], ['The ministry confirmed it to Anadolu Agency on Friday.'], NOW).agencies).toEqual([
      'Anadolu',
    ]);
    expect(resolveByline([], ['Le Mali a annoncé, selon Xinhua, la fin de la coopération.'], NOW).agencies).toEqual([
      'Xinhua',
    ]);
    expect(resolveByline([], ['"We will stay," he told RIA Novosti.'], NOW).agencies).toEqual(['RIA Novosti']);
  });
});

explainSkip('the seed byline tests');

describe.skipIf(!sharedAvailable)('bylines and agencies of the seed pages', () => {
  it('seed 000: an APP-relayed AFP wire on UrduPoint', () => {
    const seed = SEED_URDUPOINT();
    const article = extractArticle(seed.html, 'https://www.urdupoint.com/en/world/france-suspends-aid.html', {
      now: NOW,
    });
    expect(article.byline).toBe('Sumaira FH');
    // The dateline "(APP - UrduPoint …)" names APP; "told AFP" in the text names AFP.
    expect(article.agencies).toEqual(['APP', 'AFP']);
    expect(article.body).toBe(seed.body.join('\n\n'));
    expect(article.title).toBe(seed.title);
    expect(article.publishedAt).toBe('2021-06-07T19:03:00+00:00');
  });

  it('seed 001: a photo credit in a caption paragraph is not a wire agency', () => {
    const seed = SEED_SOUTHFRONT();
    const article = extractArticle(seed.html, 'https://southfront.press/car-rebels/', { now: NOW });
    expect(seed.furniture[0]).toContain('IMAGE: AFP');
    expect(article.agencies).toEqual([]);
    expect(article.body).toBe(seed.body.join('\n\n'));
    expect(article.title).toBe(seed.title);
  });

  it('seed 002: "(Photo by Reuters)" is a caption, and the footer goes', () => {
    const seed = SEED_PRESSTV();
    const article = extractArticle(seed.html, 'https://www.presstv.ir/Detail/2022/05/03/681548/Mali', { now: NOW });
    expect(seed.furniture.some((p) => p.includes('(Photo by Reuters)'))).toBe(true);
    expect(article.agencies).toEqual([]);
    expect(article.body).toBe(seed.body.join('\n\n'));
    expect(article.title).toBe(seed.title);
    expect(article.publishedAt).toBe('2022-05-03T08:27:00+00:00');
  });
});
