/** A run of paragraph text; `labels` names the events whose evidence covers it (empty: none). */
export interface Segment {
  text: string;
  labels: string[];
}

export interface EvidenceText {
  /** The body's paragraphs, each cut into segments at the evidence boundaries. */
  paragraphs: Segment[][];
  /** Evidence sentences not found in the body (for example, taken from the title). */
  unmatched: Array<{ label: string; evidence: string }>;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Splits the body into paragraphs and marks every occurrence of each event's evidence sentence,
 * so that the reader can highlight why the article was tagged. Whitespace is normalised on both
 * sides; overlapping evidence of two events yields a segment that carries both labels.
 */
export function markEvidence(body: string, events: ReadonlyArray<{ label: string; evidence: string }>): EvidenceText {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map(collapse)
    .filter(Boolean);
  const ranges: Array<Array<{ start: number; end: number; label: string }>> = paragraphs.map(() => []);
  const unmatched: EvidenceText['unmatched'] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const evidence = collapse(event.evidence);
    const key = `${event.label}\u0000${evidence}`;
    if (!evidence || seen.has(key)) continue;
    seen.add(key);
    let found = false;
    paragraphs.forEach((paragraph, p) => {
      for (let at = paragraph.indexOf(evidence); at >= 0; at = paragraph.indexOf(evidence, at + evidence.length)) {
        ranges[p]!.push({ start: at, end: at + evidence.length, label: event.label });
        found = true;
      }
    });
    if (!found) unmatched.push({ label: event.label, evidence });
  }
  return {
    paragraphs: paragraphs.map((paragraph, p) => {
      const own = ranges[p]!;
      const cuts = [...new Set([0, paragraph.length, ...own.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
      const segments: Segment[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const [start, end] = [cuts[i]!, cuts[i + 1]!];
        const labels = [...new Set(own.filter((r) => r.start <= start && r.end >= end).map((r) => r.label))];
        const previous = segments.at(-1);
        if (previous && previous.labels.join('\u0000') === labels.join('\u0000'))
          previous.text += paragraph.slice(start, end);
        else segments.push({ text: paragraph.slice(start, end), labels });
      }
      return segments;
    }),
    unmatched,
  };
}
