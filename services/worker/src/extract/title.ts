import { decodeHTML } from 'entities';

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » ', ' // ', ' : '];

function norm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The headline without the site name: "… | SouthFront", "… - UrduPoint", "PressTV-…". A part
 * is dropped when it matches the site name or the host, or when it is short (four words at
 * most) and the rest is long. When the page has an <h1> that the title contains, that wins.
 */
export function cleanTitle(
  raw: string | null,
  options: { siteName?: string | null; host?: string; h1?: string | null },
): string {
  // Titles are often entity-encoded twice ("&amp;#8216;"): decode what is left.
  const title = decodeHTML(raw ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const h1 = options.h1?.replace(/\s+/g, ' ').trim() ?? '';
  if (h1.length >= 15 && title && norm(title).includes(norm(h1))) return h1;
  if (!title) return h1;
  const site = norm(options.siteName ?? '');
  const hostWords = (options.host ?? '')
    .replace(/^www\./, '')
    .split('.')
    .slice(0, -1)
    .map(norm)
    .filter((w) => w.length >= 3);
  const isSite = (part: string) => {
    const n = norm(part);
    if (n === '') return false;
    return (
      (site !== '' && (n === site || n.includes(site) || site.includes(n))) ||
      hostWords.some((w) => n === w || n.startsWith(w) || w.startsWith(n))
    );
  };
  // "PressTV-Mali set to…": a site prefix glued with a bare hyphen.
  const glued = /^([\p{L}\p{N}.]{2,20})[-–:|]\s*(.{15,})$/u.exec(title);
  if (glued && isSite(glued[1]!)) return glued[2]!.trim();

  for (const separator of SEPARATORS) {
    const parts = title.split(separator);
    if (parts.length < 2) continue;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    if (isSite(last)) return parts.slice(0, -1).join(separator).trim();
    if (isSite(first)) return parts.slice(1).join(separator).trim();
    const words = (s: string) => s.split(/\s+/).length;
    if (separator !== ' : ' && words(last) <= 4 && words(title) - words(last) >= 5)
      return parts.slice(0, -1).join(separator).trim();
  }
  return title;
}
