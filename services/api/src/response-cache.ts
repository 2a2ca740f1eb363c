import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { type DocumentNode, Kind, type OperationDefinitionNode, visit } from 'graphql';
import type { AggregateCache } from './aggregate-cache.js';
import type { ApiContext } from './context.js';

/** Root fields whose answers change only when stored articles change. */
const CACHEABLE_ROOTS = new Set([
  'articles',
  'article',
  'articleByUrl',
  'timeline',
  'facets',
  'eventTypes',
  '__typename',
]);
/** Fields that change without an article changing (crawl health): a query naming one is never cached. */
const VOLATILE_FIELDS = new Set(['health', 'articleCount']);
/** Larger responses are not kept (memory is bounded by entries × this). */
const MAX_CACHED_BYTES = 256 * 1024;

function cacheable(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !CACHEABLE_ROOTS.has(selection.name.value)) return false;
  }
  let volatile = false;
  visit(document, {
    Field(node) {
      if (VOLATILE_FIELDS.has(node.name.value)) volatile = true;
    },
  });
  return !volatile;
}

/**
 * Whole responses of read-only article and dashboard queries, kept in the aggregate cache
 * (emptied on every change notice), so that a dashboard asking the same question again is
 * answered without executing it.
 */
export function responseCachePlugin(cache: AggregateCache): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      let generation = 0;
      let fromCache = false;
      return {
        async responseForOperation(context: GraphQLRequestContext<ApiContext>) {
          if (!context.operation || !cacheable(context.document!, context.operation)) return null;
          key = JSON.stringify([
            'response',
            context.request.query,
            context.request.variables ?? {},
            context.request.operationName ?? null,
          ]);
          generation = cache.generation;
          const hit = cache.peek<Record<string, unknown>>(key);
          if (!hit) return null;
          fromCache = true;
          return { http: context.response.http, body: { kind: 'single', singleResult: { data: hit } } };
        },
        async willSendResponse({ response }) {
          if (!key || fromCache || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors?.length || !data) return;
          if (JSON.stringify(data).length > MAX_CACHED_BYTES) return;
          cache.put(key, data, generation);
        },
      };
    },
  };
}
