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

/**
 * A LIKE pattern that finds the words of a query in order with anything between them, so
 * "Nguyễn Hùng" finds "Nguyễn Văn Hùng" (officials often leave out the middle name); the
 * query's own % and _ are taken literally.
 */
export function wordsInOrderPattern(query: string): string {
  const words = normalizeSearch(query)
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
  return `%${words.join('%')}%`;
}
