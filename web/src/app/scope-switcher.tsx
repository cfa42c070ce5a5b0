import { useMutation } from '@tanstack/react-query';
import { App, Select } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useErrorText } from './error-text.ts';
import { queryClient } from './query-client.ts';
import { authApi } from './session-api.ts';
import { useCurrentSession } from './session-hooks.tsx';

const allScopes = 'all';

/** Chooses the grant the user works under; every cached answer is refetched afterwards. */
export function ScopeSwitcher() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const change = useMutation({
    mutationFn: authApi.setScope,
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      void message.success(t('header.scopeChanged'));
    },
    onError: (error) => void message.error(errorText(error)),
  });

  if (session.grants.length === 0) return null;
  const options = [
    { value: allScopes, label: t('header.allScopes') },
    ...session.grants.map((g) => ({ value: g.id, label: `${t(`role.${g.role}`)} — ${g.unitName}` })),
  ];
  return (
    <Select
      aria-label={t('header.scope')}
      title={t('header.scope')}
      value={session.activeGrantId ?? allScopes}
      options={options}
      loading={change.isPending}
      disabled={change.isPending}
      popupMatchSelectWidth={false}
      style={{ width: 300, maxWidth: '34vw' }}
      onChange={(value: string) => change.mutate(value === allScopes ? null : value)}
    />
  );
}
