import { describe, expect, it } from 'vitest';
import { markEvidence } from '../src/reader/evidence.js';

describe('markEvidence', () => {
  const body = 'France withdrew its troops.  Wagner arrived.\n\nThe junta\ncelebrated. Wagner arrived.';

  it('marks every occurrence, across line breaks, and keeps the rest as plain text', () => {
    const { paragraphs, unmatched } = markEvidence(body, [
      { label: 'Troop withdrawal', evidence: 'France withdrew its troops.' },
      { label: 'Deployment', evidence: 'Wagner arrived.' },
      { label: 'Coup', evidence: 'The junta celebrated.' },
    ]);
    expect(unmatched).toEqual([]);
    expect(paragraphs).toEqual([
      [
        { text: 'France withdrew its troops.', labels: ['Troop withdrawal'] },
        { text: ' ', labels: [] },
        { text: 'Wagner arrived.', labels: ['Deployment'] },
      ],
      [
        { text: 'The junta celebrated.', labels: ['Coup'] },
        { text: ' ', labels: [] },
        { text: 'Wagner arrived.', labels: ['Deployment'] },
      ],
    ]);
  });

  it('gives overlapping evidence both labels and reports evidence not in the body', () => {
    const { paragraphs, unmatched } = markEvidence('Paris ended the accord and left.', [
      { label: 'A', evidence: 'Paris ended the accord' },
      { label: 'B', evidence: 'the accord and left.' },
      { label: 'C', evidence: 'Not in the text.' },
    ]);
    expect(paragraphs[0]).toEqual([
      { text: 'Paris ended ', labels: ['A'] },
      { text: 'the accord', labels: ['A', 'B'] },
      { text: ' and left.', labels: ['B'] },
    ]);
    expect(unmatched).toEqual([{ label: 'C', evidence: 'Not in the text.' }]);
  });
});
