/**
 * Folds Vietnamese text for accent-insensitive search: lower case, no tone or vowel
 * marks, đ → d ("Hà Giang" → "ha giang"). Stored beside names and applied to queries.
 */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
