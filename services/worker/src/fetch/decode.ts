/** How far into the document a <meta charset> is looked for (the standard says 1024 bytes; pages
 * with long heads put it later, and browsers still find it). */
const SNIFF_BYTES = 4096;

/**
 * Decodes a page's bytes to text. The order follows the HTML standard's encoding sniffing:
 * byte-order mark, then the HTTP charset, then a <meta charset> or XML declaration in the
 * first 4 KB, then UTF-8 — falling back to windows-1252 when the bytes are not valid UTF-8
 * (the usual case of an old page that declares nothing, or declares UTF-8 wrongly).
 * ISO-8859-1 and US-ASCII labels decode as windows-1252, as the standard (and every browser)
 * does: pages so labelled use its curly quotes and euro sign.
 */
export function decodeBody(bytes: Uint8Array, headerCharset: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  let declared = normalizeLabel(headerCharset);
  if (!declared) {
    declared = normalizeLabel(sniffDeclaredCharset(bytes));
    // A document cannot declare UTF-16 in its own bytes: if it could be read, it is ASCII-compatible.
    if (declared === 'utf-16le' || declared === 'utf-16be') declared = 'utf-8';
  }
  if (declared && declared !== 'utf-8') return decodeWith(declared, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A page that declares UTF-8 but is not UTF-8 is nearly always windows-1252.
    return decodeWith('windows-1252', bytes);
  }
}

function decodeWith(label: string, bytes: Uint8Array): string {
  const text = new TextDecoder(label).decode(bytes);
  // Node 20's TextDecoder decodes windows-1252 as ISO-8859-1, leaving C1 controls where the
  // page has curly quotes, dashes and the euro sign; map them as the standard says.
  return label === 'windows-1252'
    ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c)
    : text;
}

/** windows-1252 characters of bytes 0x80–0x9F (undefined bytes stay as they are). */
const WINDOWS_1252_C1 = [
  '€',
  '\u0081',
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  '\u008d',
  'Ž',
  '\u008f',
  '\u0090',
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  '\u009d',
  'ž',
  'Ÿ',
];

/** A label TextDecoder knows, or null. "latin1" and "iso-8859-1" map to windows-1252 (WHATWG). */
function normalizeLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const clean = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return null;
  }
}

/** The charset a document declares in its first 4 KB (<meta charset>, http-equiv, <?xml encoding?>). */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1] ?? null;
}

/** The charset parameter of a Content-Type header. */
export function charsetOf(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}
