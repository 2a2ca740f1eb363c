/**
 * Every failure the system reports carries one of these stable codes: in the failures table,
 * in BullMQ's failedReason, in CLI output and in GraphQL `extensions.code`. Codes never change
 * meaning; new kinds of failure get new codes.
 */
export const ERROR_CODES = {
  /** The request did not complete within the configured connect/header/body/total timeouts. */
  FETCH_TIMEOUT: { transient: true, summary: 'The server did not answer in time' },
  /** A network-level failure: DNS, refused or reset connection, TLS. */
  FETCH_NETWORK: { transient: true, summary: 'The server could not be reached' },
  /** The server answered with a status that is not 2xx (after redirects). */
  HTTP_STATUS: { transient: false, summary: 'The server answered with an error status' },
  /** Too many redirects, or a redirect loop. */
  TOO_MANY_REDIRECTS: { transient: false, summary: 'Too many redirects' },
  /** The (decompressed) body is larger than the configured maximum. */
  TOO_LARGE: { transient: false, summary: 'The page is larger than the size limit' },
  /** The content type is not one we can read (for example an image or a PDF). */
  NOT_HTML: { transient: false, summary: 'The response is not an HTML page or a feed' },
  /** The URL resolves to a loopback, private or otherwise non-public address. */
  SSRF_BLOCKED: { transient: false, summary: 'The address is not public' },
  /** robots.txt disallows the URL for our user agent. */
  ROBOTS_DISALLOWED: { transient: false, summary: 'robots.txt disallows this URL' },
  /** The URL is not an absolute http(s) URL. */
  INVALID_URL: { transient: false, summary: 'The URL is not a valid http(s) URL' },
  /** The page has no article text we could find. */
  PARSE_EMPTY: { transient: false, summary: 'No article text was found on the page' },
  /** The feed or sitemap could not be parsed. */
  FEED_PARSE: { transient: false, summary: 'The feed could not be parsed' },
  /** Writing to the database failed (it will be retried). */
  STORE_FAILED: { transient: true, summary: 'The database write failed' },
  /** A job payload did not pass validation. */
  INVALID_JOB: { transient: false, summary: 'The job payload is invalid' },
  /** A command-line input file does not exist. */
  NOT_FOUND: { transient: false, summary: 'The file does not exist' },
  /** A command-line input file could not be read. */
  READ_FAILED: { transient: false, summary: 'The file could not be read' },
  /** A line of a JSON Lines input is not JSON. */
  INVALID_JSON: { transient: false, summary: 'The input is not valid JSON' },
  /** A configuration value is missing or invalid. */
  CONFIG_INVALID: { transient: false, summary: 'The configuration is invalid' },
  /** An unexpected internal error (a bug): retried like a transient failure. */
  INTERNAL: { transient: true, summary: 'Unexpected internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** Whether a retry can help with a failure of this code. */
export function isTransient(code: ErrorCode): boolean {
  return ERROR_CODES[code].transient;
}
