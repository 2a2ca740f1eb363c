import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { NOW } from './fixtures.js';

const URL = 'https://news.example/africa/story';
const P1 = 'The defence ministry confirmed on Monday that the last convoy had crossed into Niger, ending the mission.';
const P2 = 'Officials in Bamako, speaking on condition of anonymity, said the handover had been prepared for months.';
const P3 =
  'About 2,500 French soldiers remain in the region, most of them in Niger and Chad, according to the ministry.';
const page = (inner: string) =>
  `<html><body><div class="site"><div class="story-body">${inner}</div><div class="sidebar"><ul><li><a href="/a">Another story about the Sahel region</a></li><li><a href="/b">Yet another story about the Sahel region</a></li></ul></div></div></body></html>`;

describe('main content', () => {
  it('keeps an embedded post the article quotes, even in a "widget" wrapper', () => {
    const html = page(
      `<p>${P1}</p><div class="article-widget embed-widget"><blockquote class="twitter-tweet"><p>Statement from the ministry</p>— Ministère des Armées (@Armees_Gouv) <a href="https://twitter.com/x/status/1">May 3, 2022</a></blockquote></div><p>${P2}</p><p>${P3}</p>`,
    );
    const body = extractArticle(html, URL, { now: NOW }).body;
    expect(body).toContain('Statement from the ministry');
    expect(body).toContain('— Ministère des Armées (@Armees_Gouv) May 3, 2022');
  });

  it('keeps pull quotes, which the article prints as its own words', () => {
    const html = page(
      `<p>${P1}</p><aside class="pullquote">“We are leaving with our heads held high.”</aside><div class="pull-quote"><p>“We are leaving with our heads held high.”</p></div><p>${P2}</p><p>${P3}</p>`,
    );
    expect(extractArticle(html, URL, { now: NOW }).body.split('\n\n')).toEqual([
      P1,
      '“We are leaving with our heads held high.”',
      P2,
      P3,
    ]);
  });

  it('keeps the space that an empty inline element holds between two words', () => {
    const html = page(
      `<p>${P1}</p><p>It is, in short, a New Yorker<em> </em>story about the Sahel and its long wars.</p><p>${P2}</p>`,
    );
    expect(extractArticle(html, URL, { now: NOW }).body).toContain('a New Yorker story');
  });

  it('joins an article split into blocks between ad rails', () => {
    const chunk = (a: string, b: string) =>
      `<div class="grid"><div class="body"><p>${a}</p><p>${b}</p><p>${a}</p></div><div class="ad-rail"></div></div>`;
    const html = `<html><body><div class="chunks">${chunk(P1, P2)}${chunk(P2, P3)}</div><footer><p>About us</p></footer></body></html>`;
    expect(extractArticle(html, URL, { now: NOW }).body.split('\n\n')).toEqual([P1, P2, P1, P2, P3, P2]);
  });
});
