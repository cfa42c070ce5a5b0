import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { StrictMode, Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { I18nProvider, useI18n } from '../i18n/i18n-context.tsx';
import { theme } from './theme.ts';
import { AppRouter } from './app-router.tsx';
import { PageSpinner } from './page-states.tsx';
import { queryClient } from './query-client.ts';

function LocalizedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<PageSpinner fullScreen />}>
            <AppRouter />
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** The whole app with its providers: query cache, language, Ant Design locale and theme, router. */
export function AppRoot() {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <LocalizedApp />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
