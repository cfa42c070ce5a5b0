import { describe, expect, it } from 'vitest';
import en from './en.json';
import vi from './vi.json';
import { formatMessage, isMessageKey } from './messages.ts';

const english = new Map<string, string>(Object.entries(en));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty message and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(vi)) {
      const translated = english.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Thử lại sau {seconds} giây', { seconds: 30 })).toBe('Thử lại sau 30 giây');
    expect(formatMessage('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

describe('catalogue coverage of contract enums', () => {
  it('names every role and every unit kind', async () => {
    const { roles, unitKinds } = await import('@tcxd/contract');
    for (const role of roles) expect(isMessageKey(`role.${role}`), role).toBe(true);
    for (const kind of unitKinds) expect(isMessageKey(`unitKind.${kind}`), kind).toBe(true);
  });
});

describe('formatRich', () => {
  it('puts elements in place of placeholders', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { formatRich } = await import('./messages.ts');
    const node = formatRich('Đã sáp nhập vào {unit} từ {date}', { unit: createElement('a', { href: '/units/1' }, 'Đảng bộ tỉnh Tuyên Quang'), date: '01/07/2025' });
    expect(renderToStaticMarkup(createElement('p', null, node))).toBe('<p>Đã sáp nhập vào <a href="/units/1">Đảng bộ tỉnh Tuyên Quang</a> từ 01/07/2025</p>');
  });
});
