import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { decodeBody, sniffDeclaredCharset } from '../../src/fetch/decode.js';
import { fixture, fixtureBytes, NOW } from './fixtures.js';

const EXPECTED = fixture('encoding-paragraphs-utf8.txt').trim();
const URL = 'https://journal-sahel.example/mali/gao';

describe('decoding page bytes', () => {
  it.each<[string, string | null, string]>([
    ['encoding-windows-1252.html', null, '<meta charset="windows-1252">'],
    ['encoding-iso-8859-1.html', null, 'ISO-8859-1 in http-equiv, decoded as windows-1252 like browsers do'],
    ['encoding-undeclared.html', null, 'no declaration, not valid UTF-8'],
    ['encoding-undeclared.html', 'utf-8', 'a wrong UTF-8 header'],
    ['encoding-windows-1252.html', 'iso-8859-1', 'the HTTP header'],
    ['encoding-utf8-bom.html', null, 'a UTF-8 byte-order mark that beats <meta charset="windows-1252">'],
  ])('%s (header %s): %s', (file, header) => {
    const html = decodeBody(fixtureBytes(file), header);
    const article = extractArticle(html, URL, { now: NOW });
    expect(article.body).toBe(EXPECTED);
    expect(article.title).toBe('Mali : les derniers soldats français quittent Gao');
    expect(article.body).not.toMatch(/[\uFFFDÃâ]/);
  });

  it('lets the HTTP header win over <meta charset>', () => {
    const bytes = new TextEncoder().encode('<meta charset="windows-1252"><p>café – « ok »</p>');
    expect(decodeBody(bytes, 'utf-8')).toContain('café – « ok »');
  });

  it('reads the declared charset from <meta> and the XML declaration', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffDeclaredCharset(enc('<html><head><meta charset="ISO-8859-1">'))).toBe('ISO-8859-1');
    expect(
      sniffDeclaredCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')),
    ).toBe('windows-1252');
    expect(sniffDeclaredCharset(enc('<?xml version="1.0" encoding="iso-8859-15"?><html>'))).toBe('iso-8859-15');
    expect(sniffDeclaredCharset(enc('<html><head><title>x</title>'))).toBeNull();
  });
});
