import type { Locale } from '@tcxd/contract';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/vi';

const storageKey = 'tcxd.locale';
const listeners = new Set<() => void>();

function readStored(): Locale {
  try {
    return globalThis.localStorage?.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Locale = readStored();
applyToPage(current);

function applyToPage(locale: Locale): void {
  dayjs.locale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The interface language now in use (Vietnamese unless English was chosen). */
export function getLocale(): Locale {
  return current;
}

/** Switches the interface language and remembers it in this browser. */
export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts until the page is closed.
  }
  applyToPage(locale);
  for (const listener of listeners) listener();
}

/** Subscribes to language changes (for useSyncExternalStore). */
export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
