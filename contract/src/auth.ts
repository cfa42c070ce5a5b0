import { z } from 'zod';
import { grantView } from './access.ts';
import { limits, locale } from './common.ts';

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(limits.usernameMax),
  password: z.string().min(1).max(limits.passwordMax),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  locale,
  mustChangePassword: z.boolean(),
});

export const sessionView = z.object({
  user: sessionUser,
  grants: z.array(grantView),
  activeGrantId: z.uuid().nullable(),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;

export const newPassword = z.string().min(limits.passwordMin).max(limits.passwordMax);

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(limits.passwordMax),
  newPassword,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const setScopeRequest = z.object({ grantId: z.uuid().nullable() });
export const setLocaleRequest = z.object({ locale });
