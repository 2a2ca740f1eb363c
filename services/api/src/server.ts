import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { articleAddedChannel, articlesChangedChannel, CodedError } from '@famwatch/shared';
import { countFailuresByCode, createQueues, createRedis, type Db, type Queues } from '@famwatch/store';
import express from 'express';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';
import { AggregateCache } from './aggregate-cache.js';
import { type Caller, callerFrom } from './auth.js';
import type { ApiConfig } from './config.js';
import type { ApiContext } from './context.js';
import { ApiErrorCode } from './errors.js';
import { checkQueryLimits } from './limits.js';
import { LiveArticles } from './live.js';
import { createLoaders } from './loaders.js';
import type { Logger } from './logger.js';
import { failuresByCode, graphqlErrors, graphqlLatency, liveSubscriptions, queueDepth, registry } from './metrics.js';
import { responseCachePlugin } from './response-cache.js';
import { buildSchema } from './schema.js';
import { DASHBOARD_DIR } from './static.js';

export interface ApiServerOptions {
  config: ApiConfig;
  db: Db;
  logger: Logger;
}

export interface ApiServer {
  /** http://host:port of the server; GraphQL is at `${url}/graphql` (HTTP and WebSocket). */
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

/** Times each operation and logs it; counts errors by code. */
function observability(logger: Logger): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        // Depth and cost are checked once the operation is known, before anything runs.
        async didResolveOperation({ document, operationName, operation }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError(
              'Subscriptions are served over graphql-ws (WebSocket) at /graphql, not over HTTP POST',
              {
                extensions: { code: ApiErrorCode.BAD_REQUEST, http: { status: 400 } },
              },
            );
          }
          const error = checkQueryLimits(document, operationName);
          if (error) throw error;
        },
        async willSendResponse({ operationName, errors }) {
          const seconds = (performance.now() - started) / 1000;
          const outcome = errors?.length ? 'error' : 'ok';
          graphqlLatency.observe({ operation: operationName ?? 'anonymous', outcome }, seconds);
          for (const error of errors ?? [])
            graphqlErrors.inc({ code: String(error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR') });
          logger.debug({ operation: operationName, ms: Math.round(seconds * 1000), outcome }, 'graphql request');
        },
      };
    },
  };
}

/**
 * Starts the HTTP server: GraphQL over HTTP and graphql-ws at /graphql, the dashboard at /,
 * liveness at /healthz, readiness at /readyz, Prometheus metrics at /metrics.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { config, db, logger } = options;
  const production = config.NODE_ENV === 'production';
  const redis: Redis = createRedis(config.REDIS_URL);
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  const queues: Queues = createQueues(redis, {
    prefix: config.QUEUE_PREFIX,
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
    onError: (error) => logger.warn({ err: error.message }, 'queue connection error'),
  });
  const subscriber = createRedis(config.REDIS_URL);
  subscriber.on('error', (error) => logger.warn({ err: error.message }, 'redis subscriber error'));
  const cache = new AggregateCache(config.API_CACHE_TTL_MS);
  const live = new LiveArticles(
    subscriber,
    articleAddedChannel(config.QUEUE_PREFIX),
    articlesChangedChannel(config.QUEUE_PREFIX),
    () => cache.invalidate(),
    logger,
  );
  await live.start();

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const schema = buildSchema();
  const contextFor = (caller: Caller): ApiContext => ({
    db,
    loaders: createLoaders(db),
    logger,
    config,
    queues,
    redis,
    live,
    caller,
    cache,
  });

  // Subscriptions over graphql-ws on the same port and path as HTTP GraphQL.
  // noServer: upgrades are routed by hand, so that the WebSocket server does not also
  // re-emit the HTTP server's errors (a busy port is reported once, below).
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: 100 * 1024 });
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (client) => wsServer.emit('connection', client, request));
  });
  const wsCleanup = useServer(
    {
      schema,
      context: () => contextFor({ admin: false, reason: 'MISSING' }),
      // The same depth and cost limits as over HTTP.
      onSubscribe: (_ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(schema, document, specifiedRules);
        if (errors.length > 0) return errors;
        const limit = checkQueryLimits(document, payload.operationName);
        return limit ? [limit] : undefined;
      },
      onConnect: () => {
        liveSubscriptions.inc();
      },
      onClose: () => {
        liveSubscriptions.dec();
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: config.GRAPHQL_INTROSPECTION ?? !production,
    csrfPrevention: true,
    // The process owns shutdown (worker jobs must finish first); Apollo's own SIGTERM handler
    // would stop the server underneath it and leave the process waiting.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      observability(logger),
      responseCachePlugin(cache),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const code = formatted.extensions?.['code'];
      if (code === ApiErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
        logger.error(
          { err: error instanceof Error ? error.message : String(error), path: formatted.path },
          'resolver error',
        );
        // Outside development, internal details stay in the logs.
        if (production)
          return { message: 'Internal server error', extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR } };
        return { ...formatted, extensions: { ...formatted.extensions, code: ApiErrorCode.INTERNAL_SERVER_ERROR } };
      }
      return formatted;
    },
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([db.query('SELECT 1'), redis.ping()]);
    const [database, queue] = checks.map((c) =>
      c.status === 'fulfilled' ? 'ok' : String((c as PromiseRejectedResult).reason),
    );
    const ready = database === 'ok' && queue === 'ok';
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', database, redis: queue, engine: db.kind });
  });
  app.get('/metrics', async (_req, res) => {
    try {
      for (const queue of [queues.discover, queues.article]) {
        const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed');
        for (const [state, n] of Object.entries(counts)) queueDepth.set({ queue: queue.name, state }, n);
      }
      failuresByCode.reset();
      for (const row of await countFailuresByCode(db)) failuresByCode.set({ code: row.code }, row.count);
    } catch (error) {
      logger.warn({ err: String(error) }, 'metrics: could not read queue or failure counts');
    }
    res.type(registry.contentType).send(await registry.metrics());
  });

  // The dashboard bundle (built by `npm run build`); served from this process so that the
  // page, its scripts and its API calls all come from one origin and nothing from a CDN.
  if (existsSync(DASHBOARD_DIR)) {
    app.use(
      express.static(DASHBOARD_DIR, {
        index: 'index.html',
        maxAge: '1h',
        // Assets have hashed names and can be kept; the page must be revalidated so that a
        // rebuilt dashboard is seen at once.
        setHeaders: (res, path) => {
          if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
        },
      }),
    );
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('famwatch API. The dashboard is not built: run `npm run build`. GraphQL is at /graphql.');
    });
  }
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(callerFrom(req.headers.authorization, config.API_KEY)),
    }),
  );

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    await live.close();
    await queues.close().catch(() => undefined);
    redis.disconnect();
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new CodedError(
      'CONFIG_INVALID',
      `cannot listen on ${config.HOST}:${config.PORT} (${why}); set PORT (or HOST) to a free one`,
    );
  }
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${host}:${port}`;
  logger.info({ url: `${url}/graphql` }, 'API listening');
  return {
    url,
    port,
    httpServer,
    async close() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await live.close();
      await queues.close();
      redis.disconnect();
    },
  };
}
