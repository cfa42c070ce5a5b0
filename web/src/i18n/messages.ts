import type { Locale } from '@tcxd/contract';
import { Fragment, type ReactNode, createElement } from 'react';
import en from './en.json';
import vi from './vi.json';

/** Every UI string key; vi.json is the reference catalogue. */
export type MessageKey = keyof typeof vi;
export type Messages = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

// Typed as Messages so that a key missing from en.json fails the type check.
const english: Messages = en;

export const catalogues: Readonly<Record<Locale, Messages>> = { vi, en: english };

/** Fills the {placeholders} of a message. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Whether a runtime string (an audit action, a unit kind) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/** Fills the {placeholders} of a message with elements (links inside a sentence). */
export function formatRich(template: string, params: Readonly<Record<string, ReactNode>>): ReactNode {
  const parts = template.split(/\{(\w+)\}/);
  return createElement(
    Fragment,
    null,
    ...parts.map((part, index) => {
      if (index % 2 === 0) return part;
      return part in params ? createElement(Fragment, { key: index }, params[part]) : `{${part}}`;
    }),
  );
}
