/**
 * The inverse of `safeCell` (spreadsheet.ts): an exported text cell that a spreadsheet would
 * take for a formula (=, +, -, @, tab, CR) is written with a leading apostrophe, so that the
 * apostrophe is dropped again when the file comes back in and a re-import changes nothing.
 */
export function unguardCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
