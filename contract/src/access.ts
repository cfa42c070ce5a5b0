import { z } from 'zod';

/** Roles a user holds over an organisation subtree (one grant = role + unit). */
export const roles = ['admin', 'staff', 'leader', 'clerk', 'viewer'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** What a role may do inside the subtree of its grant. */
export const permissions = [
  'read',
  'records.write',
  'structure.write',
  'approve',
  'users.manage',
  'audit.read',
  /** See sensitive personal data of members (citizen id, religion, health reasons). */
  'members.sensitive',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['read', 'records.write', 'structure.write', 'approve', 'users.manage', 'audit.read', 'members.sensitive'],
  staff: ['read', 'records.write', 'structure.write', 'members.sensitive'],
  leader: ['read', 'approve'],
  clerk: ['read', 'records.write', 'members.sensitive'],
  viewer: ['read'],
};

export const grantView = z.object({
  id: z.uuid(),
  role,
  unitId: z.uuid(),
  unitName: z.string(),
  unitCode: z.string(),
});
export type GrantView = z.infer<typeof grantView>;
