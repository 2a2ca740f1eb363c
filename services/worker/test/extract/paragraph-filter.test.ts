import { describe, expect, it } from 'vitest';
import { dropBoilerplateParagraphs } from '../../src/extract/paragraph-filter.js';
import type { Paragraph } from '../../src/extract/text.js';

const p = (text: string, kind: Paragraph['kind'] = 'p'): Paragraph => ({ text, kind });
const KEPT = 'The convoy reached the border on Tuesday evening, local officials said.';

describe('paragraph-level boilerplate', () => {
  it.each([
    'Advertisement',
    'Publicité',
    'Story continues below advertisement',
    'Share this article:',
    'Read more: France ends Barkhane operation in the Sahel',
    'Lire aussi : Au Mali, la junte rompt avec Paris',
    'Follow us on Twitter and Facebook for the latest news',
    'Follow Sahel Monitor on Instagram, Facebook and YouTube.',
    'Sign up for our daily newsletter to get the news first.',
    'Abonnez-vous à notre lettre d’information',
    'Tags: Mali, France, Barkhane',
    'Reading time: 3 minutes',
    'Temps de lecture : 4 min',
    '5 min read',
    'Write to Claire Dupont at claire.dupont@example.org',
    'Text size',
    'Image 2 of 5',
    'This slideshow requires JavaScript.',
    'Comments are moderated and will be approved before they appear.',
    'Photo: AFP',
    '(Photo by Reuters)',
    'Colonel Assimi Goita walks during his inauguration in Bamako. (Photo by Reuters)',
    'Updated at 1:23 p.m.',
    "Follow AP's full coverage of the Sahel at https://apnews.com/hub/sahel",
    'LEARN MORE',
    'Note: we are temporarily moderating all comments submitted.',
    'Cet article est réservé aux abonnés.',
    'Il vous reste 72 % de cet article à lire.',
    'Écouter cet article',
    'Suivez-nous sur Facebook et Twitter',
  ])('drops "%s"', (text) => {
    expect(dropBoilerplateParagraphs([p(KEPT), p(text), p(KEPT)])).toEqual([p(KEPT), p(KEPT)]);
  });

  it('drops a heading that introduces a list of other stories, with the list', () => {
    const input = [
      p(KEPT),
      p('More Great Sahel Stories', 'heading'),
      p('Wagner mercenaries arrive in central Mali', 'item'),
      p('The end of Barkhane: what France leaves behind', 'item'),
      p(KEPT),
    ];
    expect(dropBoilerplateParagraphs(input)).toEqual([p(KEPT), p(KEPT)]);
  });

  it('takes credit lines out of the text and hands them over', () => {
    const credits: string[] = [];
    const input = [
      p(KEPT),
      p('Reporting by John Irish; additional reporting by Tangi Salaün; Editing by Alison Williams'),
      p('Associated Press writers Baba Ahmed and Sam Mednick contributed to this report.'),
    ];
    expect(dropBoilerplateParagraphs(input, credits)).toEqual([p(KEPT)]);
    expect(credits).toHaveLength(2);
  });

  it('keeps article lists and headings that introduce them', () => {
    const input = [p('What France leaves behind', 'heading'), p('Three bases in the north', 'item'), p(KEPT)];
    expect(dropBoilerplateParagraphs(input)).toEqual(input);
  });

  it('cuts everything from an "also available at" footer on', () => {
    const input = [
      p(KEPT),
      p('Press TV’s website can also be accessed at the following alternate addresses:'),
      p('www.presstv.co.uk'),
    ];
    expect(dropBoilerplateParagraphs(input)).toEqual([p(KEPT)]);
  });

  it('keeps long paragraphs that merely mention sharing, reading or photos', () => {
    const long =
      'Read more about the operation in our archive: the soldiers who served in Gao shared photos of the base, which the army published with the credit "Photo: French army", and which readers can still find online today, years after the withdrawal was completed.';
    expect(dropBoilerplateParagraphs([p(long)])).toEqual([p(long)]);
  });
});
