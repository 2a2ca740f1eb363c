/** A GraphQL response that carried errors, or an HTTP failure before GraphQL answered. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    /** The `errors` of the response, when the server sent a GraphQL answer. */
    readonly errors: ReadonlyArray<{ message: string }> = [],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string }>;
}

/** Where the API answers: the page's own origin, so no request ever leaves it. */
export const GRAPHQL_PATH = 'graphql';

/**
 * Posts one operation. JSON with `content-type: application/json` is what the API's CSRF
 * prevention lets through. Any error in the response rejects: the panels show nothing partial.
 */
export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  };
  if (signal) init.signal = signal;
  const response = await fetch(GRAPHQL_PATH, init);
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new GraphQLRequestError(`the API answered HTTP ${response.status} without JSON`);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors);
  if (!body.data) throw new GraphQLRequestError(`the API answered HTTP ${response.status} without data`);
  return body.data;
}
