import type { Locale } from '@tcxd/contract';
import { App, Segmented } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useErrorText } from './error-text.ts';
import { useChangeLanguage } from './session-hooks.tsx';

const isLocale = (value: string): value is Locale => value === 'vi' || value === 'en';

/** VI / EN switch; signed in, the choice is saved on the account, otherwise in this browser. */
export function LanguageSwitch({ onChanged }: { readonly onChanged?: (locale: Locale) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const changeLanguage = useChangeLanguage();
  const options = [
    { value: 'vi', label: 'VI', title: t('lang.vi') },
    { value: 'en', label: 'EN', title: t('lang.en') },
  ];
  return (
    <Segmented
      aria-label={t('lang.label')}
      size="small"
      value={locale}
      options={options}
      onChange={(value: string) => {
        if (!isLocale(value)) return;
        onChanged?.(value);
        changeLanguage(value).catch((error: unknown) => void message.error(errorText(error)));
      }}
    />
  );
}
