import { describe, expect, it } from 'vitest';
import { normalizeSearch, wordsInOrderPattern } from './search-text.ts';

describe('normalizeSearch', () => {
  it('folds Vietnamese diacritics, đ and case', () => {
    expect(normalizeSearch('Hà Giang')).toBe('ha giang');
    expect(normalizeSearch('ĐẮK LẮK')).toBe('dak lak');
    expect(normalizeSearch('  Thừa   Thiên Huế ')).toBe('thua thien hue');
    expect(normalizeSearch('Bà Rịa – Vũng Tàu')).toBe('ba ria – vung tau');
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(normalizeSearch('Ho\u0302\u0300 Chi\u0301 Minh')).toBe(normalizeSearch('Hồ Chí Minh'));
  });
});

describe('wordsInOrderPattern', () => {
  it('matches the words in order with anything between, accent-free', () => {
    expect(wordsInOrderPattern('Nguyễn  Hùng')).toBe('%nguyen%hung%');
    expect(wordsInOrderPattern(' tran thi lan ')).toBe('%tran%thi%lan%');
  });

  it('takes the wildcards of LIKE literally', () => {
    expect(wordsInOrderPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
