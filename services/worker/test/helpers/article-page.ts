/** A plain article page with enough text to pass the minimum-words check. */
export function articlePage(title: string, paragraphs = 4): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i + 1} of ${title}: French troops handed the base over to the national army, officials said on Tuesday, after months of talks.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body}</article><footer>© Fixture</footer></body></html>`;
}
