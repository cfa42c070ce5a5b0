import { z } from 'zod';

/** Every expected failure the API can answer with. */
export const errorCodes = [
  'validation',
  'unauthenticated',
  'csrf',
  'forbidden',
  'not_found',
  'conflict',
  /** Someone else saved the same record after it was opened (optimistic concurrency). */
  'edit_conflict',
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'rate_limited',
  'password_weak',
  'password_wrong',
  'password_change_required',
  'username_taken',
  'last_admin',
  'payload_too_large',
  'refused',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldIssue = z.object({ path: z.string(), message: z.string() });
export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    requestId: z.string(),
    issues: z.array(fieldIssue).optional(),
    retryAfterSeconds: z.number().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
