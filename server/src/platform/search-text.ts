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
  return `%${escapedQueryWords(query).join('%')}%`;
}

/** The words of a query, accent-free, with LIKE's % _ and \ escaped. */
export function escapedQueryWords(query: string): string[] {
  return normalizeSearch(query)
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
}

/**
 * A LIKE pattern over ' ' || name that finds each typed word at the start of a name word,
 * in order: "nguyen hung" finds "nguyen van hung", "hung" does not find "phung".
 */
export function wordStartsPattern(query: string): string {
  return `${escapedQueryWords(query).map((w) => `% ${w}`).join('')}%`;
}
