import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest, SessionView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { changePasswordPath } from '../../app/route-guards.tsx';
import { authApi, storeSession, sessionEndedNotice } from '../../app/session-api.ts';
import { useSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { useCountdown } from './use-countdown.ts';

function returnPathOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/')) {
    return state.from === '/login' ? '/' : state.from;
  }
  return '/';
}

/** Sign-in form: clear messages for a wrong password, a locked account and too many attempts. */
export function LoginPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { session } = useSession();
  const navigate = useNavigate();
  const returnPath = returnPathOf(useLocation().state);
  const [error, setError] = useState<unknown>(null);
  const [sessionEnded] = useState(sessionEndedNotice.shown);
  useEffect(sessionEndedNotice.clear, []);
  const [languageChosen, setLanguageChosen] = useState(false);
  const [waitSeconds, startWait] = useCountdown();

  const login = useMutation({
    mutationFn: authApi.login,
    onMutate: () => setError(null),
    onSuccess: (signedIn: SessionView) => {
      // A language picked on this page wins over the one saved on the account.
      const keepLanguage = languageChosen && signedIn.user.locale !== locale;
      storeSession(keepLanguage ? { ...signedIn, user: { ...signedIn.user, locale } } : signedIn);
      if (keepLanguage) authApi.setLocale(locale).catch(() => undefined);
      void navigate(signedIn.user.mustChangePassword ? changePasswordPath : returnPath, { replace: true });
    },
    onError: (failure) => {
      setError(failure);
      if (failure instanceof ApiError && failure.retryAfterSeconds !== null) startWait(failure.retryAfterSeconds);
    },
  });

  if (session && !login.isPending) return <Navigate to={session.user.mustChangePassword ? changePasswordPath : returnPath} replace />;

  const waiting = error instanceof ApiError && (error.code === 'account_locked' || error.code === 'rate_limited');
  let alert = null;
  if (waiting && waitSeconds === 0) alert = <Alert type="info" showIcon title={t('login.retryNow')} />;
  else if (waiting) {
    const key = error.code === 'account_locked' ? 'login.locked' : 'login.rateLimited';
    alert = <Alert type="warning" showIcon title={t(key, { seconds: waitSeconds })} role="alert" />;
  } else if (error) alert = <Alert type="error" showIcon title={errorText(error)} role="alert" />;
  else if (sessionEnded) alert = <Alert type="info" showIcon title={t('login.sessionEnded')} />;

  return (
    <AuthFrame onLanguageChanged={() => setLanguageChosen(true)}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('login.title')}
      </Typography.Title>
      <Form<LoginRequest> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)} disabled={login.isPending}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        {alert ? <div style={{ marginBottom: 16 }}>{alert}</div> : null}
        <Button type="primary" htmlType="submit" size="large" block loading={login.isPending} disabled={waiting && waitSeconds > 0}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
