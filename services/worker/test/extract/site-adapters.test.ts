import { describe, expect, it } from 'vitest';
import { extractArticle, SITE_ADAPTERS, type SiteAdapter } from '../../src/extract/index.js';
import { fixture, NOW } from './fixtures.js';

const URL = 'https://www.outlet.example/news/niger-france-timetable';
const ADAPTER: SiteAdapter = {
  hosts: ['outlet.example'],
  content: ['.no-such-body', '.related-story-text'],
  remove: ['.promo-line', 'p:has(>'],
};

describe('site adapters', () => {
  it('are data: every shipped entry names its hosts and only selectors', () => {
    for (const adapter of SITE_ADAPTERS) {
      expect(adapter.hosts.length).toBeGreaterThan(0);
      expect(Object.keys(adapter).every((key) => ['hosts', 'content', 'remove'].includes(key))).toBe(true);
    }
  });

  it('fix an outlet the generic path gets wrong', () => {
    const generic = extractArticle(fixture('adapter-outlet.html'), URL, { now: NOW, adapters: [] });
    expect(generic.body).toContain('independent news organisation');

    const adapted = extractArticle(fixture('adapter-outlet.html'), URL, { now: NOW, adapters: [ADAPTER] });
    expect(adapted.body.split('\n\n')).toEqual([
      "Niger's military government and France have agreed on a timetable for the departure of the 1,500 French soldiers still in the country, officials said on Thursday.",
      'The first troops will leave the base in Ouallam next week, followed by those stationed in the capital, Niamey, according to a statement read on national television.',
      'France had kept the force in Niger after leaving Mali, making the country the hub of its operations against jihadist groups in the region.',
    ]);
    expect(adapted.title).toBe('Niger and France agree on troop withdrawal timetable');
  });

  it('apply to their hosts only', () => {
    const other = extractArticle(fixture('adapter-outlet.html'), 'https://elsewhere.example/a', {
      now: NOW,
      adapters: [ADAPTER],
    });
    expect(other.body).toContain('independent news organisation');
  });
});
