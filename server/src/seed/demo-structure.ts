import type { UnitRowInput } from '../modules/units/units.bulk.ts';

/** How many units to generate below each organisation directly under the Centre. */
export const demoScales = {
  /** ≈ 2,000 units: the default for `npm start`. */
  small: { upper: 3, grassroots: 3, cells: 2 },
  /** ≈ 15,000 units. */
  medium: { upper: 6, grassroots: 6, cells: 5 },
  /** ≈ 52,000 grassroots organisations and ≈ 260,000 cells, as in the whole country. */
  national: { upper: 12, grassroots: 65, cells: 5 },
} as const;
export type DemoScale = keyof typeof demoScales;

/** A small deterministic pseudo-random generator (mulberry32), so the demo is the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const syllables = ['An', 'Bình', 'Phú', 'Tân', 'Hòa', 'Thạnh', 'Long', 'Mỹ', 'Phước', 'Xuân', 'Đông', 'Tây', 'Vĩnh', 'Hưng', 'Thành', 'Quang', 'Minh', 'Hải', 'Sơn', 'Lâm', 'Trung', 'Nghĩa', 'Thuận', 'Lộc', 'Cường', 'Đức', 'Hiệp', 'Khánh', 'Lợi', 'Thịnh'];
const upperKinds = ['huyện', 'quận', 'thị xã', 'thành phố'];
const grassrootsPatterns: readonly ((place: string) => string)[] = [
  (p) => `Đảng bộ xã ${p}`,
  (p) => `Đảng bộ phường ${p}`,
  (p) => `Đảng bộ thị trấn ${p}`,
  (p) => `Đảng bộ Công ty cổ phần ${p}`,
  (p) => `Đảng bộ Bệnh viện đa khoa ${p}`,
  (p) => `Đảng bộ Trường Trung học phổ thông ${p}`,
];
const cellPatterns: readonly ((place: string, n: number) => string)[] = [
  (p) => `Chi bộ thôn ${p}`,
  (p, n) => `Chi bộ tổ dân phố số ${n}`,
  (p) => `Chi bộ ấp ${p}`,
  (p) => `Chi bộ khu phố ${p}`,
  (_p, n) => `Chi bộ Phòng ${['Hành chính', 'Kế toán', 'Kỹ thuật', 'Tổ chức', 'Kinh doanh'][n % 5]}`,
];

/**
 * Plausible lower levels (đảng bộ cấp trên cơ sở, đảng bộ cơ sở, chi bộ) below the given
 * top units, deterministic for a seed. Codes extend the parent's code.
 */
export function* demoRows(tops: readonly { code: string }[], scale: DemoScale, validFrom: string, seed = 2021): Generator<UnitRowInput> {
  const size = demoScales[scale];
  const random = seededRandom(seed);
  const place = () => `${syllables[Math.floor(random() * syllables.length)]} ${syllables[Math.floor(random() * syllables.length)]}`;
  let row = 0;
  for (const top of tops) {
    for (let u = 1; u <= size.upper; u += 1) {
      const upperCode = `${top.code}.H${u}`;
      const upperKind = upperKinds[Math.floor(random() * upperKinds.length)] ?? 'huyện';
      yield { row: (row += 1), code: upperCode, name: `Đảng bộ ${upperKind} ${place()}`, kind: 'upper_grassroots', parentCode: top.code, validFrom };
      for (let g = 1; g <= size.grassroots; g += 1) {
        const grassCode = `${upperCode}.X${g}`;
        const pattern = grassrootsPatterns[Math.floor(random() * grassrootsPatterns.length)] ?? grassrootsPatterns[0];
        yield { row: (row += 1), code: grassCode, name: pattern ? pattern(place()) : place(), kind: 'grassroots_committee', parentCode: upperCode, validFrom };
        for (let c = 1; c <= size.cells; c += 1) {
          const cell = cellPatterns[Math.floor(random() * cellPatterns.length)];
          yield { row: (row += 1), code: `${grassCode}.C${c}`, name: cell ? cell(place(), c) : place(), kind: 'cell', parentCode: grassCode, validFrom };
        }
      }
    }
  }
}
