/** The address of each menu entry. */
export const paths = {
  home: '/',
  units: '/units',
  members: '/members',
  membersDue: '/members/due',
  membersStats: '/members/stats',
  emulation: '/emulation',
  elections: '/elections',
  reports: '/reports',
  conferences: '/conferences',
  documents: '/documents',
  tasks: '/tasks',
  users: '/admin/users',
  audit: '/admin/audit',
} as const;

/** The menu entry of an address: the longest path it starts with ('/members/due' before '/members'). */
export function menuKeyOf(pathname: string): string {
  if (pathname === '/') return paths.home;
  const matches = Object.values(paths).filter((p) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '';
}
