// Magic numbers of the binary formats servers most often send under a text content type.
const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip data', [0x1f, 0x8b]],
];

/** Names the binary format of `bytes` when they are not text, else null. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [name, magic] of SIGNATURES) {
    if (magic.every((byte, i) => bytes[i] === byte)) return name;
  }
  // Text never holds NUL bytes (UTF-16 pages start with a BOM, handled by the decoder).
  const head = bytes.subarray(0, 1024);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return 'binary data';
  return null;
}
