/**
 * Query parameters that identify a campaign or a click, never the document. Dropped from
 * canonical URLs so that the same article reached from two feeds is stored once.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'cmpid',
  'xtor',
  'at_medium',
  'at_campaign',
  'at_xtor',
  'ocid',
  'ito',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'sr_share',
  'share',
  'spm',
  'feature',
  'src',
  'via',
  '_ga',
  '_gl',
  'amp',
  'outputtype',
  'rss',
  'cid',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'pk_', 'mtm_', 'hsa_', 'ga_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Whether a string is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/**
 * The canonical form of an article URL: lowercase scheme and host, no default port, no
 * fragment, no tracking parameters, remaining parameters sorted, no trailing "?".
 * The path is kept as is (servers may treat case and trailing slashes as significant).
 * Returns null when `raw` is not an absolute http(s) URL.
 */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

/**
 * Picks the canonical URL of a fetched page: the page's own rel=canonical/og:url when it
 * stays on the same registrable host (a canonical pointing at another site is ignored, a
 * common mistake of syndicated pages), else the fetched URL.
 */
export function chooseCanonicalUrl(fetchedUrl: string, declared: string | null | undefined): string {
  const fetched = canonicalizeUrl(fetchedUrl) ?? fetchedUrl;
  if (!declared) return fetched;
  const candidate = canonicalizeUrl(declared, isHttpUrl(fetchedUrl) ? fetchedUrl : undefined);
  if (!candidate) return fetched;
  // A page read from a file has no site of its own: its declared URL is the best we have.
  if (!isHttpUrl(fetchedUrl)) return candidate;
  if (siteKey(new URL(candidate).hostname) !== siteKey(new URL(fetched).hostname)) return fetched;
  // A canonical pointing at the home page is a template default, not the article.
  if (new URL(candidate).pathname === '/' && new URL(fetched).pathname !== '/') return fetched;
  return candidate;
}

/** "www.rfi.fr" and "amp.rfi.fr" → "rfi.fr" (good enough for same-site checks). */
export function siteKey(hostname: string): string {
  const parts = hostname.toLowerCase().split('.').filter(Boolean);
  if (parts.length <= 2) return parts.join('.');
  const secondLevel = parts[parts.length - 2]!;
  // co.uk, com.pk, gov.za and friends keep three labels.
  const keep = /^(co|com|gov|org|net|ac|edu)$/.test(secondLevel) ? 3 : 2;
  return parts.slice(-keep).join('.');
}
