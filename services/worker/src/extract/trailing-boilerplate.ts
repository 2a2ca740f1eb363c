// Paragraphs that survive structural cleaning but are not article text: "also available at"
// footers, follow-us lines, copyright lines, "read also" teasers. Matched on whole paragraphs.
const PATTERNS: RegExp[] = [
  /can also be accessed at the following alternate addresses/i,
  /^(read|see) (also|more)\b|^(lire|voir) aussi\b|^à lire aussi\b|^a surtout lire\b|^related:/i,
  /^(follow|suivez)[- ](us|nous)\b/i,
  /^(©|copyright\b|all rights reserved|tous droits réservés)/i,
  /^(share|partager)( this( article| story)?)?\s*:?$/i,
  /^(advertisement|publicité|sponsored)$/i,
  /^(click here|cliquez ici)\b/i,
  /^(subscribe|abonnez-vous|sign up)\b.{0,80}$/i,
];

export function isBoilerplateParagraph(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}

/**
 * Drops boilerplate paragraphs, and everything after an "also available at" footer (the
 * lines that follow it are the list of addresses).
 */
export function dropBoilerplateParagraphs(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    if (/can also be accessed at the following alternate addresses/i.test(paragraph)) break;
    if (!isBoilerplateParagraph(paragraph)) out.push(paragraph);
  }
  return out;
}
