import { z } from 'zod';
import { role } from './access.ts';
import { grantView } from './access.ts';
import { limits, locale, pageQuery } from './common.ts';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(limits.usernameMax)
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới');

export const grantInput = z.object({ role, unitId: z.uuid() });

export const createUserRequest = z.object({
  username,
  fullName: z.string().trim().min(1).max(limits.nameMax),
  email: z.email().nullable().default(null),
  locale: locale.default('vi'),
  grants: z.array(grantInput).min(1).max(50),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z.object({
  fullName: z.string().trim().min(1).max(limits.nameMax).optional(),
  email: z.email().nullable().optional(),
  locale: locale.optional(),
});

export const setGrantsRequest = z.object({ grants: z.array(grantInput).min(1).max(50) });

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  locale,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(grantView),
});
export type UserView = z.infer<typeof userView>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  includeDisabled: z.coerce.boolean().default(true),
});

/** Returned once when an account is created or its password reset. */
export const userWithPassword = z.object({ user: userView, temporaryPassword: z.string() });
