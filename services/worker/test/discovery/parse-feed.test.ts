import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeedItems } from '../../src/discovery/parse-feed.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'feeds');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('parseFeedItems', () => {
  it('reads RSS 2.0 with relative links resolved', () => {
    const { format, items } = parseFeedItems(read('rss2.xml'), 'https://www.rfi.fr/fr/afrique/rss');
    expect(format).toBe('rss');
    expect(items).toEqual([
      {
        url: 'https://www.rfi.fr/fr/afrique/20220503-mali-accords-de-defense',
        title: 'Mali : la junte dénonce les accords de défense avec la France',
        published: 'Tue, 03 May 2022 08:27:00 +0200',
      },
      { url: 'https://www.rfi.fr/fr/afrique/20220502-barkhane', title: 'Barkhane quitte Gossi', published: null },
    ]);
  });

  it('reads Atom, RSS 1.0 and JSON Feed', () => {
    expect(parseFeedItems(read('atom.xml'), 'https://example.org/feed').items[0]).toEqual({
      url: 'https://example.org/2021/06/07/france-car',
      title: 'France suspends military cooperation with CAR',
      published: '2021-06-07T19:03:00+05:00',
    });
    const rdf = parseFeedItems(read('rss1.rdf'), 'https://allafrica.com/tools/headlines/rdf/latest/headlines.rdf');
    expect(rdf.format).toBe('rdf');
    expect(rdf.items[0]!.url).toBe('https://allafrica.com/stories/202205030001.html');
    const json = parseFeedItems(read('feed.json'), 'https://example.org/feed.json');
    expect(json.format).toBe('json');
    expect(json.items[0]).toMatchObject({ url: 'https://example.org/a', published: '2022-05-03T08:27:00Z' });
  });

  it('fails with FEED_PARSE on something that is not a feed', () => {
    expect(() => parseFeedItems('<html><body>no feed here</body></html>', 'https://x.org/')).toThrow(
      expect.objectContaining({ code: 'FEED_PARSE' }),
    );
    expect(() => parseFeedItems('<rss><channel><item><title>broken', 'https://x.org/')).toThrow(
      expect.objectContaining({ code: 'FEED_PARSE' }),
    );
  });
});
