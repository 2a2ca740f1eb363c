import type { ArticleJob, ArticleJobResult } from '@famwatch/shared';
import { articleJobSchema, canonicalizeUrl, ValidationError } from '@famwatch/shared';
import type { Job } from 'bullmq';
import type { SourceSuccessBuffer } from '../health-buffer.js';
import { type IngestDeps, ingestArticle } from '../pipeline/ingest-article.js';
import { toJobError } from './job-errors.js';
import { type RunJobDeps, runJob } from './run-job.js';

export type ArticleProcessorDeps = RunJobDeps & IngestDeps & { health: SourceSuccessBuffer };

/** The BullMQ processor of article jobs: validates, ingests, records health and failures. */
export function articleProcessor(deps: ArticleProcessorDeps) {
  return async (
    job: Job<ArticleJob, ArticleJobResult>,
    token?: string,
    signal?: AbortSignal,
  ): Promise<ArticleJobResult> => {
    const parsed = articleJobSchema.safeParse(job.data);
    if (!parsed.success) throw toJobError(new ValidationError(`article job ${job.id}: ${parsed.error.message}`));
    const data = parsed.data;
    const url = canonicalizeUrl(data.url) ?? data.url;
    return runJob(deps, job, token, { kind: 'article', url, sourceId: data.sourceId }, async () => {
      const result = await ingestArticle(deps, data, signal);
      if (data.sourceId) deps.health.add(data.sourceId);
      deps.logger.info(
        { url: data.url, id: result.articleId, created: result.created, ...result.timings },
        'article stored',
      );
      return result;
    });
  };
}
