import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { Db } from '@famwatch/store';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { ApiConfig } from './config.js';
import type { ApiContext } from './context.js';
import { ApiErrorCode } from './errors.js';
import { createLoaders } from './loaders.js';
import type { Logger } from './logger.js';
import { buildSchema } from './schema.js';
import { DASHBOARD_DIR } from './static.js';

export interface ApiServerOptions {
  config: ApiConfig;
  db: Db;
  logger: Logger;
}

export interface ApiServer {
  /** http://host:port of the server; GraphQL is at `${url}/graphql`. */
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server: GraphQL at /graphql, liveness at /healthz, readiness at /readyz.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { config, db, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const production = config.NODE_ENV === 'production';

  const apollo = new ApolloServer<ApiContext>({
    schema: buildSchema(),
    introspection: config.GRAPHQL_INTROSPECTION ?? !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const code = formatted.extensions?.['code'];
      if (code === ApiErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
        logger.error(
          { err: error instanceof Error ? error.message : String(error), path: formatted.path },
          'resolver error',
        );
        if (production)
          return {
            message: 'Internal server error',
            extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR },
          };
        return {
          ...formatted,
          extensions: { ...formatted.extensions, code: ApiErrorCode.INTERNAL_SERVER_ERROR },
        };
      }
      return formatted;
    },
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready', database: db.kind });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: (error as Error).message });
    }
  });
  // The dashboard bundle (built by `npm run build`); served from this process so that the
  // page, its scripts and its API calls all come from one origin and nothing from a CDN.
  if (existsSync(DASHBOARD_DIR)) {
    app.use(express.static(DASHBOARD_DIR, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('famwatch API. The dashboard is not built: run `npm run build`. GraphQL is at /graphql.');
    });
  }
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async () => ({ db, loaders: createLoaders(db), logger, config }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
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
    },
  };
}
