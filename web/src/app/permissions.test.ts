import type { SessionView } from '@tcxd/contract';
import { describe, expect, it } from 'vitest';
import { can, effectiveGrants } from './permissions.ts';

const grant = (id: string, role: 'admin' | 'viewer') => ({ id, role, unitId: id, unitName: `Đơn vị ${id}`, unitCode: id });

function session(activeGrantId: string | null): SessionView {
  return {
    user: { id: 'u', username: 'canbo', fullName: 'Nguyễn Văn A', locale: 'vi', mustChangePassword: false },
    grants: [grant('a', 'admin'), grant('v', 'viewer')],
    activeGrantId,
    csrfToken: 'x',
    expiresAt: '2026-01-01T00:00:00Z',
  };
}

describe('permissions', () => {
  it('uses every grant when no scope is chosen', () => {
    expect(effectiveGrants(session(null))).toHaveLength(2);
    expect(can(session(null), 'users.manage')).toBe(true);
  });

  it('uses only the chosen grant, as the server does', () => {
    expect(can(session('v'), 'users.manage')).toBe(false);
    expect(can(session('v'), 'read')).toBe(true);
    expect(can(session('a'), 'audit.read')).toBe(true);
  });
});
