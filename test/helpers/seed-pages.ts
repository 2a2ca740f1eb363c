import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SEEDS_DIR } from './shared-dir.js';

type Role = 'title' | 'caption' | 'breadcrumb' | 'footer';

interface PageSpec {
  seed: string;
  outlet: string;
  template: string;
  path: string;
  title: string | null;
  roles: Record<string, Role>;
  caption?: string;
  dateText: string;
  dateIso: string;
  expectPublished: string;
}

export interface SeedPage {
  seed: string;
  outlet: string;
  path: string;
  title: string;
  /** Paragraphs a good extractor must return, in order. */
  body: string[];
  /** Texts on the page that must not reach the body. */
  boilerplate: string[];
  expectPublished: string;
  html: string;
}

const FIXTURES = join(ROOT, 'test', 'fixtures');
const specs = JSON.parse(readFileSync(join(FIXTURES, 'seed-pages.json'), 'utf8')).pages as PageSpec[];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Paragraphs of a seed file: blocks separated by blank lines, whitespace collapsed. */
export function seedParagraphs(file: string): string[] {
  return readFileSync(join(SEEDS_DIR, file), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The three seeds as realistic outlet pages served under `baseUrl`. */
export function buildSeedPages(baseUrl: string): SeedPage[] {
  return specs.map((spec) => {
    const paragraphs = seedParagraphs(spec.seed);
    const roleOf = (index: number): Role | undefined =>
      spec.roles[String(index)] ?? spec.roles[String(index - paragraphs.length)];
    const byRole = (role: Role) => paragraphs.filter((_, i) => roleOf(i) === role);
    const body = paragraphs.filter((_, i) => roleOf(i) === undefined);
    const title = spec.title ?? byRole('title')[0]!;
    const caption = byRole('caption')[0] ?? spec.caption ?? '';
    const breadcrumb = (byRole('breadcrumb')[0] ?? '').split('/').map((s) => s.trim());
    const footers = byRole('footer');
    const canonical = `${baseUrl}${spec.path}`;
    const values: Record<string, string> = {
      TITLE: escapeHtml(title),
      LEAD: escapeHtml(body[0]!.slice(0, 200)),
      CANONICAL: escapeHtml(canonical),
      DATE_TEXT: escapeHtml(spec.dateText),
      DATE_ISO: spec.dateIso,
      CAPTION: escapeHtml(caption),
      BODY: body.map((p) => `        <p>${escapeHtml(p)}</p>`).join('\n'),
      FOOTER_1: escapeHtml(footers[0] ?? ''),
      FOOTER_2: escapeHtml(footers[1] ?? ''),
    };
    breadcrumb.forEach((part, i) => {
      values[`BREADCRUMB_${i + 1}`] = escapeHtml(part);
    });
    const template = readFileSync(join(FIXTURES, 'outlets', spec.template), 'utf8');
    const html = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
    const boilerplate = [caption, ...footers, ...breadcrumb.filter((p) => p.length > 8)].filter((t) => t.length > 0);
    // Text from the templates' own boilerplate: related links, comments, newsletter, footer.
    for (const m of template.matchAll(/>([^<>{}]{40,})</g)) boilerplate.push(m[1]!.replace(/&\w+;/g, ' ').trim());
    return {
      seed: spec.seed,
      outlet: spec.outlet,
      path: spec.path,
      title,
      body,
      boilerplate,
      expectPublished: spec.expectPublished,
      html,
    };
  });
}

/** Tokens as the extraction benchmark counts them: runs of letters, digits and "_". */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Bag-of-tokens F1 between an extracted body and the expected one. */
export function tokenOverlap(actual: string, expected: string): { precision: number; recall: number; f1: number } {
  const count = (list: string[]) => {
    const m = new Map<string, number>();
    for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const a = count(tokens(actual));
  const e = count(tokens(expected));
  let shared = 0;
  for (const [t, n] of a) shared += Math.min(n, e.get(t) ?? 0);
  const precision =
    shared /
    Math.max(
      1,
      [...a.values()].reduce((x, y) => x + y, 0),
    );
  const recall =
    shared /
    Math.max(
      1,
      [...e.values()].reduce((x, y) => x + y, 0),
    );
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}
