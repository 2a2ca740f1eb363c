import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { canonicalizeUrl, ipLiteralOf, isHttpUrl, isPublicAddress } from '@famwatch/shared';
import { fetchLatency } from '@famwatch/store';
import { Agent, errors as undiciErrors } from 'undici';
import {
  FetchNetworkError,
  FetchTimeoutError,
  HttpStatusError,
  InvalidUrlError,
  NotHtmlError,
  SsrfBlockedError,
  TooLargeError,
  TooManyRedirectsError,
} from '../errors.js';
import { charsetOf } from './decode.js';
import { parseRetryAfter } from './retry-after.js';
import { sniffBinary } from './sniff.js';

export interface FetcherOptions {
  /** Sent with every request; names the project and a contact URL. */
  userAgent: string;
  /** Allow loopback and private addresses (tests, intranets). @defaultValue false */
  allowPrivate: boolean;
  /** Host names allowed to resolve to private addresses even when allowPrivate is off. @defaultValue [] */
  privateAllowlist?: readonly string[];
  /** @defaultValue 10000 */
  connectTimeoutMs: number;
  /** Time to the response headers. @defaultValue 15000 */
  headersTimeoutMs: number;
  /** Longest silence between two body chunks. @defaultValue 15000 */
  bodyTimeoutMs: number;
  /** Whole request, redirects included. @defaultValue 30000 */
  totalTimeoutMs: number;
  /** Maximum body size after decompression. @defaultValue 5 MB */
  maxBytes: number;
  /** @defaultValue 5 */
  maxRedirects: number;
}

/** What a caller is ready to read; decides the accepted content types. */
export type Expect = 'html' | 'feed' | 'text';

export interface FetchRequest {
  url: string;
  expect: Expect;
  /** Validators from an earlier fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export interface FetchedResource {
  /** The URL asked for. */
  url: string;
  /** Where the content came from, after redirects. */
  finalUrl: string;
  status: number;
  /** true on 304 Not Modified: `bytes` is empty. */
  notModified: boolean;
  contentType: string | null;
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  bytes: Buffer;
  redirects: string[];
  elapsedMs: number;
}

const ACCEPT: Record<Expect, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5,*/*;q=0.1',
  text: 'text/plain,*/*;q=0.1',
};

const CONTENT_TYPES: Record<Expect, RegExp> = {
  html: /^(text\/html|application\/xhtml\+xml|text\/plain)$/,
  feed: /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(xml|json)|text\/(xml|html|plain)|application\/xhtml\+xml)$/,
  text: /^(text\/[\w.+-]+|application\/octet-stream)$/,
};

/**
 * The only code that talks HTTP. Follows redirects by hand so that every hop is checked
 * (scheme, address policy, loop), decompresses itself so the size limit applies to the
 * decompressed bytes (a gzip bomb stops at the limit), and turns every failure into one of
 * the coded errors of ../errors.ts.
 */
export class HttpFetcher {
  readonly #options: FetcherOptions;
  readonly #agent: Agent;

  constructor(options: FetcherOptions) {
    this.#options = options;
    this.#agent = new Agent({
      connectTimeout: options.connectTimeoutMs,
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      connections: 16,
      keepAliveTimeout: 10_000,
      // Passed through to net.connect/tls.connect: every address a name resolves to is
      // checked at connect time, so DNS rebinding between a check and the connect is moot.
      connect: options.allowPrivate ? {} : { lookup: guardedLookup(new Set(options.privateAllowlist ?? [])) },
    });
  }

  async fetch(request: FetchRequest): Promise<FetchedResource> {
    const started = performance.now();
    try {
      const fetched = await this.#fetch(request, started);
      fetchLatency.observe(
        { expect: request.expect, outcome: fetched.notModified ? 'not_modified' : 'ok' },
        (performance.now() - started) / 1000,
      );
      return fetched;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      fetchLatency.observe(
        { expect: request.expect, outcome: typeof code === 'string' ? code : 'error' },
        (performance.now() - started) / 1000,
      );
      throw error;
    }
  }

  async #fetch(request: FetchRequest, started: number): Promise<FetchedResource> {
    const { url, expect } = request;
    if (!isHttpUrl(url)) throw new InvalidUrlError(url);
    const deadline = AbortSignal.timeout(this.#options.totalTimeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;

    const redirects: string[] = [];
    const seen = new Set<string>();
    let current = url;
    for (;;) {
      this.#checkTarget(current);
      seen.add(canonicalizeUrl(current) ?? current);
      const headers: Record<string, string> = {
        'user-agent': this.#options.userAgent,
        accept: ACCEPT[expect],
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'fr,en;q=0.9,*;q=0.5',
      };
      if (redirects.length === 0 && request.etag) headers['if-none-match'] = request.etag;
      if (redirects.length === 0 && request.lastModified) headers['if-modified-since'] = request.lastModified;

      let response: Awaited<ReturnType<Agent['request']>>;
      try {
        const target = new URL(current);
        response = await this.#agent.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: 'GET',
          headers,
          signal,
        });
      } catch (error) {
        throw this.#mapError(current, error, deadline);
      }

      const status = response.statusCode;
      const header = (name: string): string | null => {
        const value = response.headers[name];
        return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
      };

      if (status >= 300 && status < 400 && status !== 304) {
        await response.body.dump().catch(() => undefined);
        const location = header('location');
        if (!location) throw new HttpStatusError(current, status);
        const next = canonicalizeUrl(location, current) === null ? null : new URL(location, current).toString();
        if (next === null) throw new InvalidUrlError(location);
        redirects.push(next);
        if (redirects.length > this.#options.maxRedirects || seen.has(canonicalizeUrl(next) ?? next)) {
          throw new TooManyRedirectsError(url, this.#options.maxRedirects);
        }
        current = next;
        continue;
      }

      const base = {
        url,
        finalUrl: current,
        status,
        contentType: header('content-type'),
        charset: charsetOf(header('content-type')),
        etag: header('etag'),
        lastModified: header('last-modified'),
        redirects,
      };
      if (status === 304) {
        await response.body.dump().catch(() => undefined);
        return { ...base, notModified: true, bytes: Buffer.alloc(0), elapsedMs: performance.now() - started };
      }
      if (status < 200 || status >= 300) {
        await response.body.dump().catch(() => undefined);
        throw new HttpStatusError(current, status, parseRetryAfter(header('retry-after'), Date.now()));
      }

      const mime = (base.contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (mime !== '' && !CONTENT_TYPES[expect].test(mime)) {
        response.body.destroy();
        throw new NotHtmlError(current, `content type ${mime}`);
      }
      const declaredLength = Number(header('content-length') ?? Number.NaN);
      if (!header('content-encoding') && declaredLength > this.#options.maxBytes) {
        response.body.destroy();
        throw new TooLargeError(current, this.#options.maxBytes);
      }

      let bytes: Buffer;
      try {
        bytes = await readLimited(
          response.body as unknown as Readable,
          header('content-encoding'),
          this.#options.maxBytes,
          current,
        );
      } catch (error) {
        throw this.#mapError(current, error, deadline);
      }
      const binary = sniffBinary(bytes);
      if (binary) throw new NotHtmlError(current, `the bytes are ${binary}, whatever the content type says`);
      return { ...base, notModified: false, bytes, elapsedMs: performance.now() - started };
    }
  }

  /** Refuses non-http(s) schemes and, unless allowed, IP literals that are not public. */
  #checkTarget(url: string): void {
    if (!isHttpUrl(url)) throw new InvalidUrlError(url);
    if (this.#options.allowPrivate) return;
    if (this.#options.privateAllowlist?.includes(new URL(url).hostname)) return;
    const literal = ipLiteralOf(new URL(url).hostname);
    if (literal !== null && !isPublicAddress(literal)) throw new SsrfBlockedError(url, literal);
    if (new URL(url).hostname === 'localhost') throw new SsrfBlockedError(url, 'localhost');
  }

  #mapError(url: string, error: unknown, deadline: AbortSignal): Error {
    if (error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
      const code = (error as { code: string }).code;
      if (['TOO_LARGE', 'SSRF_BLOCKED', 'NOT_HTML', 'INVALID_URL'].includes(code)) return error;
    }
    if (error instanceof SsrfBlockedError || error instanceof TooLargeError) return error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof SsrfBlockedError) return cause;
    if (deadline.aborted) return new FetchTimeoutError(url, 'total', this.#options.totalTimeoutMs);
    if (error instanceof undiciErrors.ConnectTimeoutError)
      return new FetchTimeoutError(url, 'connect', this.#options.connectTimeoutMs);
    if (error instanceof undiciErrors.HeadersTimeoutError)
      return new FetchTimeoutError(url, 'headers', this.#options.headersTimeoutMs);
    if (error instanceof undiciErrors.BodyTimeoutError)
      return new FetchTimeoutError(url, 'body', this.#options.bodyTimeoutMs);
    if (error instanceof Error && error.name === 'AbortError')
      return new FetchTimeoutError(url, 'total', this.#options.totalTimeoutMs);
    return new FetchNetworkError(url, error);
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

/** dns.lookup that fails with SsrfBlockedError when any resolved address is not public. */
const guardedLookup =
  (allowlist: ReadonlySet<string>): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const blocked = allowlist.has(hostname) ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (blocked) return callback(new SsrfBlockedError(`http://${hostname}/`, blocked.address), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };

/** Reads a body, decompressing it, and stops as soon as the decompressed size passes `limit`. */
async function readLimited(body: Readable, encoding: string | null, limit: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let compressed = 0;
  // The wire bytes are capped too, so a huge compressed body is not read to the end.
  const wire = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      compressed += chunk.length;
      callback(compressed > limit ? new TooLargeError(url, limit) : null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) return callback(new TooLargeError(url, limit));
      chunks.push(chunk);
      callback();
    },
  });
  const decoder = decompressorFor(encoding);
  // pipeline() destroys every stream on the first error: the socket is released at once.
  if (decoder) await pipeline(body, wire, decoder, sink);
  else await pipeline(body, wire, sink);
  return Buffer.concat(chunks, size);
}

function decompressorFor(encoding: string | null): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}
