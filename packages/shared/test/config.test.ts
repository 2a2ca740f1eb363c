import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commonEnvShape, envBoolean, envInt, parseEnv } from '../src/config/env.js';
import { slugify, sourceConfigSchema } from '../src/domain/source.js';
import { ConfigError } from '../src/errors/coded-error.js';

const schema = z.object({ ...commonEnvShape, FLAG: envBoolean.default(false), N: envInt(1, 10).default(3) });

describe('parseEnv', () => {
  it('applies defaults and treats empty values as unset', () => {
    const config = parseEnv(schema, { N: '', FLAG: 'yes' });
    expect(config.N).toBe(3);
    expect(config.FLAG).toBe(true);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
  });
  it('names the first bad variable and its value', () => {
    expect(() => parseEnv(schema, { N: '11' })).toThrow(ConfigError);
    expect(() => parseEnv(schema, { N: '11' })).toThrow(/^N is invalid \("11"\)/);
    expect(() => parseEnv(schema, { REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL is invalid/);
    expect(() => parseEnv(schema, { FLAG: 'maybe' })).toThrow(/FLAG is invalid/);
  });
});

describe('sources', () => {
  it('slugifies names without accents', () => {
    expect(slugify('Le Monde — Afrique édition')).toBe('le-monde-afrique-edition');
  });
  it('validates a source entry and defaults feed kind and enabled', () => {
    const source = sourceConfigSchema.parse({
      name: 'RFI',
      homepage: 'https://www.rfi.fr/',
      language: 'fr',
      feeds: [{ url: 'https://www.rfi.fr/fr/afrique/rss' }],
    });
    expect(source.enabled).toBe(true);
    expect(source.feeds[0]!.kind).toBe('feed');
    expect(() => sourceConfigSchema.parse({ name: 'x', homepage: 'ftp://x', language: 'fr' })).toThrow();
    expect(() => sourceConfigSchema.parse({ name: 'x', homepage: 'https://x.org', language: 'French' })).toThrow();
  });
});
