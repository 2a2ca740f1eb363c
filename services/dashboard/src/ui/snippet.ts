const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The parts of a search snippet (`…<mark>word</mark>…`, everything else HTML-escaped by the
 * API), as plain text to put in text nodes. Parsing it here rather than assigning innerHTML
 * means a bug on the server can never inject markup into the page.
 */
export function snippetParts(snippet: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: decode(snippet.slice(last, match.index)), marked: false });
    parts.push({ text: decode(match[1]!), marked: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: decode(snippet.slice(last)), marked: false });
  return parts.filter((part) => part.text.length > 0);
}
