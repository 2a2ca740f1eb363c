import type { ErrorCode } from './codes.js';

/**
 * Base of every error class that reports a stable code. `name` is set explicitly because
 * errors cross process boundaries (BullMQ matches on `err.name`, not only `instanceof`).
 */
export class CodedError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodedError';
    this.code = code;
  }
}

/** A configuration value is missing or invalid; the message names the variable. */
export class ConfigError extends CodedError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
    this.name = 'ConfigError';
  }
}

/** A job payload or other input failed validation. */
export class ValidationError extends CodedError {
  constructor(message: string, code: ErrorCode = 'INVALID_JOB') {
    super(code, message);
    this.name = 'ValidationError';
  }
}
