import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../../../test/helpers/shared-dir.js';
import { fixture } from './fixtures.js';

export { explainSkip, sharedAvailable } from '../../../../test/helpers/shared-dir.js';

export interface SeedPage {
  html: string;
  title: string;
  /** The paragraphs that must come out as the body, in order. */
  body: string[];
  /** The seed paragraphs that are page furniture (caption, breadcrumb, footer). */
  furniture: string[];
}

type Role = 'title' | 'caption' | 'breadcrumb' | 'footer';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * One seed of ../shared/seeds poured into one of our outlet templates. `roles` maps paragraph
 * indexes (negative: from the end) to what they are on the page; the rest is the article. The
 * seed text is read at test time and never copied into the repository.
 */
export function seedPage(seed: string, template: string, roles: Record<number, Role>, title?: string): SeedPage {
  const paragraphs = readFileSync(join(SEEDS_DIR, seed), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const roleOf = (i: number): Role | undefined => roles[i] ?? roles[i - paragraphs.length];
  const byRole = (role: Role) => paragraphs.filter((_, i) => roleOf(i) === role);
  const body = paragraphs.filter((_, i) => roleOf(i) === undefined);
  const pageTitle = title ?? byRole('title')[0]!;
  const footers = byRole('footer');
  const values: Record<string, string> = {
    TITLE: escapeHtml(pageTitle),
    LEAD: escapeHtml(body[0]!.slice(0, 160)),
    CAPTION: escapeHtml(byRole('caption')[0] ?? ''),
    BREADCRUMB: (byRole('breadcrumb')[0] ?? '')
      .split('/')
      .map((part) => `<a href="/">${escapeHtml(part.trim())}</a>`)
      .join(' / '),
    PARAGRAPHS: body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    FOOTER_1: escapeHtml(footers[0] ?? ''),
    FOOTER_2: escapeHtml(footers[1] ?? ''),
  };
  const html = fixture(template).replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
  const furniture = paragraphs.filter((_, i) => roleOf(i) !== undefined && roleOf(i) !== 'title');
  return { html, title: pageTitle, body, furniture };
}

export const SEED_URDUPOINT = () =>
  seedPage(
    '000_63a8fc59f5526b29.txt',
    'seed-urdupoint.html',
    {},
    "France suspends aid, military cooperation with C.Africa over 'disinformation'",
  );
export const SEED_SOUTHFRONT = () =>
  seedPage('001_78954da3f6bf4c48.txt', 'seed-southfront.html', { 0: 'title', 1: 'caption' });
export const SEED_PRESSTV = () =>
  seedPage('002_c4f72daf9efa2f87.txt', 'seed-presstv.html', {
    0: 'breadcrumb',
    1: 'title',
    2: 'caption',
    [-2]: 'footer',
    [-1]: 'footer',
  });
