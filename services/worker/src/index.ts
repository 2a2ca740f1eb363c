// @famwatch/worker: discovery, fetching, extraction and storage jobs on BullMQ.
export { loadWorkerConfig, type WorkerConfig, workerEnvSchema } from './config.js';
export * from './errors.js';
export { extractArticle } from './extract/index.js';
export { createLogger, type Logger } from './logger.js';
export { ingestArticle } from './pipeline/ingest-article.js';
export { readSourcesFile } from './sources-file.js';
export { fetcherFromConfig, startWorker, type WorkerRuntime } from './worker-runtime.js';
