import type { ErrorCode } from '@tcxd/contract';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** An expected failure: the error handler turns its code into a status and a message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      readonly params?: Readonly<Record<string, string | number>>;
      readonly issues?: readonly FieldIssue[];
      readonly retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');
export const invalid = (issues: readonly FieldIssue[]): AppError => new AppError('validation', { issues });

/** HTTP status of each error code. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation':
    case 'password_weak':
    case 'password_wrong':
    case 'last_admin':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'csrf':
    case 'forbidden':
    case 'password_change_required':
    case 'account_disabled':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'edit_conflict':
    case 'username_taken':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'refused':
      return 422;
    case 'account_locked':
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
  }
}
