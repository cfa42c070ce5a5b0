import { describe, expect, it } from 'vitest';
import { barOption, barsHeight, childBarsOption, countOf, inOrder, largestChildren, pieOption, topWithOthers } from './member-chart-options.ts';

const label = (key: string) => key.toUpperCase();

describe('shaping the statistics for the charts', () => {
  it('puts age bands in their order with zeros, unknown keys last', () => {
    expect(inOrder([{ key: '41-50', count: 3 }, { key: '?', count: 1 }, { key: '18-30', count: 2 }], ['18-30', '31-40', '41-50'], label)).toEqual([
      { name: '18-30', value: 2 },
      { name: '31-40', value: 0 },
      { name: '41-50', value: 3 },
      { name: '?', value: 1 },
    ]);
  });

  it('keeps the ten largest ethnic groups and sums the rest as others', () => {
    const tally = Array.from({ length: 13 }, (_, i) => ({ key: `d${String(i).padStart(2, '0')}`, count: 100 - i }));
    const slices = topWithOthers([...tally, { key: 'none', count: 0 }], 10, 'Khác', label);
    expect(slices).toHaveLength(11);
    expect(slices[0]).toEqual({ name: 'D00', value: 100 });
    expect(slices.at(-1)).toEqual({ name: 'Khác', value: 90 + 89 + 88 });
    expect(topWithOthers(tally.slice(0, 3), 10, 'Khác', label)).toHaveLength(3);
  });

  it('orders ties by their Vietnamese label', () => {
    const slices = topWithOthers([{ key: 'Tày', count: 2 }, { key: 'Êđê', count: 2 }, { key: 'Kinh', count: 9 }], 10, 'Khác', (k) => k);
    expect(slices.map((s) => s.name)).toEqual(['Kinh', 'Êđê', 'Tày']);
  });

  it('stacks full and probationary members per sub-unit, the first unit on top', () => {
    const option = childBarsOption(
      [
        { name: 'Đảng bộ A', full: 10, probationary: 2 },
        { name: 'Đảng bộ B', full: 5, probationary: 1 },
      ],
      { full: 'Chính thức', probationary: 'Dự bị' },
    );
    expect(option).toMatchObject({
      yAxis: { data: ['Đảng bộ B', 'Đảng bộ A'] },
      series: [
        { name: 'Chính thức', stack: 'members', data: [5, 10] },
        { name: 'Dự bị', stack: 'members', data: [1, 2] },
      ],
    });
  });

  it('builds bars, horizontal bars and a donut from the same slices', () => {
    const slices = [
      { name: 'Nam', value: 7 },
      { name: 'Nữ', value: 5 },
    ];
    expect(barOption(slices, 'Số đảng viên')).toMatchObject({ xAxis: { data: ['Nam', 'Nữ'] }, series: [{ data: [7, 5] }] });
    expect(barOption(slices, 'Số đảng viên', true)).toMatchObject({ yAxis: { data: ['Nữ', 'Nam'] }, series: [{ data: [5, 7] }] });
    expect(pieOption(slices, 'Giới tính')).toMatchObject({ series: [{ type: 'pie', data: [{ name: 'Nam', value: 7 }, { name: 'Nữ', value: 5 }] }] });
  });

  it('sizes horizontal charts by their bars and reads single counts', () => {
    expect(barsHeight(2)).toBe(240);
    expect(barsHeight(40)).toBe(48 + 40 * 28);
    expect(countOf([{ key: 'full', count: 4 }], 'full')).toBe(4);
    expect(countOf([], 'probationary')).toBe(0);
  });
});

describe('largestChildren', () => {
  it('keeps every sub-unit up to the limit, else the largest in their order', () => {
    const rows = [
      { name: 'A', full: 1, probationary: 0 },
      { name: 'B', full: 9, probationary: 1 },
      { name: 'C', full: 3, probationary: 3 },
    ];
    expect(largestChildren(rows, 5)).toBe(rows);
    expect(largestChildren(rows, 2).map((r) => r.name)).toEqual(['B', 'C']);
  });
});
