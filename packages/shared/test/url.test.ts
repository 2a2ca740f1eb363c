import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, chooseCanonicalUrl, isHttpUrl, siteKey } from '../src/normalize/url.js';

describe('canonicalizeUrl', () => {
  it('drops tracking parameters, fragments and default ports, and sorts the rest', () => {
    expect(canonicalizeUrl('HTTPS://WWW.RFI.FR:443/fr/afrique/20210607-x?utm_source=rss&b=2&a=1&fbclid=zz#top')).toBe(
      'https://www.rfi.fr/fr/afrique/20210607-x?a=1&b=2',
    );
  });
  it('keeps the path as is and removes an empty query', () => {
    expect(canonicalizeUrl('https://example.com/A/b/?xtor=RSS-1')).toBe('https://example.com/A/b/');
  });
  it('resolves relative links against a base', () => {
    expect(canonicalizeUrl('../x?ref=home', 'https://example.com/a/b/c')).toBe('https://example.com/a/x');
  });
  it('refuses other schemes and garbage', () => {
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('ftp://example.com/file')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
    expect(canonicalizeUrl('   ')).toBeNull();
    expect(isHttpUrl('file:///etc/passwd')).toBe(false);
  });
});

describe('chooseCanonicalUrl', () => {
  it('uses the declared canonical on the same site', () => {
    expect(chooseCanonicalUrl('https://amp.rfi.fr/x?utm_campaign=a', 'https://www.rfi.fr/x')).toBe(
      'https://www.rfi.fr/x',
    );
  });
  it('ignores a canonical on another site or pointing at the home page', () => {
    expect(chooseCanonicalUrl('https://www.urdupoint.com/en/world/a.html', 'https://www.afp.com/en/a')).toBe(
      'https://www.urdupoint.com/en/world/a.html',
    );
    expect(chooseCanonicalUrl('https://www.presstv.ir/Detail/1', '/')).toBe('https://www.presstv.ir/Detail/1');
  });
  it('takes the declared URL for a page read from a file', () => {
    expect(chooseCanonicalUrl('file:///tmp/a.html', 'https://www.presstv.ir/Detail/1')).toBe(
      'https://www.presstv.ir/Detail/1',
    );
  });
});

describe('siteKey', () => {
  it('keeps the registrable part, with three labels for second-level public suffixes', () => {
    expect(siteKey('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteKey('fr.allafrica.com')).toBe('allafrica.com');
    expect(siteKey('urdupoint.com')).toBe('urdupoint.com');
  });
});
