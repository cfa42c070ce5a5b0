import { describe, expect, it } from 'vitest';
import { menuKeyOf, paths } from './menu-paths.ts';

describe('menuKeyOf', () => {
  it('selects the longest menu path the address starts with', () => {
    expect(menuKeyOf('/')).toBe(paths.home);
    expect(menuKeyOf('/members')).toBe(paths.members);
    expect(menuKeyOf('/members/due')).toBe(paths.membersDue);
    expect(menuKeyOf('/members/stats')).toBe(paths.membersStats);
    expect(menuKeyOf('/members/0196a3b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b')).toBe(paths.members);
    expect(menuKeyOf('/units/abc')).toBe(paths.units);
    expect(menuKeyOf('/admin/users')).toBe(paths.users);
  });

  it('selects nothing for an address outside the menu or one that only shares a prefix', () => {
    expect(menuKeyOf('/change-password')).toBe('');
    expect(menuKeyOf('/membership')).toBe('');
  });
});
