// Function words that are frequent in one language and rare in the other. Enough to tell
// English from French on a headline and a paragraph; other languages fall back to <html lang>.
const MARKERS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'was',
    'with',
    'on',
    'as',
    'by',
    'has',
    'have',
    'from',
    'are',
    'were',
    'which',
    'its',
    'said',
    'this',
    'will',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'du',
    'est',
    'une',
    'dans',
    'que',
    'pour',
    'qui',
    'sur',
    'au',
    'aux',
    'pas',
    'par',
    'ont',
    'été',
    'avec',
    'sont',
    'cette',
    'il',
    'elle',
    'ses',
    'leur',
  ],
  es: ['el', 'los', 'las', 'del', 'y', 'por', 'una', 'con', 'para', 'que', 'es', 'fue', 'se', 'su'],
  it: ['il', 'della', 'che', 'di', 'e', 'per', 'una', 'con', 'sono', 'del', 'gli', 'nel', 'alla'],
  pt: ['o', 'os', 'da', 'do', 'dos', 'das', 'que', 'uma', 'com', 'para', 'não', 'em', 'por', 'ao'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auch', 'ein', 'eine'],
};

/**
 * Detects the language of a text as an ISO 639-1 code, or returns `fallback` (normally the
 * page's <html lang>) when the text is too short or too mixed to tell.
 */
export function detectLanguage(text: string, fallback: string | null): string | null {
  const words =
    text
      .toLowerCase()
      .match(/\p{L}+/gu)
      ?.slice(0, 2000) ?? [];
  const normalizedFallback = fallback ? fallback.toLowerCase().split(/[-_]/)[0]!.slice(0, 2) : null;
  if (/[\u0400-\u04ff]/.test(text.slice(0, 2000)) && words.length > 0) return 'ru';
  if (/[\uac00-\ud7af]/.test(text.slice(0, 2000))) return 'ko';
  if (words.length < 5) return normalizedFallback;
  const scores = Object.entries(MARKERS).map(([lang, list]) => {
    const set = new Set(list);
    return [lang, words.filter((w) => set.has(w)).length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 2 || (second && best[1] < second[1] * 1.3)) return normalizedFallback;
  return best[0];
}
