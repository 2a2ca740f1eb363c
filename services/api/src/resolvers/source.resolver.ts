import type { SourceResolvers } from '../generated/resolvers.js';

export const Source: SourceResolvers = {
  homepage: (source) => source.homepage ?? null,
};
