// `npm start`: API + worker + scheduler on defaults. Exits non-zero with one clear line when
// the configuration is wrong or Redis is not reachable.
import { CodedError } from '@famwatch/shared';
import { startMainJob } from './main-job.js';

try {
  const job = await startMainJob(process.env);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`famwatch: ${signal} received, finishing active jobs and stopping…`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await job.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  console.error(`famwatch: GraphQL API at ${job.api.url}/graphql (database: ${job.db.kind})`);
} catch (error) {
  if (error instanceof CodedError) {
    console.error(`famwatch: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
