import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPartyNumber, isPartyDocType, parsePartyNumber, partyDocTypeList, partyDocTypes, partyNumberMax, type PartyNumberErrorCode, type PartyNumberResult } from './party-number.ts';

function value(text: string): { number: number; numberText: string; type: string; issuer: string } {
  const result = parsePartyNumber(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.vi}`);
  const { number, numberText, type, issuer } = result.value;
  return { number, numberText, type, issuer };
}

function errorCode(result: PartyNumberResult): PartyNumberErrorCode | null {
  return result.ok ? null : result.error.code;
}

describe('parsePartyNumber', () => {
  it('parses the numbers of the sector', () => {
    expect(value('21-KL/TW')).toEqual({ number: 21, numberText: '21', type: 'KL', issuer: 'TW' });
    expect(value('137-QĐ/TW')).toEqual({ number: 137, numberText: '137', type: 'QĐ', issuer: 'TW' });
    expect(value('26-HD/BTCTW')).toEqual({ number: 26, numberText: '26', type: 'HD', issuer: 'BTCTW' });
    expect(value('52-KH/BTCTW')).toMatchObject({ number: 52, type: 'KH', issuer: 'BTCTW' });
    expect(value('03-KH/TW')).toEqual({ number: 3, numberText: '03', type: 'KH', issuer: 'TW' });
    expect(value('21-NQ/TW')).toMatchObject({ type: 'NQ' });
    expect(value('15-CTr/TU')).toMatchObject({ number: 15, type: 'CTr', issuer: 'TU' });
    expect(value('05-TB/ĐU')).toEqual({ number: 5, numberText: '05', type: 'TB', issuer: 'ĐU' });
    expect(value('12-GM/BTCTW')).toMatchObject({ type: 'GM' });
  });

  it('gives the type name in both languages', () => {
    const result = parsePartyNumber('21-KL/TW');
    expect(result.ok && result.value.typeName).toEqual({ vi: 'Kết luận', en: 'conclusion' });
  });

  it('normalises spacing, dashes, case, a "Số" prefix and QD/DA without Đ', () => {
    expect(value('  21-KL/TW \n')).toMatchObject({ number: 21, type: 'KL', issuer: 'TW' });
    expect(value('21 - KL / TW')).toMatchObject({ number: 21, type: 'KL', issuer: 'TW' });
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFF0D']) {
      expect(value(`21${dash}KL/TW`)).toMatchObject({ number: 21, type: 'KL' });
    }
    expect(value('21-KL\u2215TW')).toMatchObject({ issuer: 'TW' });
    expect(value('137-qđ/tw')).toMatchObject({ type: 'QĐ', issuer: 'TW' });
    expect(value('137-QD/TW')).toMatchObject({ type: 'QĐ' });
    expect(value('137-qd/TW')).toMatchObject({ type: 'QĐ' });
    expect(value('02-DA/TU')).toMatchObject({ type: 'ĐA' });
    expect(value('15-ctr/TU')).toMatchObject({ type: 'CTr' });
    expect(value('15-CTR/TU')).toMatchObject({ type: 'CTr' });
    expect(value('04-ttr/BTCTW')).toMatchObject({ type: 'TTr' });
    expect(value('04-tt/BTCTW')).toMatchObject({ type: 'TT' });
    expect(value('05-TB/đu')).toMatchObject({ issuer: 'ĐU' });
    expect(value('Số 21-KL/TW')).toMatchObject({ number: 21 });
    expect(value('số: 26-HD/BTCTW')).toMatchObject({ number: 26 });
    expect(value('SỐ 26-HD/BTCTW')).toMatchObject({ number: 26 });
  });

  it('treats decomposed Vietnamese like precomposed', () => {
    // Some keyboards type the marks as combining characters.
    expect(value('So\u0302\u0301 05-TB/ĐU')).toMatchObject({ number: 5, issuer: 'ĐU' });
    expect(value('05-TB/BCSU\u031b')).toMatchObject({ issuer: 'BCSƯ' });
  });

  it('does not guess HD from HĐ', () => {
    expect(errorCode(parsePartyNumber('26-HĐ/BTCTW'))).toBe('unknown_type');
  });

  it('refuses State numbers with a hint on the Party form', () => {
    for (const text of ['123/2025/NĐ-CP', '05/2024/TT-BNV', '12/QĐ-TTg', '1234/BNV-TCBC', ' 123 / 2025 / NĐ – CP ']) {
      const result = parsePartyNumber(text);
      expect(result).toMatchObject({ ok: false, error: { code: 'state_style' } });
      if (!result.ok) {
        expect(result.error.vi).toBe('Số hiệu văn bản nhà nước; văn bản của Đảng có dạng số-LOẠI/CƠ QUAN, ví dụ 21-KL/TW');
        expect(result.error.en).toContain('number-TYPE/ISSUER');
      }
    }
  });

  it('lists the known types when the type is unknown', () => {
    const result = parsePartyNumber('21-XY/TW');
    expect(errorCode(result)).toBe('unknown_type');
    if (!result.ok) {
      expect(result.error.vi).toContain('XY');
      for (const t of partyDocTypeList) expect(result.error.vi).toContain(t);
      expect(result.error.en).toContain('CTr');
    }
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Số ', 'empty'],
    ['KL/TW', 'malformed'],
    ['21/TW', 'malformed'],
    ['21', 'malformed'],
    ['21-KL-TW', 'malformed'],
    ['-KL/TW', 'missing_number'],
    ['2a-KL/TW', 'bad_number'],
    ['0000021-KL/TW', 'bad_number'],
    ['0-KL/TW', 'number_zero'],
    ['00-KL/TW', 'number_zero'],
    ['1000000-KL/TW', 'number_too_large'],
    ['99999999999999999999999-KL/TW', 'number_too_large'],
    ['21-/TW', 'missing_type'],
    ['21-KL', 'missing_issuer'],
    ['21-KL/', 'missing_issuer'],
    ['21-KL/T W', 'bad_issuer'],
    ['21-KL/TW/BTC', 'bad_issuer'],
    ['21-KL/TƯ.', 'bad_issuer'],
    ['21-KL/ABCDEFGHIJKLMNOPQRSTU', 'bad_issuer'],
  ] as const)('refuses %j (%s)', (text, code) => {
    const result = parsePartyNumber(text);
    expect(errorCode(result)).toBe(code);
    if (!result.ok) {
      expect(result.error.vi.length).toBeGreaterThan(0);
      expect(result.error.en.length).toBeGreaterThan(0);
    }
  });

  it('accepts the edge numbers', () => {
    expect(value('1-KL/TW')).toMatchObject({ number: 1, numberText: '1' });
    expect(value('01-KL/TW')).toMatchObject({ number: 1, numberText: '01' });
    expect(value(`${partyNumberMax}-CV/VPTW`)).toMatchObject({ number: partyNumberMax });
    expect(value('05-TB/ĐU-QS')).toMatchObject({ issuer: 'ĐU-QS' });
  });
});

describe('formatPartyNumber', () => {
  it('writes the canonical form, keeping or adding the leading zero', () => {
    expect(formatPartyNumber({ number: 21, type: 'KL', issuer: 'TW' })).toBe('21-KL/TW');
    expect(formatPartyNumber({ number: 3, type: 'KH', issuer: 'TW' })).toBe('03-KH/TW');
    expect(formatPartyNumber({ number: 3, numberText: '3', type: 'KH', issuer: 'TW' })).toBe('3-KH/TW');
    expect(formatPartyNumber({ number: 3, numberText: '07', type: 'KH', issuer: 'TW' })).toBe('03-KH/TW');
    expect(formatPartyNumber({ number: 15, type: 'CTr', issuer: 'tu' })).toBe('15-CTr/TU');
  });

  it('normalises what was parsed', () => {
    const parsed = parsePartyNumber(' số 137 – qd / tw ');
    expect(parsed.ok && formatPartyNumber(parsed.value)).toBe('137-QĐ/TW');
  });

  it('refuses what it could not parse back', () => {
    expect(() => formatPartyNumber({ number: 0, type: 'KL', issuer: 'TW' })).toThrow(RangeError);
    expect(() => formatPartyNumber({ number: 1.5, type: 'KL', issuer: 'TW' })).toThrow(RangeError);
    expect(() => formatPartyNumber({ number: partyNumberMax + 1, type: 'KL', issuer: 'TW' })).toThrow(RangeError);
    expect(() => formatPartyNumber({ number: 1, type: 'KL', issuer: 'T/W' })).toThrow(RangeError);
    expect(() => formatPartyNumber({ number: 1, type: 'KL', issuer: '' })).toThrow(RangeError);
  });

  it('round-trips through parsePartyNumber', () => {
    const issuerPart = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIKLMNOPQRSTUVXYĐ0123456789'), minLength: 1, maxLength: 6 });
    const issuer = fc.array(issuerPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-')).filter((s) => s.length <= 20);
    const parts = fc.record({
      number: fc.integer({ min: 1, max: partyNumberMax }),
      pad: fc.integer({ min: 0, max: 2 }),
      type: fc.constantFrom(...partyDocTypeList),
      issuer,
    });
    fc.assert(
      fc.property(parts, ({ number, pad, type, issuer: iss }) => {
        const numberText = String(number).padStart(Math.min(6, String(number).length + pad), '0');
        const text = formatPartyNumber({ number, numberText, type, issuer: iss });
        const parsed = parsePartyNumber(text);
        expect(parsed).toEqual({ ok: true, value: { number, numberText, type, typeName: partyDocTypes[type], issuer: iss } });
        if (parsed.ok) expect(formatPartyNumber(parsed.value)).toBe(text);
      }),
    );
  });
});

describe('partyDocTypes', () => {
  it('matches the shared document types list, plus GM for invitations', () => {
    // Copied from /work/shared/data/document-types.csv (abbr, name_vi) to notice drift.
    const csv = 'NQ Nghị quyết|CT Chỉ thị|KL Kết luận|QĐ Quyết định / Quy định|QC Quy chế|HD Hướng dẫn|KH Kế hoạch|CTr Chương trình|TB Thông báo|BC Báo cáo|TTr Tờ trình|ĐA Đề án|BB Biên bản|CV Công văn|TT Thông tri';
    const fromList = partyDocTypeList.filter((t) => t !== 'GM').map((t) => `${t} ${partyDocTypes[t].vi}`);
    expect(fromList.join('|')).toBe(csv);
    expect(Object.keys(partyDocTypes).sort()).toEqual([...partyDocTypeList].sort());
    expect(isPartyDocType('CTr')).toBe(true);
    expect(isPartyDocType('ctr')).toBe(false);
    expect(isPartyDocType('toString')).toBe(false);
  });
});
