import { describe, expect, it } from 'vitest';
import { snippetParts } from '../src/ui/snippet.js';

describe('snippetParts', () => {
  it('splits marks and decodes the escaped text', () => {
    expect(snippetParts('…l&#39;armée &amp; <mark>Wagner</mark> au &lt;Mali&gt;')).toEqual([
      { text: "…l'armée & ", marked: false },
      { text: 'Wagner', marked: true },
      { text: ' au <Mali>', marked: false },
    ]);
  });

  it('returns markup as text, never as elements', () => {
    expect(snippetParts('&lt;img src=x onerror=alert(1)&gt;')).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
    ]);
  });
});
