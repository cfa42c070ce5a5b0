import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personNameSortKey, vietnameseSortKey } from './vietnamese-sort.ts';

const byKey = (key: (s: string) => string) => (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

describe('Vietnamese sort keys', () => {
  it('orders letters as the Vietnamese alphabet does', () => {
    const words = ['Đức', 'Dũng', 'Ân', 'Anh', 'Ăn', 'Bình', 'Ơn', 'Ông', 'Oanh', 'Ưng', 'Uyên', 'Yến', 'Xuân'];
    expect([...words].sort(byKey(vietnameseSortKey))).toEqual(['Anh', 'Ăn', 'Ân', 'Bình', 'Dũng', 'Đức', 'Oanh', 'Ông', 'Ơn', 'Uyên', 'Ưng', 'Xuân', 'Yến']);
  });

  it('breaks ties by tone: none, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(['má', 'mạ', 'mà', 'mã', 'ma', 'mả'].sort(byKey(vietnameseSortKey))).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });

  it('orders people by given name, then by the whole name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Phạm Đức Anh'];
    expect([...names].sort(byKey(personNameSortKey))).toEqual(['Lê Văn An', 'Nguyễn Thị An', 'Phạm Đức Anh', 'Trần Văn Bình']);
  });

  it('agrees with decomposed and composed input', () => {
    fc.assert(
      fc.property(fc.constantFrom('Nguyễn Văn Trường', 'Đặng Thị Ánh', 'Hoàng Ngọc Ẩn'), (name) => {
        expect(personNameSortKey(name.normalize('NFD'))).toBe(personNameSortKey(name.normalize('NFC')));
      }),
    );
  });

  it('agrees with ICU Vietnamese collation on the base letters', () => {
    const collator = new Intl.Collator('vi', { sensitivity: 'base' });
    const letters = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxy');
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 6 }), fc.array(letters, { minLength: 1, maxLength: 6 }), (a, b) => {
        const [x, y] = [a.join(''), b.join('')];
        const ours = Math.sign(vietnameseSortKey(x) < vietnameseSortKey(y) ? -1 : vietnameseSortKey(x) > vietnameseSortKey(y) ? 1 : 0);
        if (x !== y) expect(ours).toBe(Math.sign(collator.compare(x, y)));
      }),
    );
  });
});
