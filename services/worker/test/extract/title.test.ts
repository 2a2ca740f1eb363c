import { describe, expect, it } from 'vitest';
import { cleanTitle, extractArticle } from '../../src/extract/index.js';
import { fixture, NOW } from './fixtures.js';

describe('titles without the site name', () => {
  it.each([
    ['PressTV-Mali set to cut off military cooperation with France', 'PressTV', 'www.presstv.ir'],
    ['Mali set to cut off military cooperation with France | SouthFront', 'SouthFront', 'southfront.press'],
    ['Mali set to cut off military cooperation with France - UrduPoint', 'UrduPoint', 'www.urdupoint.com'],
    ['Mali set to cut off military cooperation with France - UrduPoint', null, 'www.urdupoint.com'],
    ['Mali set to cut off military cooperation with France – Le Journal du Sahel', null, 'journal.example'],
    ['Le Monde Afrique : Mali set to cut off military cooperation with France', 'Le Monde Afrique', 'lemonde.fr'],
  ])('%s', (raw, siteName, host) => {
    expect(cleanTitle(raw, { siteName, host })).toBe('Mali set to cut off military cooperation with France');
  });

  it.each([
    'Barkhane : la fin d’une opération',
    'Mali - France: the end of an era in the Sahel',
    'Niger | A coup that changed the Sahel',
  ])('leaves %s alone', (raw) => {
    expect(cleanTitle(raw, { siteName: 'Sahel Monitor', host: 'sahel-monitor.example' })).toBe(raw);
  });

  it('prefers the page’s <h1> when the title contains it', () => {
    expect(
      cleanTitle('Breaking: Mali set to cut off military cooperation with France :: News', {
        host: 'x.example',
        h1: 'Mali set to cut off military cooperation with France',
      }),
    ).toBe('Mali set to cut off military cooperation with France');
  });

  it('decodes entities left in titles (pages that encode them twice)', () => {
    expect(cleanTitle('France&#8217;s &quot;new&quot; Africa policy', { host: 'x.example' })).toBe(
      'France’s "new" Africa policy',
    );
  });

  it('cleans the title of whole pages, with the " :: " and " - " separators', () => {
    expect(extractArticle(fixture('metadata-microdata.html'), 'https://sahelwire.example/a', { now: NOW }).title).toBe(
      'Chad hosts French troops leaving Niger',
    );
    expect(extractArticle(fixture('byline-french.html'), 'https://afrique-hebdo.example/a', { now: NOW }).title).toBe(
      'Le Tchad accueille des soldats français quittant le Niger',
    );
  });
});
