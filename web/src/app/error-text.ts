import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ApiError } from './api-client.ts';

/** Turns any failure into a sentence for the user (the server's own message when it sent one). */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return error.code === 'network' ? t('error.network') : error.message;
      return t('error.unexpected');
    },
    [t],
  );
}
