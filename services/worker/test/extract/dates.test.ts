import { describe, expect, it } from 'vitest';
import { isDateLine } from '../../src/extract/dates.js';
import { dateFromUrl, extractArticle, parseHumanDate } from '../../src/extract/index.js';
import { fixture, NOW } from './fixtures.js';

describe('dates written for humans', () => {
  it.each([
    ['7th Jun, 2021', '2021-06-07T00:00:00+00:00'],
    ['June 07, 2021 | 07:03 PM', '2021-06-07T19:03:00+00:00'],
    ['Tuesday, 03 May 2022 8:27 AM', '2022-05-03T08:27:00+00:00'],
    ['7 juin 2021', '2021-06-07T00:00:00+00:00'],
    ['Publié le 03/05/2022 à 08h27', '2022-05-03T08:27:00+00:00'],
    ['1er mai 2022 à 10h30', '2022-05-01T10:30:00+00:00'],
    ['mardi 3 mai 2022, 08:27', '2022-05-03T08:27:00+00:00'],
    ['Nov. 18, 2019 at 9:03 a.m. EST', '2019-11-18T09:03:00-05:00'],
    ['June 7, 2021 7:03 PM GMT+2', '2021-06-07T19:03:00+02:00'],
    ['2022-05-03T08:27:00+02:00', '2022-05-03T08:27:00+02:00'],
    ['Mon, 07 Jun 2021 19:03:00 +0200', '2021-06-07T19:03:00+02:00'],
    ['11/18/2019', '2019-11-18T00:00:00+00:00'],
  ])('reads %s', (text, iso) => {
    expect(parseHumanDate(text, NOW)).toBe(iso);
  });

  it.each([
    ['7 juin 2031', 'in the future'],
    ['3 March 1985', 'before 1990'],
    ['5040', 'a bare number'],
    ['12', 'a bare number'],
    ['Page 3 of 7', 'no date'],
  ])('rejects %s (%s)', (text) => {
    expect(parseHumanDate(text, NOW)).toBeNull();
  });

  it('takes a date from the URL path as a last resort', () => {
    expect(dateFromUrl('https://x.example/2021/06/07/france-mali/', NOW)).toBe('2021-06-07T00:00:00+00:00');
    expect(dateFromUrl('https://x.example/news/20220503-mali', NOW)).toBe('2022-05-03T00:00:00+00:00');
    expect(dateFromUrl('https://x.example/2031/06/07/later/', NOW)).toBeNull();
    expect(dateFromUrl('https://x.example/Detail/681548/', NOW)).toBeNull();
  });
});

describe('date lines', () => {
  it.each([
    'February 8, 2021',
    'Publié le 03/05/2022 à 08h27',
    'Updated: Tuesday, 03 May 2022 8:27 AM',
    'by Regan September 15, 2014',
    'Posted on October 27, 2015 by Admin',
    'November 20, 2019 - 11:28 AMT',
    'sexta-feira, 22 de outubro de 2010 às 20:13',
  ])('%s is a date line', (text) => {
    expect(isDateLine(text, NOW)).toBe(true);
  });

  it.each([
    '— The Nigerian Senate (@NGRSenate) October 9, 2018',
    'Troops left Gao on June 7, 2021.',
    'Operation Barkhane',
  ])('%s is not', (text) => {
    expect(isDateLine(text, NOW)).toBe(false);
  });
});

describe('publication dates of pages', () => {
  const URL = 'https://news.example/article/france-keeps-soldiers';
  it.each([
    ['date-en-ordinal.html', '2021-06-07T00:00:00+00:00'],
    ['date-en-time.html', '2021-06-07T19:03:00+00:00'],
    ['date-en-weekday.html', '2022-05-03T08:27:00+00:00'],
    ['date-fr.html', '2021-06-07T00:00:00+00:00'],
    ['date-fr-numeric.html', '2022-05-03T08:27:00+00:00'],
  ])('%s is published at %s, and the date line is not body text', (file, iso) => {
    const article = extractArticle(fixture(file), URL, { now: NOW });
    expect(article.publishedAt).toBe(iso);
    expect(article.body.split('\n\n')).toHaveLength(3);
    expect(article.body).not.toMatch(/2021|2022/);
  });

  it('reads a printed update date as the modification date, not the publication date', () => {
    const article = extractArticle(fixture('date-fr-numeric.html'), URL, { now: NOW });
    expect(article.publishedAt).toBe('2022-05-03T08:27:00+00:00');
    expect(article.modifiedAt).toBe('2022-05-04T10:15:00+00:00');
  });

  it('keeps the time of day and the UTC offset of JSON-LD dates, published and modified', () => {
    const article = extractArticle(fixture('date-json-ld.html'), URL, { now: NOW });
    expect(article.publishedAt).toBe('2022-05-03T08:27:00+02:00');
    expect(article.modifiedAt).toBe('2022-05-04T10:00:00+02:00');
  });

  it('falls back to the URL when the page gives no date', () => {
    const article = extractArticle(fixture('date-url-only.html'), 'https://news.example/2021/06/07/soldiers/', {
      now: NOW,
    });
    expect(article.publishedAt).toBe('2021-06-07T00:00:00+00:00');
    expect(extractArticle(fixture('date-url-only.html'), URL, { now: NOW }).publishedAt).toBeNull();
  });

  it('rejects dates in the future or before 1990, whatever their source', () => {
    const article = extractArticle(fixture('date-out-of-range.html'), 'https://news.example/2021/06/07/a/', {
      now: NOW,
    });
    expect(article.publishedAt).toBe('2021-06-07T00:00:00+00:00');
  });
});
