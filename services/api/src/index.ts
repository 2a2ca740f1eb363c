// @famwatch/api: the GraphQL API over what the worker stores.
export { type ApiConfig, apiEnvSchema, loadApiConfig } from './config.js';
export { createLogger } from './logger.js';
export { type ApiServer, startApiServer } from './server.js';
