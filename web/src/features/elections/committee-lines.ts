/** The non-empty, trimmed lines of a text area (one name or entry a line). */
export const textLines = (text: string | undefined): string[] => (text ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** The counting committee as the setup forms take it: the head, then the other members one a line. */
export function committeeOf(head: string, others: string | undefined): { fullName: string; role: 'head' | 'member' }[] {
  return [{ fullName: head, role: 'head' }, ...textLines(others).map((fullName) => ({ fullName, role: 'member' as const }))];
}
