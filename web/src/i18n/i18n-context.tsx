import type { Locale } from '@tcxd/contract';
import { createContext, type ReactNode, useContext, useMemo, useSyncExternalStore } from 'react';
import { getLocale, setLocale, subscribeLocale } from './locale-store.ts';
import { catalogues, formatMessage, formatRich, isMessageKey, type MessageKey, type MessageParams } from './messages.ts';

export interface I18n {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  /** The message of a key in the current language. */
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  /** The message of a runtime key, or the fallback when the catalogue has none. */
  readonly tOr: (key: string, fallback: string, params?: MessageParams) => string;
  /** The message of a key with elements (links) in its placeholders. */
  readonly tRich: (key: MessageKey, params: Readonly<Record<string, ReactNode>>) => ReactNode;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the current language and its messages to the tree. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const locale = useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  const value = useMemo<I18n>(() => {
    const messages = catalogues[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => formatMessage(messages[key], params),
      tOr: (key, fallback, params) => (isMessageKey(key) ? formatMessage(messages[key], params) : fallback),
      tRich: (key, params) => formatRich(messages[key], params),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and the translate functions. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
