import { CodedError } from '@famwatch/shared';

// One class per failure kind, each with its stable code (listed in @famwatch/shared). Whether
// a retry can help is decided by the code (ERROR_CODES[code].transient), not by the class.

/** The server did not answer within a connect, header, body or total timeout. */
export class FetchTimeoutError extends CodedError {
  constructor(url: string, phase: 'connect' | 'headers' | 'body' | 'total', ms: number) {
    super('FETCH_TIMEOUT', `${phase} timeout after ${ms} ms fetching ${url}`);
    this.name = 'FetchTimeoutError';
  }
}

/** DNS failure, refused or reset connection, TLS error. */
export class FetchNetworkError extends CodedError {
  constructor(url: string, cause: unknown) {
    const detail =
      cause instanceof Error ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}` : String(cause);
    super('FETCH_NETWORK', `could not reach ${url} (${detail})`, { cause });
    this.name = 'FetchNetworkError';
  }
}

/** A non-2xx answer. 429 and 5xx are worth retrying; the rest are not. */
export class HttpStatusError extends CodedError {
  readonly statusCode: number;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterSeconds: number | null;
  constructor(url: string, statusCode: number, retryAfterSeconds: number | null = null) {
    super('HTTP_STATUS', `HTTP ${statusCode} from ${url}`);
    this.name = 'HttpStatusError';
    this.statusCode = statusCode;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  /** 408, 425, 429 and 5xx can succeed later; 4xx otherwise cannot. */
  get retryable(): boolean {
    return this.statusCode === 408 || this.statusCode === 425 || this.statusCode === 429 || this.statusCode >= 500;
  }
}

export class TooManyRedirectsError extends CodedError {
  constructor(url: string, max: number) {
    super('TOO_MANY_REDIRECTS', `more than ${max} redirects (or a loop) from ${url}`);
    this.name = 'TooManyRedirectsError';
  }
}

/** The body, after decompression, exceeds the size limit. */
export class TooLargeError extends CodedError {
  constructor(url: string, limit: number) {
    super('TOO_LARGE', `body of ${url} exceeds ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

/** The response is not HTML (or, for discovery, not a feed). */
export class NotHtmlError extends CodedError {
  constructor(url: string, detail: string) {
    super('NOT_HTML', `${url} is not a readable document: ${detail}`);
    this.name = 'NotHtmlError';
  }
}

/** The host resolves to a loopback, private, link-local or otherwise non-public address. */
export class SsrfBlockedError extends CodedError {
  constructor(url: string, address: string) {
    super(
      'SSRF_BLOCKED',
      `refusing ${url}: ${address} is not a public address (set FETCH_ALLOW_PRIVATE=true to allow)`,
    );
    this.name = 'SsrfBlockedError';
  }
}

export class InvalidUrlError extends CodedError {
  constructor(url: string) {
    super('INVALID_URL', `not an absolute http(s) URL: ${JSON.stringify(url.slice(0, 200))}`);
    this.name = 'InvalidUrlError';
  }
}

export class RobotsDisallowedError extends CodedError {
  constructor(url: string) {
    super('ROBOTS_DISALLOWED', `robots.txt disallows ${url} for our user agent`);
    this.name = 'RobotsDisallowedError';
  }
}

/** The page parsed, but no article text was found in it. */
export class ParseEmptyError extends CodedError {
  constructor(url: string) {
    super('PARSE_EMPTY', `no article text found on ${url}`);
    this.name = 'ParseEmptyError';
  }
}

/** A feed, sitemap or listing page could not be parsed. */
export class FeedParseError extends CodedError {
  constructor(url: string, detail: string) {
    super('FEED_PARSE', `could not parse feed ${url}: ${detail}`);
    this.name = 'FeedParseError';
  }
}

/** The database write failed; the job is retried. */
export class StoreError extends CodedError {
  constructor(detail: string, cause: unknown) {
    super('STORE_FAILED', `storing failed: ${detail}`, { cause });
    this.name = 'StoreError';
  }
}
