import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useErrorText } from './error-text.ts';

/** A centred spinner while a page or its data loads. */
export function PageSpinner({ fullScreen = false }: { readonly fullScreen?: boolean }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/** A failed load with the reason and a retry button. */
export function PageError({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const extra: ReactNode = onRetry ? <Button onClick={onRetry}>{t('common.reload')}</Button> : null;
  return <Result status="error" title={t('error.loadFailed')} subTitle={errorText(error)} extra={extra} />;
}

/** The page for a path that does not exist. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFoundPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Shown instead of a page the current scope may not open. */
export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbiddenPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}
