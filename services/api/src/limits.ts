import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ApiErrorCode } from './errors.js';

/** Deepest field nesting a query may have (introspection excluded). @defaultValue 10 */
export const MAX_DEPTH = 10;
/** Highest estimated cost of one operation. @defaultValue 20000 */
export const MAX_COST = 20_000;

/** Page sizes assumed for list fields without a size argument (their usual size). */
const LIST_SIZES: Record<string, number> = {
  sources: 50,
  articles: 20,
  buckets: 60,
  byEventType: 14,
  failures: 20,
  queues: 2,
  eventTypes: 14,
};
/** A size argument given as a variable is counted at its maximum. */
const MAX_PAGE = 100;

function argumentSize(field: FieldNode): number | null {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value === 'first' || arg.name.value === 'limit') return sizeOf(arg.value);
  }
  return null;
}

function sizeOf(value: ValueNode): number {
  if (value.kind === Kind.INT) return Math.min(Math.max(Number(value.value), 0), MAX_PAGE);
  return MAX_PAGE;
}

interface Measure {
  depth: number;
  cost: number;
}

/**
 * Depth and cost of a selection set, following fragments (each at most once per path, so a
 * cyclic fragment — rejected by validation anyway — cannot loop here).
 */
function measure(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: ReadonlySet<string>,
  bounded = false,
): Measure {
  if (!selectionSet) return { depth: 0, cost: 0 };
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue; // introspection and __typename are free
      const given = argumentSize(selection);
      // Under a field sized by `first`/`limit`, nested lists are what that size counts
      // (facets(limit: 10) { countries … }): they are not multiplied again.
      const size = given ?? (selection.selectionSet && !bounded ? (LIST_SIZES[name] ?? 1) : 1);
      const inner = measure(selection.selectionSet, fragments, seen, given !== null);
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + size * inner.cost;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, fragments, seen, bounded);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    } else {
      const name = selection.name.value;
      const definition = fragments.get(name);
      if (!definition || seen.has(name)) continue;
      const inner = measure(definition.selectionSet, fragments, new Set([...seen, name]), bounded);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

/**
 * The error for an operation nested deeper than `maxDepth` or costlier than `maxCost`, or
 * null when it is within both. Run after validation, before execution.
 */
export function checkQueryLimits(
  document: DocumentNode,
  operationName: string | null | undefined,
  maxDepth = MAX_DEPTH,
  maxCost = MAX_COST,
): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    const { depth, cost } = measure(definition.selectionSet, fragments, new Set());
    if (depth > maxDepth) {
      return new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
        extensions: { code: ApiErrorCode.QUERY_TOO_DEEP, depth, limit: maxDepth, http: { status: 400 } },
      });
    }
    if (cost > maxCost) {
      return new GraphQLError(
        `Query costs about ${cost}; the limit is ${maxCost}. Ask for smaller pages or fewer nested lists`,
        { extensions: { code: ApiErrorCode.QUERY_TOO_COSTLY, cost, limit: maxCost, http: { status: 400 } } },
      );
    }
  }
  return null;
}
