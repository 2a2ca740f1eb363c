import { CodedError, type ErrorCode, isTransient } from '@famwatch/shared';
import { UnrecoverableError } from 'bullmq';
import { HttpStatusError } from '../errors.js';

/** Any thrown value as a CodedError; unknown errors are INTERNAL (bugs, retried). */
export function toCodedError(error: unknown): CodedError {
  if (error instanceof CodedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CodedError('INTERNAL', message, { cause: error });
}

/** Whether retrying can help: by code, and for HTTP by status (429 and 5xx can). */
export function isRetryable(error: CodedError): boolean {
  if (error instanceof HttpStatusError) return error.retryable;
  return isTransient(error.code);
}

/**
 * The error a processor throws to BullMQ. The code leads the message ("[HTTP_STATUS] …") so it
 * survives in failedReason across processes; permanent failures are UnrecoverableError so
 * BullMQ fails them at once instead of retrying.
 */
export function toJobError(error: unknown): Error {
  const coded = toCodedError(error);
  const message = `[${coded.code}] ${coded.message}`;
  if (!isRetryable(coded)) return new UnrecoverableError(message);
  const retry = new Error(message);
  retry.name = coded.name;
  return retry;
}

/** The code of a failedReason written by toJobError, or INTERNAL. */
export function codeOfReason(reason: string | undefined): ErrorCode {
  const m = /^\[([A-Z_]+)\]/.exec(reason ?? '');
  return (m?.[1] as ErrorCode | undefined) ?? 'INTERNAL';
}
