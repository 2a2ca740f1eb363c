import { gzipSync } from 'node:zlib';
import { isPublicAddress } from '@famwatch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, sendHtml, startFixtureServer } from '../../../../test/helpers/fixture-server.js';
import { type FetcherOptions, HttpFetcher } from '../../src/fetch/http-fetcher.js';

const base: FetcherOptions = {
  userAgent: 'famwatch-test/1.0 (+https://example.invalid)',
  allowPrivate: true,
  connectTimeoutMs: 2000,
  headersTimeoutMs: 2000,
  bodyTimeoutMs: 2000,
  totalTimeoutMs: 5000,
  maxBytes: 64 * 1024,
  maxRedirects: 3,
};

describe('HttpFetcher', () => {
  let site: FixtureServer;
  const fetcher = new HttpFetcher(base);
  const strict = new HttpFetcher({ ...base, allowPrivate: false });

  beforeAll(async () => {
    site = await startFixtureServer();
    site.route('/page', sendHtml('<html><body><p>bonjour</p></body></html>'));
    site.route('/gz', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync('<p>compressed</p>'));
    });
    site.route('/moved', (_req, res) => {
      res.writeHead(301, { location: '/page' }).end();
    });
    site.route('/ua', (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(String(req.headers['user-agent']));
    });
  });
  afterAll(async () => {
    await Promise.all([fetcher.close(), strict.close()]);
    await site.close();
  });

  it('fetches, follows redirects and names itself', async () => {
    const page = await fetcher.fetch({ url: `${site.url}/moved`, expect: 'html' });
    expect(page.status).toBe(200);
    expect(page.finalUrl).toBe(`${site.url}/page`);
    expect(page.redirects).toEqual([`${site.url}/page`]);
    expect(page.bytes.toString()).toContain('bonjour');
    const ua = await fetcher.fetch({ url: `${site.url}/ua`, expect: 'html' });
    expect(ua.bytes.toString()).toBe(base.userAgent);
  });

  it('decompresses gzip bodies', async () => {
    const page = await fetcher.fetch({ url: `${site.url}/gz`, expect: 'html' });
    expect(page.bytes.toString()).toBe('<p>compressed</p>');
  });

  it('refuses loopback addresses unless private fetching is allowed', async () => {
    await expect(strict.fetch({ url: `${site.url}/page`, expect: 'html' })).rejects.toMatchObject({
      code: 'SSRF_BLOCKED',
    });
    const port = new URL(site.url).port;
    await expect(strict.fetch({ url: `http://localhost:${port}/page`, expect: 'html' })).rejects.toMatchObject({
      code: 'SSRF_BLOCKED',
    });
  });

  it('rejects non-http URLs with INVALID_URL', async () => {
    await expect(fetcher.fetch({ url: 'file:///etc/passwd', expect: 'html' })).rejects.toMatchObject({
      code: 'INVALID_URL',
    });
  });

  it('reports HTTP errors with their status', async () => {
    await expect(fetcher.fetch({ url: `${site.url}/nope`, expect: 'html' })).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      statusCode: 404,
    });
  });
});

describe('isPublicAddress', () => {
  it('accepts public unicast and refuses private, loopback, link-local and mapped addresses', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2a00:1450:4007:80e::200e')).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fc00::1',
      '::ffff:127.0.0.1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
