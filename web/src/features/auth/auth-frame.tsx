import type { Locale } from '@tcxd/contract';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { brandColor } from '../../app/theme.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The centred card of the sign-in page, with the emblem, the system name and the language switch. */
export function AuthFrame({ children, onLanguageChanged }: { readonly children: ReactNode; readonly onLanguageChanged?: (locale: Locale) => void }) {
  const { t } = useI18n();
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: `linear-gradient(180deg, ${brandColor} 0, #7f1d1d 42%, #f4f5f7 42%)` }}
    >
      <Card style={{ width: 420, maxWidth: '100%', boxShadow: '0 10px 30px rgba(0,0,0,0.12)' }}>
        <Flex justify="flex-end">
          <LanguageSwitch {...(onLanguageChanged ? { onChanged: onLanguageChanged } : {})} />
        </Flex>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={56} height={56} />
          <Typography.Title level={2} style={{ margin: '8px 0 0', color: brandColor, letterSpacing: 2 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('app.fullName')}
          </Typography.Text>
        </Flex>
        {children}
      </Card>
    </Flex>
  );
}
