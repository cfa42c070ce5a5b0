/**
 * Sort keys that order Vietnamese text correctly under a plain byte ("C") comparison, so
 * that the database can page through names in Vietnamese order without an ICU collation
 * (PGlite has none): letters in the Vietnamese alphabet order (a ă â b c d đ e ê …), then
 * tones (none, huyền, hỏi, ngã, sắc, nặng) as a tie-breaker, as dictionaries do.
 */

const alphabet = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const letterCode = new Map(alphabet.map((letter, i) => [letter, String.fromCharCode(0x41 + i)]));

// Combining marks: tones (ordered as dictionaries do) and the vowel marks that make ă â ê ô ơ ư.
const tones = new Map([
  ['\u0300', '1'], // huyền
  ['\u0309', '2'], // hỏi
  ['\u0303', '3'], // ngã
  ['\u0301', '4'], // sắc
  ['\u0323', '5'], // nặng
]);

/** Base letters and tones of one word, e.g. "Trường" → letters "trương", tone "1". */
function split(word: string): { letters: string; tones: string } {
  let letters = '';
  let toneMarks = '';
  for (const ch of word.normalize('NFD').toLowerCase()) {
    const tone = tones.get(ch);
    if (tone) {
      toneMarks = toneMarks.slice(0, -1) + tone;
      continue;
    }
    letters += ch;
    toneMarks += '0';
  }
  return { letters: letters.normalize('NFC'), tones: toneMarks };
}

function primary(letters: string): string {
  let out = '';
  for (const ch of letters) out += letterCode.get(ch) ?? (ch === ' ' ? ' ' : ch < 'A' ? ch : `~${ch}`);
  return out;
}

/** A key that sorts Vietnamese text in dictionary order (compare with collate "C"). */
export function vietnameseSortKey(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean).map(split);
  return `${words.map((w) => primary(w.letters)).join(' ')}\u0001${words.map((w) => w.tones).join('')}`;
}

/** The key for a person's name: given name (the last word) first, then the whole name, as Vietnamese lists are ordered. */
export function personNameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const given = words.at(-1) ?? '';
  return `${vietnameseSortKey(given)}\u0002${vietnameseSortKey(fullName)}`;
}
